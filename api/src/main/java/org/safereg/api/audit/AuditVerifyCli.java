package org.safereg.api.audit;

import java.io.PrintStream;
import javax.sql.DataSource;
import org.safereg.api.RegistryApplication;
import org.safereg.api.config.StartupFailure;
import org.safereg.keys.KekProvider;
import org.safereg.registration.audit.AuditVerifyCommand;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar safereg-api.jar audit-verify}: starts the application without the web server (same
 * configuration: database, key provider), verifies the audit hash chain and its signed checkpoints read-only
 * (no migration, no audit event written), prints one line and returns the exit code: 0 intact, 1 tampering
 * detected, 2 verification impossible (configuration, database or key provider unavailable). On the embedded
 * default the server must be stopped first (one process per data directory).
 */
public final class AuditVerifyCli {
    /** The first command-line argument selecting this mode. */
    public static final String COMMAND = "audit-verify";

    private AuditVerifyCli() {
    }

    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        SpringApplicationBuilder builder = new SpringApplicationBuilder(RegistryApplication.class)
                .web(WebApplicationType.NONE)
                .properties("spring.flyway.enabled=false", "registry.scheduling.enabled=false", "logging.level.root=WARN",
                        "logging.level.org.safereg=WARN");
        try (ConfigurableApplicationContext context = builder.run(args)) {
            return AuditVerifyCommand.run(context.getBean(DataSource.class), context.getBean(KekProvider.class), out);
        } catch (RuntimeException e) {
            err.println("audit verification could not run: " + StartupFailure.describe(e));
            return 2;
        }
    }
}
