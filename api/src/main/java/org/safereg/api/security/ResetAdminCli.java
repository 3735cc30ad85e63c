package org.safereg.api.security;

import java.io.PrintStream;
import java.time.Clock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.safereg.api.RegistryApplication;
import org.safereg.api.config.RegistryProperties;
import org.safereg.api.config.StartupFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code java -jar safereg-api.jar reset-admin [username]}: recovers a lost administrator password. Starts
 * without the web server on the same configuration (only the database is opened: no migration, no key
 * provider), gives the local ADMIN account {@code username} (default {@value AccountService#BOOTSTRAP_ADMIN}) a
 * new random one-time password that must be changed at first sign-in, enables the account again if it was
 * disabled, and prints the password once on standard output. The reset is logged (account name, never the
 * password). Exit codes: 0 reset, 1 refused (no such account, not an administrator, local accounts are off
 * because OIDC is configured), 2 could not run (configuration or database). On the embedded default the server
 * must be stopped first (one process per data directory).
 */
public final class ResetAdminCli {
    /** The first command-line argument selecting this mode. */
    public static final String COMMAND = "reset-admin";
    static final int RESET = 0;
    static final int REFUSED = 1;
    static final int COULD_NOT_RUN = 2;
    private static final Logger log = LoggerFactory.getLogger(ResetAdminCli.class);

    private ResetAdminCli() {
    }

    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    /** {@code args}: at most one account name, and {@code --property=value} settings like the server's. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        String username = AccountService.BOOTSTRAP_ADMIN;
        List<String> settings = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (String arg : args) {
            (arg.startsWith("--") ? settings : names).add(arg);
        }
        if (names.size() > 1) {
            err.println("usage: reset-admin [username] [--setting=value ...]");
            return REFUSED;
        }
        if (!names.isEmpty()) {
            username = names.get(0);
        }
        if (!AccountService.USERNAME.matcher(username).matches()) {
            err.println("reset-admin: not a valid account name");
            return REFUSED;
        }
        SpringApplicationBuilder builder = new SpringApplicationBuilder(RegistryApplication.class)
                .web(WebApplicationType.NONE)
                .lazyInitialization(true)
                // only the beans asked for below; the health group check would create every health indicator
                .properties("spring.flyway.enabled=false", "registry.scheduling.enabled=false", "management.endpoint.health.validate-group-membership=false",
                        "logging.level.root=WARN", "logging.level.org.safereg=WARN");
        // before any bean: never initialise a new embedded database where the operator expected an existing one
        builder.listeners((ApplicationListener<ApplicationEnvironmentPreparedEvent>) event -> {
            RegistryProperties settingsBound = Binder.get(event.getEnvironment())
                    .bind("registry", RegistryProperties.class).get();
            Path database = settingsBound.embeddedDbDirectory();
            if (!settingsBound.db().external() && !Files.exists(database.resolve("PG_VERSION"))) {
                throw new StartupFailure("There is no embedded database at " + database + ".",
                        "Check REGISTRY_DATA_DIR or REGISTRY_EMBEDDED_DB_DIR (the server's settings), or "
                                + "REGISTRY_DB_URL for an external database.");
            }
        });
        try (ConfigurableApplicationContext context = builder.run(settings.toArray(String[]::new))) {
            if (context.getBean(RegistryProperties.class).oidc().enabled()) {
                err.println("reset-admin: local accounts are off (REGISTRY_OIDC_ISSUER_URI is set): administrators "
                        + "are managed in the identity provider");
                return REFUSED;
            }
            AccountService accounts = new AccountService(context.getBean(AccountRepository.class),
                    PasswordHashing.encoder(), context.getBean(TransactionTemplate.class),
                    context.getBean(Clock.class));
            String password = accounts.resetAdministrator(username);
            log.warn("The password of administrator account '{}' was reset from the command line; the new one-time "
                    + "password was printed to the console", username);
            out.println();
            out.println("==========================================================================");
            out.println("  SafeReg: new one-time password for the administrator account");
            out.println();
            out.println("      username:            " + username);
            out.println("      one-time password:   " + password);
            out.println();
            out.println("  It is shown only this once. Start the server, sign in with HTTP Basic and change it:");
            out.println("      POST /api/v1/account/password   {\"newPassword\": \"...\"}");
            out.println("==========================================================================");
            out.println();
            out.flush();
            return RESET;
        } catch (AccountNotFoundException e) {
            err.println("reset-admin: there is no account named " + username);
            return REFUSED;
        } catch (AccountConflictException e) {
            err.println("reset-admin: " + username + " is not an administrator (role ADMIN)");
            return REFUSED;
        } catch (RuntimeException e) {
            err.println("reset-admin could not run: " + StartupFailure.describe(e));
            return COULD_NOT_RUN;
        }
    }
}
