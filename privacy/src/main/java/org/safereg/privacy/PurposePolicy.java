package org.safereg.privacy;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.safereg.keys.DataCategory;
import org.safereg.keys.SubjectId;
import org.safereg.privacy.breakglass.BreakGlassGrant;
import org.safereg.privacy.consent.BasisRecord;
import org.safereg.privacy.consent.ConsentStatus;
import org.safereg.privacy.sharing.DataSharingAgreement;

/**
 * The consent-aware {@link PolicyDecisionPoint} over a {@link PurposeCatalogue}. {@link #decide} checks, in order:
 * <ol>
 * <li><b>Purpose</b>: declared (not missing or blank), else {@link DenialReason#NO_PURPOSE}; a well-formed
 *     {@link PurposeCode}, else {@link DenialReason#INVALID_PURPOSE}; not {@linkplain PurposeCatalogue#PROHIBITED
 *     prohibited}, else {@link DenialReason#PROHIBITED_PURPOSE}; known to the catalogue, else
 *     {@link DenialReason#INVALID_PURPOSE}.</li>
 * <li><b>Role and action</b>: one of the actor's roles holds the purpose, else
 *     {@link DenialReason#PURPOSE_NOT_ALLOWED_FOR_ROLE}; the purpose covers the action, else
 *     {@link DenialReason#ACTION_NOT_COVERED_BY_PURPOSE}; for a role-restricted action, one of the actor's roles
 *     holding the purpose may perform it, else {@link DenialReason#ACTION_NOT_ALLOWED_FOR_ROLE}. The permit names
 *     the first such role in {@link Role} declaration order.</li>
 * <li><b>Subject basis</b>, when the request names a subject, the purpose {@linkplain
 *     PurposeDefinition#requiresSubjectBasis() requires one} and the action is not consent management
 *     (CONSENT_READ, CONSENT_RECORD, CONSENT_WITHDRAW: the subject must be able to see, give again and withdraw
 *     consent whatever their standing). The subject's current {@link BasisRecord} for the purpose (at most one
 *     per purpose in {@link SubjectBases}) must be GIVEN, have a basis the purpose {@linkplain
 *     PurposeDefinition#accepts accepts}, and a {@code validUntil} absent or after now; for a biometric action
 *     (BIOMETRIC_*, ADJUDICATION_*) it must also list {@link DataCategory#BIOMETRIC} and, if consent-based, be
 *     {@link LegalBasis#EXPLICIT_CONSENT}; for a case-note action (CASE_NOTE_*) it must list
 *     {@link DataCategory#CASE_NOTES}. A consent-based basis narrows the purpose's fields to those whose
 *     {@linkplain PersonalField#category() category} it lists (none left: no basis). Otherwise the reason is
 *     {@link DenialReason#NO_CONSENT} (no record, REFUSED, a basis the purpose does not accept, a category not
 *     consented to), {@link DenialReason#CONSENT_WITHDRAWN} (WITHDRAWN) or {@link DenialReason#CONSENT_EXPIRED}
 *     (GIVEN but expired) ... unless the purpose {@linkplain PurposeDefinition#breakGlassAllowed() allows
 *     break-glass}, the request is not a disclosure, and an approved grant for this subject {@linkplain
 *     BreakGlassGrant#allows allows} the actor the purpose now: then the permit relies on
 *     {@link LegalBasis#VITAL_INTEREST}, names the grant and sees the purpose's fields.</li>
 * <li><b>Disclosure</b> to a recipient outside the organisation: one of the recipient's agreements
 *     {@linkplain DataSharingAgreement#covers covers} the purpose now, else {@link DenialReason#NO_AGREEMENT}; if
 *     the basis relied on is consent-based, the consent names the recipient among its
 *     {@linkplain BasisRecord#recipients() recipients} (none named: no recipient outside the organisation), else
 *     {@link DenialReason#RECIPIENT_NOT_CONSENTED}; the permit's fields are narrowed to that agreement's (the
 *     first covering one listed).</li>
 * <li><b>Permit</b>: purpose, role, the visible fields, the basis relied on (for a subject decision),
 *     the grant, the agreement.</li>
 * </ol>
 *
 * <p>Immutable and thread-safe (the clock must be too; {@link Clock#systemUTC()} is). {@link #decide} does no I/O:
 * the caller loads the subject's {@link SubjectBases} and the recipient's agreements. Cost: a few map look-ups plus
 * one pass over the subject's basis records and grants (microseconds).
 */
public final class PurposePolicy implements PolicyDecisionPoint {

