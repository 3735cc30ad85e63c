package org.safereg.privacy;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.safereg.privacy.breakglass.BreakGlassId;
import org.safereg.privacy.sharing.AgreementId;

/** Outcome of a policy decision: permit (with the purpose and the role that allowed it) or deny with a reason. */
public sealed interface AccessDecision {

    /**
     * Access is permitted.
     *
     * @param fields the personal fields the response may contain (the purpose's fields, narrowed to an
     *               agreement's for a disclosure)
     * @param basis the legal basis relied on for the subject, if the decision concerned one
     * @param breakGlass the break-glass grant relied on, if any (audited and flagged for review)
     * @param agreement the data-sharing agreement relied on for a disclosure, if any
     */
    record Permit(PurposeCode purpose, Role role, Set<PersonalField> fields, Optional<LegalBasis> basis,
                  Optional<BreakGlassId> breakGlass, Optional<AgreementId> agreement) implements AccessDecision {
        public Permit {
            Objects.requireNonNull(purpose, "purpose");
            Objects.requireNonNull(role, "role");
            fields = fields.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(fields));
            Objects.requireNonNull(basis, "basis");
            Objects.requireNonNull(breakGlass, "breakGlass");
            Objects.requireNonNull(agreement, "agreement");
        }

        /** A permit seeing every field, with no subject basis involved. */
        public Permit(PurposeCode purpose, Role role) {
            this(purpose, role, EnumSet.allOf(PersonalField.class), Optional.empty(), Optional.empty(),
                    Optional.empty());
        }
    }

    record Deny(DenialReason reason) implements AccessDecision {
    }

    default boolean permitted() {
        return this instanceof Permit;
    }
}
