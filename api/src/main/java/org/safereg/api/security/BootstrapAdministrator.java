package org.safereg.api.security;

import java.io.PrintStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * On the first start (no local account yet) creates {@code admin} with role ADMIN and prints its one-time
 * password once, in a banner on standard output (not through the logging system, so it does not end up in log
 * files). Later starts print nothing. The password must be changed at first use.
 */
@Component
@ConditionalOnWebApplication
@Conditional(OidcCondition.LocalAccounts.class)
class BootstrapAdministrator implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(BootstrapAdministrator.class);
    private final AccountService accounts;
    private final PrintStream console;

    BootstrapAdministrator(AccountService accounts) {
        this.accounts = accounts;
        this.console = System.out;
    }

    @Override
    public void run(ApplicationArguments args) {
        accounts.bootstrapAdmin().ifPresent(password -> {
            console.println();
            console.println("==========================================================================");
            console.println("  SafeReg first start: created the administrator account");
            console.println();
            console.println("      username:            " + AccountService.BOOTSTRAP_ADMIN);
            console.println("      one-time password:   " + password);
            console.println();
            console.println("  It is shown only this once. Sign in with HTTP Basic and change it:");
            console.println("      POST /api/v1/account/password   {\"newPassword\": \"...\"}");
            console.println("  Until then every other request is refused (403 password-change-required).");
            console.println("==========================================================================");
            console.println();
            console.flush();
            log.info("Created the bootstrap administrator '{}'; its one-time password was printed to the console",
                    AccountService.BOOTSTRAP_ADMIN);
        });
    }
}
