package org.safereg.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import org.safereg.privacy.Role;
import org.safereg.registration.Migrations;
import org.safereg.registration.testing.TestDatabase;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code java -jar safereg-api.jar reset-admin [username]}: with the server stopped, gives an administrator
 * account a new one-time password (must be changed, account enabled again), prints it once and logs the reset
 * without it; refuses unknown names, non-administrators and OIDC mode (exit 1), and never creates a database
 * where none is (exit 2).
 */
@ExtendWith(OutputCaptureExtension.class)
class ResetAdminCliTest {
    private static final Pattern ONE_TIME_PASSWORD = Pattern.compile("one-time password:\\s+(\\S+)");

    @TempDir
    Path dataDir;

    @Test
    void resetsAnAdministratorsPasswordOnlyAndPrintsItOnce(CapturedOutput logs) {
        TestDatabase server = TestDatabase.shared();
        String url = server.newDatabaseUrl();
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url);
        dataSource.setUser(server.user());
        dataSource.setPassword(server.password());
        Migrations.apply(dataSource);
        PasswordEncoder encoder = PasswordHashing.encoder();
        AccountRepository repository = new AccountRepository(dataSource);
        AccountService accounts = new AccountService(repository, encoder,
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)), Clock.systemUTC());
        accounts.bootstrapAdmin().orElseThrow();
        accounts.changePassword(AccountService.BOOTSTRAP_ADMIN, "forgotten-password-1");
        accounts.create("deputy", Set.of(Role.ADMIN));
        accounts.changePassword("deputy", "deputy-password-1");
        accounts.disable("deputy");
        accounts.create("officer", Set.of(Role.REGISTRATION_OFFICER));

        String[] settings = {"--registry.db.url=" + url, "--registry.db.user=" + server.user(),
                "--registry.db.password=" + server.password(), "--registry.data-dir=" + dataDir};

        Result admin = run(settings);
        assertThat(admin.code()).as(admin.toString()).isZero();
        String adminPassword = oneTimePassword(admin.out());
        AccountRepository.StoredAccount stored = repository.find(AccountService.BOOTSTRAP_ADMIN).orElseThrow();
        assertThat(encoder.matches(adminPassword, stored.passwordHash())).isTrue();
        assertThat(encoder.matches("forgotten-password-1", stored.passwordHash())).isFalse();
        assertThat(stored.passwordChangeRequired()).isTrue();

        Result deputy = run(with(settings, "deputy"));
        assertThat(deputy.code()).as(deputy.toString()).isZero();
        stored = repository.find("deputy").orElseThrow();
        assertThat(stored.enabled()).as("a disabled administrator is enabled again").isTrue();
        assertThat(encoder.matches(oneTimePassword(deputy.out()), stored.passwordHash())).isTrue();

        assertThat(logs.getAll()).contains("password of administrator account 'admin' was reset")
                .doesNotContain(adminPassword, oneTimePassword(deputy.out()));

        String officerHash = repository.find("officer").orElseThrow().passwordHash();
        Result officer = run(with(settings, "officer"));
        assertThat(officer.code()).isEqualTo(1);
        assertThat(officer.err()).contains("not an administrator");
        assertThat(officer.out()).doesNotContain("one-time password");
        assertThat(repository.find("officer").orElseThrow().passwordHash()).isEqualTo(officerHash);

        Result ghost = run(with(settings, "ghost"));
        assertThat(ghost.code()).isEqualTo(1);
        assertThat(ghost.err()).contains("no account named ghost");
    }

    @Test
    void refusesWithoutADatabaseAndUnderOidc() {
        Result noDatabase = run(new String[] {"--registry.data-dir=" + dataDir});
        assertThat(noDatabase.code()).isEqualTo(2);
        assertThat(noDatabase.err()).contains("There is no embedded database at");
        assertThat(dataDir.resolve("postgres")).as("no database created").doesNotExist();

        Result oidc = run(new String[] {"--registry.db.url=" + TestDatabase.shared().newDatabaseUrl(),
                "--registry.db.user=" + TestDatabase.shared().user(),
                "--registry.db.password=" + TestDatabase.shared().password(),
                "--registry.oidc.issuer-uri=https://issuer.example.org"});
        assertThat(oidc.code()).isEqualTo(1);
        assertThat(oidc.err()).contains("local accounts are off");
    }

    private static String[] with(String[] settings, String username) {
        String[] args = new String[settings.length + 1];
        args[0] = username;
        System.arraycopy(settings, 0, args, 1, settings.length);
        return args;
    }

    private static String oneTimePassword(String out) {
        Matcher m = ONE_TIME_PASSWORD.matcher(out);
        assertThat(m.find()).as(out).isTrue();
        return m.group(1);
    }

    private record Result(int code, String out, String err) {
    }

    private static Result run(String[] args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ResetAdminCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
