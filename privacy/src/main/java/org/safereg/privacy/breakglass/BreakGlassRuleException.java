package org.safereg.privacy.breakglass;

import java.util.Objects;

/** A break-glass step breaks a rule of the workflow ({@link BreakGlassViolation}); nothing changed. */
public final class BreakGlassRuleException extends IllegalStateException {
    private final BreakGlassViolation violation;

    public BreakGlassRuleException(BreakGlassViolation violation) {
        super(Objects.requireNonNull(violation, "violation").detail());
        this.violation = violation;
    }

    public BreakGlassViolation violation() {
        return violation;
    }
}
