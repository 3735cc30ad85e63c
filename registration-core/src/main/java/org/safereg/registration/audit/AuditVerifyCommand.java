package org.safereg.registration.audit;

import java.io.PrintStream;
import javax.sql.DataSource;
import org.safereg.keys.KekProvider;
import org.safereg.privacy.audit.AuditVerification;

/**
 * Command-line verification of the audit trail, for operators with database access (no HTTP, no policy
 * decision, read-only: writes nothing, not even an audit event). The api exposes it as a command; it needs the
 * data source and the key provider (to check checkpoint signatures).
 */
public final class AuditVerifyCommand {
    private AuditVerifyCommand() {
    }

    /** Verifies the chain and its checkpoints; read-only. */
    public static AuditVerification verify(DataSource dataSource, KekProvider kek) {
        throw new UnsupportedOperationException("TODO");
    }

    /**
     * Verifies and prints a one-line summary (rows, checkpoints, first bad sequence and problem) to {@code out}.
     * Returns the process exit code: 0 intact, 1 broken.
     */
    public static int run(DataSource dataSource, KekProvider kek, PrintStream out) {
        throw new UnsupportedOperationException("TODO");
    }
}
