package org.safereg.registration.consent;

import java.sql.Array;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.safereg.keys.DataCategory;
import org.safereg.keys.FieldCipher;
import org.safereg.keys.FieldName;
import org.safereg.keys.SubjectId;
import org.safereg.privacy.LegalBasis;
import org.safereg.privacy.PurposeCatalogue;
import org.safereg.privacy.PurposeCode;
import org.safereg.privacy.consent.BasisRecord;
import org.safereg.privacy.consent.ConsentDeclaration;
import org.safereg.privacy.consent.ConsentId;
import org.safereg.privacy.consent.ConsentRecord;
import org.safereg.privacy.consent.ConsentStatus;
import org.safereg.privacy.consent.PurposeConsent;
import org.safereg.privacy.sharing.RecipientId;
import org.safereg.registration.FieldError;
import org.safereg.registration.ValidationException;
import org.safereg.registration.storage.PaddedPayload;
import org.safereg.registration.storage.PaddedPayload.Block;
import org.safereg.registration.storage.PaddedPayload.RecordBinding;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.type.TypeReference;

/**
 * The append-only consent tables (internal): {@code consent_record} (one row per record; the declaration and the
 * collecting user sealed under the subject's DEMOGRAPHIC key with {@link PaddedPayload}, bound to the consent id)
 * and {@code consent_purpose} (one plaintext row per purpose answer or withdrawal, what the policy decision point
 * reads: purpose, basis, status, categories, recipient codes, times). Of a child's re-consent-at-majority date only
 * the month is stored in plaintext (its first day): the exact date (birth date + 18 years) stays sealed. Every
 * path that records consent (enrolments, later records) appends here, so {@link #append} is where a declaration
 * is checked against the catalogue. Runs in the caller's transaction. Thread-safe (stateless over the {@link JdbcClient}).
 */
public final class ConsentStore {
    static final FieldName DETAILS = FieldName.of("consent_record.details", 1);
    private static final TypeReference<Sealed> SEALED = new TypeReference<>() { };

    /** The encrypted part of a record. */
    record Sealed(String collectedBy, ConsentDeclaration declaration) {
    }

    private final JdbcClient jdbc;
    private final PurposeCatalogue catalogue;

