package org.safereg.registration;

import java.util.Objects;
import org.safereg.privacy.DenialReason;

/**
 * The policy decision point denied the request. The denial was audited (outcome DENIED) before this was thrown,
 * and nothing was read or written. API: 403 with a problem type derived from {@link DenialReason#slug()}.
 */
public final class AccessDeniedException extends RegistrationException {
    private final DenialReason reason;

    public AccessDeniedException(DenialReason reason) {
        super(Objects.requireNonNull(reason, "reason").detail());
        this.reason = reason;
    }

    public DenialReason reason() {
        return reason;
    }
}
