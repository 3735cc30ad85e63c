package org.safereg.privacy;

import java.util.List;
import java.util.Objects;
import org.safereg.privacy.sharing.DataSharingAgreement;
import org.safereg.privacy.sharing.RecipientId;

/**
 * The request discloses data to a recipient outside the organisation. {@code agreements} are the recipient's
 * agreements as loaded by the caller (any state); the policy decision point permits only if one is active and
 * covers the purpose, and projects the response to the fields both the purpose and that agreement allow.
 */
public record Disclosure(RecipientId recipient, List<DataSharingAgreement> agreements) {
    public Disclosure {
        Objects.requireNonNull(recipient, "recipient");
        agreements = List.copyOf(agreements);
    }
}
