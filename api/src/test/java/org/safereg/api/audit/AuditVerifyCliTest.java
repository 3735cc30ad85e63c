package org.safereg.api.audit;

import org.safereg.registration.testing.TestConsents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safereg.keys.KekProvider;
import org.safereg.keys.LocalKeystoreKekProvider;
import org.safereg.privacy.Actor;
import org.safereg.privacy.PurposePolicy;
import org.safereg.privacy.Role;
import org.safereg.registration.Migrations;
import org.safereg.registration.RegistrationCore;
import org.safereg.registration.RequestContext;
import org.safereg.registration.model.AdminUnit;
import org.safereg.registration.model.Birth;
import org.safereg.registration.model.IndividualDetails;
import org.safereg.registration.model.LocationRef;
import org.safereg.registration.model.Names;
import org.safereg.registration.model.PopulationCategory;
import org.safereg.registration.model.RegistrationMethod;
import org.safereg.registration.model.Sex;
import org.safereg.registration.testing.TestDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code java -jar safereg-api.jar audit-verify}: starts without the web server on the configured database and
 * keystore, prints the result and exits 0 when the chain is intact, 1 when a row was edited, 2 when it cannot
 * verify (here: the keystore passphrase is wrong).
 */
class AuditVerifyCliTest {
    private static final String PASSPHRASE = "cli-test-passphrase";

    @TempDir
    Path dataDir;

    @Test
    void exitCodeReflectsTheStateOfTheChain() {
        TestDatabase server = TestDatabase.shared();
        String url = server.newDatabaseUrl();
        DataSource dataSource = dataSource(url, server);
        Migrations.apply(dataSource);
        Path keystore = dataDir.resolve("keys/kek.bcfks");
        KekProvider kek = LocalKeystoreKekProvider.openOrCreate(keystore, PASSPHRASE.toCharArray());
        RegistrationCore core = RegistrationCore.create(dataSource, kek, PurposePolicy.defaults(), Clock.systemUTC());
        core.locations().createAdminUnit(AdminUnit.country("CL", "Cliland"));
        RequestContext officer = RequestContext.of(new Actor("registrar", Set.of(Role.REGISTRATION_OFFICER)),
                "REG.ENROL", "cli-test");
        for (int i = 0; i < 3; i++) {
            core.individuals().enrol(officer, TestConsents.standard(), IndividualDetails.builder(RegistrationMethod.FULL, Names.of("Cli", "Person" + i))
                    .sex(Sex.MALE).birth(Birth.on(LocalDate.of(1970, 1, 1))).nationalities("SOM")
                    .populationCategory(PopulationCategory.RETURNEE).location(LocationRef.of("CL")).build(),
                    Optional.empty());
        }
        core.audit().checkpoint(RequestContext.of(new Actor("dpo", Set.of(Role.DATA_PROTECTION_OFFICER)), "AUDIT", "cli"));

        String[] args = {"--registry.db.url=" + url, "--registry.db.user=" + server.user(),
                "--registry.db.password=" + server.password(), "--registry.data-dir=" + dataDir,
                "--registry.keys.keystore-password=" + PASSPHRASE};
        Result intact = run(args);
        assertThat(intact.code()).as(intact.toString()).isZero();
        assertThat(intact.out()).contains("audit chain intact: 4 rows, 1 checkpoints verified");

        JdbcClient jdbc = JdbcClient.create(dataSource);
        jdbc.sql("ALTER TABLE audit_event DISABLE TRIGGER USER").update();
        jdbc.sql("UPDATE audit_event SET actor = 'mallory' WHERE seq = 2").update();
        jdbc.sql("ALTER TABLE audit_event ENABLE TRIGGER USER").update();
        Result broken = run(args);
        assertThat(broken.code()).as(broken.toString()).isEqualTo(1);
        assertThat(broken.out()).contains("BROKEN at sequence 2");

        String[] wrongPassphrase = args.clone();
        wrongPassphrase[4] = "--registry.keys.keystore-password=not-the-passphrase";
        Result impossible = run(wrongPassphrase);
        assertThat(impossible.code()).as(impossible.toString()).isEqualTo(2);
        assertThat(impossible.err()).contains("could not run");
    }

    private record Result(int code, String out, String err) {
    }

    private static Result run(String[] args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = AuditVerifyCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static DataSource dataSource(String url, TestDatabase server) {
        org.postgresql.ds.PGSimpleDataSource ds = new org.postgresql.ds.PGSimpleDataSource();
        ds.setUrl(url);
        ds.setUser(server.user());
        ds.setPassword(server.password());
        return ds;
    }
}
