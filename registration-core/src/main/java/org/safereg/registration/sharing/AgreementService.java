package org.safereg.registration.sharing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.safereg.privacy.Action;
import org.safereg.privacy.LegalBasis;
import org.safereg.privacy.PersonalField;
import org.safereg.privacy.PurposeCode;
import org.safereg.privacy.sharing.AgreementId;
import org.safereg.privacy.sharing.AgreementRules;
import org.safereg.privacy.sharing.AgreementTerms;
import org.safereg.privacy.sharing.RecipientId;
import org.safereg.registration.FieldError;
import org.safereg.registration.RecordNotFoundException;
import org.safereg.registration.RequestContext;
import org.safereg.registration.ValidationException;
import org.safereg.registration.audit.AccessGuard;

/**
 * Data-sharing agreements, administered by the data protection officer (action AGREEMENT_MANAGE, purpose
 * ADMIN.AGREEMENTS by default): record, list, read and revoke. Agreements are never deleted or edited: a changed
 * agreement is a new one, and the old one is revoked. Every call is decided and audited like any other guarded
 * operation; its audit event names the recipient concerned.
 *
 * <p>Thread-safe. Costs a few SQL statements and one audit append per call.
 */
public final class AgreementService {
    /** Longest revocation reason accepted. */
    public static final int MAX_REASON = 500;

    private final AccessGuard guard;
    private final AgreementStore store;
    private final Clock clock;
    private final Predicate<PurposeCode> disclosable;

    /**
     * Internal: obtain the instance from {@link org.safereg.registration.RegistrationCore#agreements()}.
     *
     * @param disclosable whether the purpose catalogue allows disclosure to recipients for a purpose
     */
    public AgreementService(AccessGuard guard, AgreementStore store, Clock clock, Predicate<PurposeCode> disclosable) {
        this.guard = guard;
        this.store = store;
        this.clock = clock;
        this.disclosable = disclosable;
    }

    /**
     * Records a new agreement.
     *
     * @throws ValidationException the terms break a rule ({@link AgreementRules}) or are malformed; every
     *         problem is listed, nothing is stored
     */
    public Agreement create(RequestContext context, AgreementDraft draft) {
        return guard.run(context, Action.AGREEMENT_MANAGE, Optional.empty(), trail -> {
            Instant now = now();
            AgreementTerms terms = parse(draft, now);
            AgreementId id = AgreementId.random();
            store.insert(id, terms, now, context.actor().username());
            trail.concerning(terms.recipient());
            return store.find(id, false).orElseThrow();
        });
    }

    /** Every agreement, or the recipient's, newest first (any state). */
    public List<Agreement> list(RequestContext context, Optional<String> recipient) {
        return guard.run(context, Action.AGREEMENT_MANAGE, Optional.empty(), trail -> {
            Optional<RecipientId> code = recipient.map(AgreementService::recipient);
            code.ifPresent(trail::concerning);
            return store.list(code);
        });
    }

    /**
     * One agreement.
     *
     * @throws RecordNotFoundException no such agreement
     */
    public Agreement read(RequestContext context, AgreementId id) {
        return guard.run(context, Action.AGREEMENT_MANAGE, Optional.empty(), trail -> {
            Agreement agreement = store.find(id, false).orElseThrow(() -> new RecordNotFoundException("agreement"));
            trail.concerning(agreement.terms().recipient());
            return agreement;
        });
    }

    /**
     * Revokes an agreement with immediate effect: no transfer relies on it from now on. Revoking a revoked
     * agreement changes nothing and answers it as it is.
     *
     * @param reason why (optional, at most {@value #MAX_REASON} characters; not personal data)
     * @throws RecordNotFoundException no such agreement
     */
    public Agreement revoke(RequestContext context, AgreementId id, Optional<String> reason) {
        return guard.run(context, Action.AGREEMENT_MANAGE, Optional.empty(), trail -> {
            reason.ifPresent(r -> {
                if (r.isBlank() || r.length() > MAX_REASON || r.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
                    throw ValidationException.of("reason", "1 to " + MAX_REASON + " characters, no control characters");
                }
            });
            Agreement agreement = store.find(id, true).orElseThrow(() -> new RecordNotFoundException("agreement"));
            trail.concerning(agreement.terms().recipient());
            if (agreement.terms().revokedAt().isPresent()) {
                return agreement;
            }
            store.revoke(id, now(), context.actor().username(), reason);
            return store.find(id, false).orElseThrow();
        });
    }

    private AgreementTerms parse(AgreementDraft draft, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        RecipientId recipient = null;
        if (draft.recipient() == null) {
            errors.add(new FieldError("recipient", "required"));
        } else {
            try {
                recipient = RecipientId.of(draft.recipient());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("recipient", RECIPIENT_FORM));
            }
        }
        required(errors, "recipientName", draft.recipientName());
        required(errors, "signatory", draft.signatory());
        Set<PurposeCode> purposes = new LinkedHashSet<>();
        for (int i = 0; i < draft.purposes().size(); i++) {
            try {
                purposes.add(PurposeCode.of(draft.purposes().get(i).strip()));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("purposes[" + i + "]", "not a purpose code"));
            }
        }
        Set<PersonalField> fields = EnumSet.noneOf(PersonalField.class);
        for (int i = 0; i < draft.fields().size(); i++) {
            Optional<PersonalField> field = field(draft.fields().get(i));
            field.ifPresent(fields::add);
            if (field.isEmpty()) {
                errors.add(new FieldError("fields[" + i + "]", "unknown field"));
            }
        }
        Instant from = instant(errors, "validFrom", draft.validFrom());
        Instant until = instant(errors, "validUntil", draft.validUntil());
        LegalBasis basis = null;
        if (draft.legalBasis() == null) {
            errors.add(new FieldError("legalBasis", "required"));
        } else {
            try {
                basis = LegalBasis.valueOf(draft.legalBasis().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("legalBasis", "one of " + List.of(LegalBasis.values())));
            }
        }
        if (!errors.isEmpty() || recipient == null || from == null || until == null || basis == null) {
            throw new ValidationException(errors);
        }
        AgreementTerms terms = new AgreementTerms(recipient, draft.recipientName().strip(), purposes, fields, from,
                until, draft.destinationCountry().map(String::strip), basis, draft.signatory().strip());
        AgreementRules.violations(terms, disclosable, now)
                .forEach(v -> errors.add(new FieldError(v.path(), v.message())));
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return terms;
    }

    static final String RECIPIENT_FORM = "2 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit";

    /** The recipient code, or a validation error on {@code recipient}. */
    static RecipientId recipient(String code) {
        try {
            return RecipientId.of(code);
        } catch (IllegalArgumentException e) {
            throw ValidationException.of("recipient", RECIPIENT_FORM);
        }
    }

    /** A field by its name ({@code NAMES}) or its JSON name ({@code names}), case-insensitive. */
    static Optional<PersonalField> field(String name) {
        String n = name.strip();
        for (PersonalField f : PersonalField.values()) {
            if (f.name().equalsIgnoreCase(n) || f.jsonName().equalsIgnoreCase(n)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    private static void required(List<FieldError> errors, String path, String value) {
        if (value == null) {
            errors.add(new FieldError(path, "required"));
        }
    }

    private static Instant instant(List<FieldError> errors, String path, String value) {
        if (value == null) {
            errors.add(new FieldError(path, "required"));
            return null;
        }
        try {
            return value.length() == 10
                    ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(value).truncatedTo(ChronoUnit.MICROS);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(path, "an ISO-8601 instant (2026-01-31T00:00:00Z) or date (2026-01-31)"));
            return null;
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