    private static final Set<Action> BIOMETRIC_ACTIONS = EnumSet.of(Action.BIOMETRIC_ENROL, Action.BIOMETRIC_VERIFY,
            Action.BIOMETRIC_IDENTIFY, Action.BIOMETRIC_IMAGE_VIEW, Action.BIOMETRIC_REEXTRACT,
            Action.ADJUDICATION_VIEW, Action.ADJUDICATION_DECIDE);
    private static final Set<Action> CASE_NOTE_ACTIONS = EnumSet.of(Action.CASE_NOTE_READ, Action.CASE_NOTE_WRITE);
    private static final Set<Action> CONSENT_MANAGEMENT = EnumSet.of(Action.CONSENT_READ, Action.CONSENT_RECORD,
            Action.CONSENT_WITHDRAW);

    private final PurposeCatalogue catalogue;
    private final Clock clock;

    /** A decision point over {@code catalogue}, judging validity against {@code clock}. */
    public PurposePolicy(PurposeCatalogue catalogue, Clock clock) {
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The {@linkplain PurposeCatalogue#defaults() default catalogue} on the system UTC clock. */
    public static PurposePolicy defaults() {
        return new PurposePolicy(PurposeCatalogue.defaults(), Clock.systemUTC());
    }

    /**
     * A policy on the system UTC clock over {@link PurposeCatalogue#fromConfiguration} of the given tables (see
     * there for the format and the errors).
     */
    public static PurposePolicy fromConfiguration(Map<String, List<String>> roleToPurposes,
                                                  Map<String, List<String>> purposeToActions) {
        return new PurposePolicy(PurposeCatalogue.fromConfiguration(roleToPurposes, purposeToActions),
                Clock.systemUTC());
    }

    /** As {@link #fromConfiguration(Map, Map)} with the default covered actions. */
    public static PurposePolicy fromConfiguration(Map<String, List<String>> roleToPurposes) {
        return fromConfiguration(roleToPurposes, Map.of());
    }

    /** The catalogue this policy decides on. */
    public PurposeCatalogue catalogue() {
        return catalogue;
    }

    /** Purposes {@code role} may use (empty if none). */
    public Set<PurposeCode> allowedFor(Role role) {
        return catalogue.allowedFor(role);
    }

    /** Actions {@code purpose} covers (empty if none or unknown). */
    public Set<Action> actionsCoveredBy(PurposeCode purpose) {
        return catalogue.actionsCoveredBy(purpose);
    }

    /** The known purposes. */
    public Set<PurposeCode> knownPurposes() {
        return catalogue.knownPurposes();
    }

    @Override
    public AccessDecision decide(AccessRequest request) {
        Optional<String> declared = request.declaredPurpose();
        if (declared.isEmpty() || declared.get().isBlank()) {
            return new AccessDecision.Deny(DenialReason.NO_PURPOSE);
        }
        PurposeCode purpose;
        try {
            purpose = PurposeCode.of(declared.get());
        } catch (IllegalArgumentException malformed) {
            return new AccessDecision.Deny(DenialReason.INVALID_PURPOSE);
        }
        if (PurposeCatalogue.PROHIBITED.contains(purpose)) {
            return new AccessDecision.Deny(DenialReason.PROHIBITED_PURPOSE);
        }
        Optional<PurposeDefinition> known = catalogue.definition(purpose);
        if (known.isEmpty()) {
            return new AccessDecision.Deny(DenialReason.INVALID_PURPOSE);
        }
        PurposeDefinition definition = known.get();
        Action action = request.action();
        Role permitted = null;
        boolean purposeAllowed = false;
        for (Role role : Role.values()) {
            if (request.actor().roles().contains(role) && definition.roles().contains(role)) {
                if (!definition.actions().contains(action)) {
                    return new AccessDecision.Deny(DenialReason.ACTION_NOT_COVERED_BY_PURPOSE);
                }
                purposeAllowed = true;
                if (catalogue.mayPerform(role, action)) {
                    permitted = role;
                    break;
                }
            }
        }
        if (permitted == null) {
            return new AccessDecision.Deny(purposeAllowed
                    ? DenialReason.ACTION_NOT_ALLOWED_FOR_ROLE
                    : DenialReason.PURPOSE_NOT_ALLOWED_FOR_ROLE);
        }
        Instant now = clock.instant();
        Optional<LegalBasis> basis = Optional.empty();
        Optional<BreakGlassGrant> grant = Optional.empty();
        Set<PersonalField> fields = definition.fields();
        Optional<BasisRecord> reliedOn = Optional.empty();
        if (request.subject().isPresent() && definition.requiresSubjectBasis()
                && !CONSENT_MANAGEMENT.contains(action)) {
            Optional<BasisRecord> current = request.bases().records().stream()
                    .filter(r -> r.purpose().equals(purpose)).findFirst();
            BasisCheck check = checkBasis(definition, action, current, now);
            if (check.reason() != null) {
                // a grant is for the requester's own work on the person, never for disclosure to a recipient
                grant = request.disclosure().isPresent() ? Optional.empty()
                        : breakGlass(definition, request, request.subject().get(), now);
                if (grant.isEmpty()) {
                    return new AccessDecision.Deny(check.reason());
                }
                basis = Optional.of(LegalBasis.VITAL_INTEREST);
            } else {
                basis = Optional.of(current.get().basis());
                fields = check.fields();
                reliedOn = current;
            }
        }
        Optional<DataSharingAgreement> agreement = Optional.empty();
        if (request.disclosure().isPresent()) {
            Disclosure disclosure = request.disclosure().get();
            agreement = disclosure.agreements().stream()
                    .filter(a -> a.recipient().equals(disclosure.recipient()) && a.covers(purpose, now))
                    .findFirst();
            if (agreement.isEmpty()) {
                return new AccessDecision.Deny(DenialReason.NO_AGREEMENT);
            }
            if (reliedOn.isPresent() && reliedOn.get().basis().consentBased()
                    && !reliedOn.get().recipients().contains(disclosure.recipient())) {
                return new AccessDecision.Deny(DenialReason.RECIPIENT_NOT_CONSENTED);
            }
            Set<PersonalField> narrowed = EnumSet.noneOf(PersonalField.class);
            fields.stream().filter(agreement.get().fields()::contains).forEach(narrowed::add);
            fields = narrowed;
        }
        return new AccessDecision.Permit(purpose, permitted, fields, basis, grant.map(BreakGlassGrant::id),
                agreement.map(DataSharingAgreement::id));
    }

    /** The basis relied on and the fields it lets the purpose see, or the reason there is none. */
    private record BasisCheck(Set<PersonalField> fields, DenialReason reason) {
        static BasisCheck denied(DenialReason reason) {
            return new BasisCheck(Set.of(), reason);
        }
    }

    /**
     * Checks the subject's current standing for the purpose ({@link SubjectBases} holds at most one per purpose,
     * the latest). A consent-based basis narrows the purpose's fields to the data categories consented to.
     */
    private static BasisCheck checkBasis(PurposeDefinition definition, Action action, Optional<BasisRecord> current,
                                         Instant now) {
        if (current.isEmpty() || current.get().status() == ConsentStatus.REFUSED
                || !definition.accepts(current.get().basis())) {
            return BasisCheck.denied(DenialReason.NO_CONSENT);
        }
        BasisRecord record = current.get();
        if (record.status() == ConsentStatus.WITHDRAWN) {
            return BasisCheck.denied(DenialReason.CONSENT_WITHDRAWN);
        }
        if (record.validUntil().isPresent() && !record.validUntil().get().isAfter(now)) {
            return BasisCheck.denied(DenialReason.CONSENT_EXPIRED);
        }
        Optional<DataCategory> needed = requiredCategory(action);
        if (needed.isPresent() && !record.categories().contains(needed.get())) {
            return BasisCheck.denied(DenialReason.NO_CONSENT);
        }
        if (biometric(action) && record.basis().consentBased() && record.basis() != LegalBasis.EXPLICIT_CONSENT) {
            return BasisCheck.denied(DenialReason.NO_CONSENT);
        }
        if (!record.basis().consentBased()) {
            return new BasisCheck(definition.fields(), null);
        }
        Set<PersonalField> consented = EnumSet.noneOf(PersonalField.class);
        definition.fields().stream().filter(f -> record.categories().contains(f.category())).forEach(consented::add);
        if (consented.isEmpty() && !definition.fields().isEmpty()) {
            return BasisCheck.denied(DenialReason.NO_CONSENT);
        }
        return new BasisCheck(consented, null);
    }

    /** The data category an action processes whatever the purpose's fields, if it is a special one. */
    private static Optional<DataCategory> requiredCategory(Action action) {
        if (biometric(action)) {
            return Optional.of(DataCategory.BIOMETRIC);
        }
        if (CASE_NOTE_ACTIONS.contains(action)) {
            return Optional.of(DataCategory.CASE_NOTES);
        }
        return Optional.empty();
    }

    /** Whether {@code action} is a biometric one (it needs a biometric basis: see the class comment). */
    private static boolean biometric(Action action) {
        return BIOMETRIC_ACTIONS.contains(action);
    }

    private static Optional<BreakGlassGrant> breakGlass(PurposeDefinition definition, AccessRequest request,
                                                        SubjectId subject, Instant now) {
        if (!definition.breakGlassAllowed()) {
            return Optional.empty();
        }
        return request.bases().grants().stream()
                .filter(g -> g.subject().equals(subject)
                        && g.allows(request.actor().username(), definition.code(), now))
                .findFirst();
    }
}
