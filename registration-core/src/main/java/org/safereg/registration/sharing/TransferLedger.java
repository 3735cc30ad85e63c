package org.safereg.registration.sharing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.safereg.keys.SubjectId;
import org.safereg.privacy.PersonalField;
import org.safereg.privacy.PurposeCode;
import org.safereg.privacy.sharing.AgreementId;
import org.safereg.privacy.sharing.RecipientId;
import org.safereg.registration.rights.ExportSection;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The append-only record of transfers ({@code transfer}) and of the subjects each carried
 * ({@code transfer_subject}, keyed by subject). Internal and unguarded: every method runs in the caller's
 * transaction, which must be a guarded operation ({@link TransferService} writes it; the subject export reads a
 * subject's disclosures with {@link #transfersOf} inside its own guarded operation). Thread-safe.
 */
public final class TransferLedger {
    private static final String COLUMNS = """
            t.id, t.agreement_id, t.recipient, t.purpose, t.fields, t.destination_country, t.at, t.actor, t.role,
            t.request_id, t.transferred, t.withheld, t.not_found""";

    private final JdbcClient jdbc;

    public TransferLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records {@code transfer} and the subjects it carried. */
    void record(TransferRecord transfer, Collection<SubjectId> subjects) {
        jdbc.sql("""
                        INSERT INTO transfer (id, agreement_id, recipient, purpose, fields, destination_country, at,
                                              actor, role, request_id, transferred, withheld, not_found)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(transfer.id(), transfer.agreement().value(), transfer.recipient().value(),
                        transfer.purpose().value(),
                        transfer.fields().stream().sorted().map(PersonalField::name).toArray(String[]::new),
                        transfer.destinationCountry().orElse(null), AgreementStore.utc(transfer.at()),
                        transfer.actor(), transfer.role(), transfer.requestId(), transfer.transferred(),
                        transfer.withheld(), transfer.notFound())
                .update();
        if (!subjects.isEmpty()) {
            jdbc.sql("INSERT INTO transfer_subject (subject_id, transfer_id) SELECT unnest(?::uuid[]), ?")
                    .params(subjects.stream().map(SubjectId::value).toArray(UUID[]::new), transfer.id())
                    .update();
        }
    }

    /** The transfers that carried {@code subject}'s data, oldest first (for the subject's disclosure list). */
    public List<TransferRecord> transfersOf(SubjectId subject) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM transfer t JOIN transfer_subject s ON s.transfer_id = t.id "
                        + "WHERE s.subject_id = ? ORDER BY t.at, t.id")
                .param(subject.value()).query((rs, n) -> row(rs)).list();
    }

    /** One transfer. */
    Optional<TransferRecord> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM transfer t WHERE t.id = ?")
                .param(id).query((rs, n) -> row(rs)).optional();
    }

    private static TransferRecord row(ResultSet rs) throws SQLException {
        return new TransferRecord(rs.getObject("id", UUID.class), new AgreementId(rs.getObject("agreement_id", UUID.class)),
                RecipientId.of(rs.getString("recipient")), PurposeCode.of(rs.getString("purpose")),
                AgreementStore.strings(rs, "fields").stream().map(PersonalField::valueOf).collect(Collectors.toSet()),
                Optional.ofNullable(rs.getString("destination_country")), AgreementStore.instant(rs, "at"),
                rs.getString("actor"), rs.getString("role"), rs.getString("request_id"), rs.getInt("transferred"),
                rs.getInt("withheld"), rs.getInt("not_found"));
    }

    /** One transfer of a subject's data as their export lists it: to whom, why, what, where, when (no staff account). */
    public record SubjectDisclosure(String recipient, String purpose, List<String> fields,
                                    Optional<String> destinationCountry, Instant at, String role) {
    }

    /**
     * Internal, for the subject export (which is guarded and audited itself): the section {@code transfers}, the
     * transfers that carried the subject's data, oldest first.
     */
    public ExportSection exportSection() {
        return ExportSection.of("transfers", subject -> transfersOf(subject).stream()
                .map(t -> new SubjectDisclosure(t.recipient().value(), t.purpose().value(),
                        t.fields().stream().map(PersonalField::jsonName).sorted().toList(), t.destinationCountry(),
                        t.at(), t.role()))
                .toList());
    }
}
