package org.safereg.registration.sharing;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.safereg.privacy.PersonalField;
import org.safereg.privacy.PurposeCode;
import org.safereg.privacy.sharing.AgreementId;
import org.safereg.privacy.sharing.RecipientId;

/**
 * The record of one transfer (a disclosure to a recipient), without personal data: which agreement it relied
 * on, to whom, for which purpose, which fields, to which country if transborder, when, by whom (account and
 * role), under which request, and how many subjects were sent, withheld (no basis for the purpose) or not
 * found (unknown, erased, or not an active registration).
 */
public record TransferRecord(UUID id, AgreementId agreement, RecipientId recipient, PurposeCode purpose,
                             Set<PersonalField> fields, Optional<String> destinationCountry, Instant at, String actor,
                             String role, String requestId, int transferred, int withheld, int notFound) {
    public TransferRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(agreement, "agreement");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(purpose, "purpose");
        fields = Set.copyOf(fields);
        Objects.requireNonNull(destinationCountry, "destinationCountry");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(requestId, "requestId");
    }
}
