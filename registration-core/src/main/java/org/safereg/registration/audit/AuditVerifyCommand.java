package org.safereg.registration.audit;

import java.io.PrintStream;
import java.util.List;
import javax.sql.DataSource;
import org.safereg.keys.KekProvider;
import org.safereg.privacy.audit.AuditCheckpoint;
import org.safereg.privacy.audit.AuditVerification;
import org.safereg.registration.storage.Transactions;

/**
 * Command-line verification of the audit trail, for operators with database access (no HTTP, no policy
 * decision, read-only: writes nothing, not even an audit event). The api exposes it as a command; it needs the
 * data source and the key provider (to check checkpoint signatures).
 */
public final class AuditVerifyCommand {
    private AuditVerifyCommand() {
    }

    /**
     * Verifies the chain against its stored checkpoints and the recorded head ({@code audit_head}), in one
     * read-only transaction.
     */
    public static AuditVerification verify(DataSource dataSource, KekProvider kek) {
        return verify(dataSource, kek, List.of());
    }

    /**
     * As {@link #verify(DataSource, KekProvider)}, also against checkpoints kept outside the database: each must
     * be signed by the key provider and match the row at its sequence, which must exist.
     */
    public static AuditVerification verify(DataSource dataSource, KekProvider kek,
                                           List<AuditCheckpoint> externalCheckpoints) {
        AuditLog log = new AuditLog(dataSource);
        List<AuditCheckpoint> external = List.copyOf(externalCheckpoints);
        return new Transactions(dataSource).readOnly(() -> AuditService.verifyChain(log, kek, external));
    }

    /**
     * Verifies and prints a one-line summary (rows, checkpoints, and the first bad sequence and problem if any)
     * to {@code out}. Returns the process exit code: 0 intact, 1 broken.
     */
    public static int run(DataSource dataSource, KekProvider kek, PrintStream out) {
        return run(dataSource, kek, List.of(), out);
    }

    /** As {@link #run(DataSource, KekProvider, PrintStream)}, also against externally kept checkpoints. */
    public static int run(DataSource dataSource, KekProvider kek, List<AuditCheckpoint> externalCheckpoints,
                          PrintStream out) {
        AuditVerification v = verify(dataSource, kek, externalCheckpoints);
        if (v.intact()) {
            out.printf("audit chain intact: %d rows, %d checkpoints verified%n", v.rowsChecked(), v.checkpointsChecked());
            return 0;
        }
        out.printf("audit chain BROKEN at sequence %s: %s (%d rows, %d checkpoints read)%n",
                v.firstBadSequence().map(String::valueOf).orElse("?"), v.problem().orElse("unknown problem"),
                v.rowsChecked(), v.checkpointsChecked());
        return 1;
    }
}
