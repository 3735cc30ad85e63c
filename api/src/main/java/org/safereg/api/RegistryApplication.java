package org.safereg.api;

import java.util.Arrays;
import org.safereg.api.audit.AuditVerifyCli;
import org.safereg.api.rights.ReceiptVerifyCli;
import org.safereg.api.security.ResetAdminCli;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The one process operators run: REST API over the registration core. Three offline commands run instead when
 * named as the first argument, without the web server: {@code audit-verify} verifies the audit trail (exit 0
 * intact, 1 tampering detected, 2 could not verify; {@link AuditVerifyCli}), {@code reset-admin [username]}
 * gives an administrator account a new one-time password ({@link ResetAdminCli}), and
 * {@code receipt-verify <receipt.json> <key.pem>} verifies a signed erasure receipt with nothing but the two
 * files ({@link ReceiptVerifyCli}). Scheduled work: audit
 * checkpoints and the purge of expired idempotency records.
 */
@SpringBootApplication
@EnableScheduling
public class RegistryApplication {
    public static void main(String[] args) {
        if (args.length > 0 && AuditVerifyCli.COMMAND.equals(args[0])) {
            System.exit(AuditVerifyCli.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && ReceiptVerifyCli.COMMAND.equals(args[0])) {
            System.exit(ReceiptVerifyCli.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && ResetAdminCli.COMMAND.equals(args[0])) {
            System.exit(ResetAdminCli.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        SpringApplication.run(RegistryApplication.class, args);
    }
}