    /** Over {@code jdbc}; declarations must answer only for purposes {@code catalogue} knows. */
    public ConsentStore(JdbcClient jdbc, PurposeCatalogue catalogue) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
    }

    /**
     * Appends {@code record} (its subject must exist) sealed with {@code demographic}, the subject's key.
     *
     * @throws ValidationException the declaration answers for a purpose the catalogue does not know (path
     *         {@code consent.purposes[i].purpose}); vital interest and prohibited purposes cannot even be declared
     *         ({@link PurposeConsent})
     */
    public void append(FieldCipher demographic, ConsentRecord record) {
        ConsentDeclaration d = record.declaration();
        check(d);
        byte[] details = PaddedPayload.seal(demographic, DETAILS, Block.TEXT, binding(record.id()),
                new Sealed(record.collectedBy(), d));
        jdbc.sql("INSERT INTO consent_record (consent_id, subject_id, recorded_at, valid_until, reconsent_month,"
                        + " details) VALUES (?, ?, ?, ?, ?, ?)")
                .params(record.id().value(), record.subject().value(), Timestamp.from(record.recordedAt()),
                        d.validUntil().map(Timestamp::from).orElse(null),
                        d.reconsentAtMajority().map(day -> java.sql.Date.valueOf(day.withDayOfMonth(1))).orElse(null),
                        details)
                .update();
        for (PurposeConsent p : d.purposes()) {
            insertPurpose(record.id(), record.subject(), p.purpose(), p.basis(), p.status(), p.categories(),
                    p.recipients(), record.recordedAt(), d.validUntil());
        }
    }

    private void check(ConsentDeclaration declaration) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < declaration.purposes().size(); i++) {
            if (catalogue.definition(declaration.purposes().get(i).purpose()).isEmpty()) {
                errors.add(new FieldError("consent.purposes[" + i + "].purpose",
                        "is not a known purpose"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    /**
     * Records the withdrawal of the subject's current answer for {@code purpose}, if that answer is GIVEN; returns
     * it, or empty if there is no GIVEN answer to withdraw.
     */
    public Optional<Withdrawal> withdraw(SubjectId subject, PurposeCode purpose, Instant at) {
        Optional<Row> latest = rows(subject).stream().filter(r -> r.purpose().equals(purpose))
                .reduce((a, b) -> b);
        if (latest.isEmpty() || latest.get().status() != ConsentStatus.GIVEN) {
            return Optional.empty();
        }
        Row given = latest.get();
        insertPurpose(given.consent(), subject, purpose, given.basis(), ConsentStatus.WITHDRAWN, given.categories(),
                given.recipients(), at, given.validUntil());
        return Optional.of(new Withdrawal(given.consent(), purpose, at));
    }

    /** The subject's current standing per purpose: the latest entry of each (by time, then insertion order). */
    public List<BasisRecord> currentBases(SubjectId subject) {
        Map<PurposeCode, BasisRecord> latest = new LinkedHashMap<>();
        for (Row r : rows(subject)) {
            latest.put(r.purpose(), new BasisRecord(r.purpose(), r.basis(), r.status(), r.categories(),
                    r.recipients(), r.recordedAt(), r.validUntil()));
        }
        return List.copyOf(latest.values());
    }

    /** Every record of the subject, oldest first, decrypted with {@code demographic}. */
    public List<ConsentRecord> records(FieldCipher demographic, SubjectId subject) {
        return jdbc.sql("SELECT consent_id, recorded_at, details FROM consent_record WHERE subject_id = ?"
                        + " ORDER BY recorded_at, consent_id")
                .param(subject.value())
                .query((rs, n) -> {
                    ConsentId id = new ConsentId(rs.getObject(1, UUID.class));
                    Sealed sealed = PaddedPayload.open(demographic, DETAILS, binding(id), rs.getBytes(3), SEALED);
                    return new ConsentRecord(id, subject, sealed.collectedBy(),
                            rs.getTimestamp(2).toInstant(), sealed.declaration());
                })
                .list();
    }

    /** Every withdrawal of the subject, oldest first. */
    public List<Withdrawal> withdrawals(SubjectId subject) {
        return rows(subject).stream().filter(r -> r.status() == ConsentStatus.WITHDRAWN)
                .map(r -> new Withdrawal(r.consent(), r.purpose(), r.recordedAt())).toList();
    }

    /**
     * Subjects whose latest consent record flags re-consent at majority in {@code month} or earlier (a later record
     * without the flag, e.g. the adult's own consent, clears it), by due month.
     */
    public List<ReconsentDue> dueForReconsent(YearMonth month, int limit) {
        return jdbc.sql("SELECT subject_id, reconsent_month FROM ("
                        + " SELECT DISTINCT ON (subject_id) subject_id, reconsent_month FROM consent_record"
                        + " ORDER BY subject_id, recorded_at DESC, consent_id DESC) latest"
                        + " WHERE reconsent_month IS NOT NULL AND reconsent_month <= ?"
                        + " ORDER BY reconsent_month, subject_id LIMIT ?")
                .params(java.sql.Date.valueOf(month.atDay(1)), limit)
                .query((rs, n) -> new ReconsentDue(new SubjectId(rs.getObject(1, UUID.class)),
                        YearMonth.from(rs.getDate(2).toLocalDate())))
                .list();
    }

    /** Deletes every consent row of the subject (erasure); returns the number of records deleted. */
    public int delete(SubjectId subject) {
        jdbc.sql("DELETE FROM consent_purpose WHERE subject_id = ?").param(subject.value()).update();
        return jdbc.sql("DELETE FROM consent_record WHERE subject_id = ?").param(subject.value()).update();
    }

    private record Row(ConsentId consent, PurposeCode purpose, LegalBasis basis, ConsentStatus status,
                       Set<DataCategory> categories, Set<RecipientId> recipients, Instant recordedAt,
                       Optional<Instant> validUntil) {
    }

    private List<Row> rows(SubjectId subject) {
        return jdbc.sql("SELECT consent_id, purpose, legal_basis, status, categories, recorded_at, valid_until,"
                        + " recipients FROM consent_purpose WHERE subject_id = ? ORDER BY recorded_at, seq")
                .param(subject.value())
                .query((rs, n) -> {
                    Set<DataCategory> categories = EnumSet.noneOf(DataCategory.class);
                    Array array = rs.getArray(5);
                    for (Object c : (Object[]) array.getArray()) {
                        categories.add(DataCategory.valueOf((String) c));
                    }
                    Set<RecipientId> recipients = new java.util.HashSet<>();
                    for (Object r : (Object[]) rs.getArray(8).getArray()) {
                        recipients.add(RecipientId.of((String) r));
                    }
                    Timestamp until = rs.getTimestamp(7);
                    return new Row(new ConsentId(rs.getObject(1, UUID.class)), PurposeCode.of(rs.getString(2)),
                            LegalBasis.valueOf(rs.getString(3)), ConsentStatus.valueOf(rs.getString(4)), categories,
                            recipients, rs.getTimestamp(6).toInstant(),
                            Optional.ofNullable(until).map(Timestamp::toInstant));
                })
                .list();
    }

    private void insertPurpose(ConsentId consent, SubjectId subject, PurposeCode purpose, LegalBasis basis,
                               ConsentStatus status, Set<DataCategory> categories, Set<RecipientId> recipients,
                               Instant at, Optional<Instant> validUntil) {
        List<String> names = new ArrayList<>();
        EnumSet.copyOf(categories).forEach(c -> names.add(c.name()));
        String[] codes = recipients.stream().map(RecipientId::value).sorted().toArray(String[]::new);
        jdbc.sql("INSERT INTO consent_purpose (consent_id, subject_id, purpose, legal_basis, status, categories,"
                        + " recipients, recorded_at, valid_until) VALUES (?, ?, ?, ?, ?, ?::text[], ?, ?, ?)")
                .params(consent.value(), subject.value(), purpose.value(), basis.name(), status.name(),
                        "{" + String.join(",", names) + "}", codes, Timestamp.from(at),
                        validUntil.map(Timestamp::from).orElse(null))
                .update();
    }

    private static RecordBinding binding(ConsentId id) {
        return new RecordBinding(id.value(), 1);
    }
}
