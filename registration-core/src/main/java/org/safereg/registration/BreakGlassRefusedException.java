package org.safereg.registration;

import java.util.Objects;
import org.safereg.privacy.breakglass.BreakGlassViolation;

/**
 * A break-glass step breaks a rule of the workflow (self-approval, a request already decided, a review by an
 * involved user, ...). Audited as FAILED; nothing changed. API: 403 for self-approval and an involved reviewer,
 * 409 otherwise, with the violation's slug as problem type.
 */
public final class BreakGlassRefusedException extends RegistrationException {
    private final BreakGlassViolation violation;

    public BreakGlassRefusedException(BreakGlassViolation violation) {
        super(Objects.requireNonNull(violation, "violation").detail());
        this.violation = violation;
    }

    public BreakGlassViolation violation() {
        return violation;
    }
}
