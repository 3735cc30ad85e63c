package org.safereg.registration.sharing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.safereg.privacy.LegalBasis;
import org.safereg.privacy.PersonalField;
import org.safereg.privacy.PurposeCode;
import org.safereg.privacy.sharing.AgreementId;
import org.safereg.privacy.sharing.AgreementTerms;
import org.safereg.privacy.sharing.DataSharingAgreement;
import org.safereg.privacy.sharing.RecipientId;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code sharing_agreement} table (internal): insert, read, list, and the one revocation a row allows. All
 * methods run in the caller's transaction. Thread-safe.
 */
public final class AgreementStore {
    private static final String COLUMNS = """
            id, recipient, recipient_name, purposes, fields, valid_from, valid_until, destination_country,
            legal_basis, signatory, created_at, created_by, revoked_at, revoked_by, revocation_reason""";

    private final JdbcClient jdbc;

    public AgreementStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(AgreementId id, AgreementTerms terms, Instant createdAt, String createdBy) {
        jdbc.sql("INSERT INTO sharing_agreement (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL)")
                .params(id.value(), terms.recipient().value(), terms.recipientName(),
                        terms.purposes().stream().map(PurposeCode::value).sorted().toArray(String[]::new),
                        terms.fields().stream().sorted().map(PersonalField::name).toArray(String[]::new),
                        utc(terms.validFrom()), utc(terms.validUntil()), terms.destinationCountry().orElse(null),
                        terms.legalBasis().name(), terms.signatory(), utc(createdAt), createdBy)
                .update();
    }

    Optional<Agreement> find(AgreementId id, boolean lock) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM sharing_agreement WHERE id = ?" + (lock ? " FOR UPDATE" : ""))
                .param(id.value()).query((rs, n) -> row(rs)).optional();
    }

    /** Every agreement, or those with {@code recipient}, newest first. */
    List<Agreement> list(Optional<RecipientId> recipient) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM sharing_agreement WHERE (?::text IS NULL OR recipient = ?) "
                        + "ORDER BY created_at DESC, id")
                .params(recipient.map(RecipientId::value).orElse(null), recipient.map(RecipientId::value).orElse(null))
                .query((rs, n) -> row(rs)).list();
    }

    /**
     * The terms of every agreement with {@code recipient}, any state, newest first: what a disclosure's policy
     * decision is given ({@link org.safereg.registration.audit.AccessGuard#runDisclosure}).
     */
    public List<DataSharingAgreement> termsOf(RecipientId recipient) {
        return list(Optional.of(recipient)).stream().map(Agreement::terms).toList();
    }

    void revoke(AgreementId id, Instant at, String by, Optional<String> reason) {
        jdbc.sql("UPDATE sharing_agreement SET revoked_at = ?, revoked_by = ?, revocation_reason = ? WHERE id = ?")
                .params(utc(at), by, reason.orElse(null), id.value()).update();
    }

    private static Agreement row(ResultSet rs) throws SQLException {
        Optional<Instant> revokedAt = Optional.ofNullable(rs.getObject("revoked_at", OffsetDateTime.class))
                .map(OffsetDateTime::toInstant);
        DataSharingAgreement terms = new DataSharingAgreement(new AgreementId(rs.getObject("id", UUID.class)),
                RecipientId.of(rs.getString("recipient")),
                strings(rs, "purposes").stream().map(PurposeCode::of).collect(Collectors.toSet()),
                strings(rs, "fields").stream().map(PersonalField::valueOf).collect(Collectors.toSet()),
                instant(rs, "valid_from"), instant(rs, "valid_until"),
                Optional.ofNullable(rs.getString("destination_country")),
                LegalBasis.valueOf(rs.getString("legal_basis")), rs.getString("signatory"), revokedAt);
        return new Agreement(terms, rs.getString("recipient_name"), instant(rs, "created_at"),
                rs.getString("created_by"), Optional.ofNullable(rs.getString("revoked_by")),
                Optional.ofNullable(rs.getString("revocation_reason")));
    }

    static List<String> strings(ResultSet rs, String column) throws SQLException {
        return Arrays.asList((String[]) rs.getArray(column).getArray());
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
