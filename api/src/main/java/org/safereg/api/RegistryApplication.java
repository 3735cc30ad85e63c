package org.safereg.api;

import java.util.Arrays;
import org.safereg.api.audit.AuditVerifyCli;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The one process operators run: REST API over the registration core. With the first argument
 * {@code audit-verify} it instead verifies the audit trail without starting the web server and exits
 * (0 intact, 1 tampering detected, 2 could not verify); see {@link AuditVerifyCli}.
 */
@SpringBootApplication
public class RegistryApplication {
    public static void main(String[] args) {
        if (args.length > 0 && AuditVerifyCli.COMMAND.equals(args[0])) {
            System.exit(AuditVerifyCli.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        SpringApplication.run(RegistryApplication.class, args);
    }
}
