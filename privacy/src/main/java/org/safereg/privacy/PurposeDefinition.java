package org.safereg.privacy;

import java.time.Period;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One purpose of the {@link PurposeCatalogue}: who may use it, what it may do and see, and on which legal bases a
 * subject's data may be processed for it.
 *
 * @param roles the roles that may declare the purpose
 * @param actions the operations the purpose covers
 * @param fields the personal fields a response for this purpose may contain (data minimisation)
 * @param bases the legal bases the purpose accepts in a subject's {@link org.safereg.privacy.consent.BasisRecord}
 *              (a purpose accepting {@link LegalBasis#CONSENT} also accepts {@link LegalBasis#EXPLICIT_CONSENT}:
 *              explicit consent is a consent)
 * @param requiresSubjectBasis whether a request naming a subject needs a valid basis of that subject for the purpose
 *                             (false for AUDIT, SUBJECT_REQUEST, ADMIN.* and STATS.*)
 * @param breakGlassAllowed whether an approved break-glass grant may stand in for a missing basis (vital interest)
 * @param retention how long data held on a basis for this purpose is kept after the basis was recorded, if the
 *                  purpose holds data of its own
 */
public record PurposeDefinition(PurposeCode code, Set<Role> roles, Set<Action> actions, Set<PersonalField> fields,
                                Set<LegalBasis> bases, boolean requiresSubjectBasis, boolean breakGlassAllowed,
                                Optional<Period> retention) {
    public PurposeDefinition {
        Objects.requireNonNull(code, "code");
        if (PurposeCatalogue.PROHIBITED.contains(code)) {
            throw new IllegalArgumentException("purpose " + code + " is prohibited and cannot be configured");
        }
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        actions = actions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(actions));
        fields = fields.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(fields));
        bases = bases.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(bases));
        Objects.requireNonNull(retention, "retention");
        if (requiresSubjectBasis && bases.isEmpty()) {
            throw new IllegalArgumentException("purpose " + code + " requires a subject basis but accepts none");
        }
        retention.ifPresent(p -> {
            if (p.isNegative() || p.isZero()) {
                throw new IllegalArgumentException("purpose " + code + " has a retention period that is not positive");
            }
        });
    }

    /** Whether {@code basis} is one this purpose accepts (explicit consent counts as consent). */
    public boolean accepts(LegalBasis basis) {
        return bases.contains(basis) || (basis == LegalBasis.EXPLICIT_CONSENT && bases.contains(LegalBasis.CONSENT));
    }

    /** This definition with other roles. */
    public PurposeDefinition withRoles(Set<Role> newRoles) {
        return new PurposeDefinition(code, newRoles, actions, fields, bases, requiresSubjectBasis, breakGlassAllowed,
                retention);
    }

    /** This definition with other covered actions. */
    public PurposeDefinition withActions(Set<Action> newActions) {
        return new PurposeDefinition(code, roles, newActions, fields, bases, requiresSubjectBasis, breakGlassAllowed,
                retention);
    }
}
