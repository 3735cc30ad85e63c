package org.safereg.registration;

import org.safereg.registration.testing.TestConsents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safereg.keys.KekProvider;
import org.safereg.keys.KeyProviderUnavailableException;
import org.safereg.keys.SubjectId;
import org.safereg.keys.testing.TestKek;
import org.safereg.privacy.PurposePolicy;

/**
 * A start with a key provider other than the one the database was encrypted with (a missing or mistyped keystore
 * path silently creates a fresh KEK; a Vault configuration pointing at other keys) is refused before anything is
 * written, and so is a database holding data but no record of its key provider. When the provider is down at
 * start, the check runs before the first guarded call instead. Each test runs on a fresh database, on the
 * provider kind the suite runs on.
 */
class KeyProviderCheckTest {
    @TempDir
    Path keys;
    CoreFixture f;

    @BeforeEach
    void setUp() {
        f = new CoreFixture(keys);
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    private RegistrationCore start(KekProvider kek) {
        return RegistrationCore.create(f.dataSource, kek, PurposePolicy.defaults(), Clock.systemUTC());
    }

    private long rows(String table) {
        return f.jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    private SubjectId enrol(RegistrationCore core, String name) {
        return core.individuals().enrol(f.registrar(), TestConsents.standard(), CoreFixture.rapid(name, CoreFixture.DISTRICT), Optional.empty()).id();
    }

    @Test
    void theFirstStartRecordsTheKeyProvider() {
        Map<String, Object> row = f.jdbc.sql("SELECT * FROM key_provider_check").query().singleRow();
        assertThat(row.get("id")).isEqualTo(1);
        assertThat((byte[]) row.get("check_value")).hasSize(32);
        assertThat(row.get("key_id")).isEqualTo(f.kek.sign(new byte[] {1}).keyId());
        assertThat(row.get("algorithm")).isEqualTo("Ed25519");
        assertThat((byte[]) row.get("signature")).isNotEmpty();
    }

    @Test
    void theSameProviderReopenedStartsAndReadsTheRecords() {
        SubjectId id = enrol(f.core, "Before restart");
        RegistrationCore restarted = start(f.keys.reopen());
        assertThat(restarted.individuals().read(f.registrar(), id).details().names().givenName()).contains("Before restart");
        assertThat(rows("key_provider_check")).isEqualTo(1);
    }

    @Test
    void theSameProviderStillStartsAfterKekRotation() {
        if (f.keys.rotatedByOperator()) {
            f.keys.rotateAsOperator();
        } else {
            f.core.keyManagement().rotate(f.dpo("ADMIN.KEYS"));
        }
        start(f.keys.reopen());
    }

    @Test
    void aFreshProviderFromAMistypedPathIsRefusedAndWritesNothing() {
        enrol(f.core, "Existing");
        long keysBefore = rows("subject_key");
        long auditBefore = rows("audit_event");
        try (TestKek fresh = TestKek.open(keys.resolve("typo"))) {
            assertThatThrownBy(() -> start(fresh.provider()))
                    .isInstanceOf(KeyProviderMismatchException.class)
                    .hasMessage("the key provider does not hold the keys this database was encrypted with");
        }
        assertThat(rows("subject_key")).isEqualTo(keysBefore);
        assertThat(rows("audit_event")).isEqualTo(auditBefore);
        assertThat(rows("key_provider_check")).isEqualTo(1);
    }

    @Test
    void anotherProviderIsRefusedEvenOnADatabaseWithoutRecords() {
        try (TestKek other = TestKek.open(keys.resolve("other"))) {
            assertThatThrownBy(() -> start(other.provider())).isInstanceOf(KeyProviderMismatchException.class);
        }
    }

    @Test
    void anotherProviderThatIsDownAtStartIsRefusedAtTheFirstCallOnceItIsUp() {
        enrol(f.core, "Existing");
        long keysBefore = rows("subject_key");
        long auditBefore = rows("audit_event");
        try (TestKek other = TestKek.open(keys.resolve("other"))) {
            FailClosedTest.FlakyKek flaky = new FailClosedTest.FlakyKek(other.provider());
            flaky.down = true;
            RegistrationCore core = start(flaky);
            assertThatThrownBy(() -> enrol(core, "While down")).isInstanceOf(KeyProviderUnavailableException.class);
            flaky.down = false;
            assertThatThrownBy(() -> enrol(core, "Under the wrong keys")).isInstanceOf(KeyProviderMismatchException.class);
            assertThatThrownBy(() -> core.audit().verify(f.dpo("AUDIT"))).isInstanceOf(KeyProviderMismatchException.class);
        }
        assertThat(rows("subject_key")).isEqualTo(keysBefore);
        assertThat(rows("audit_event")).isEqualTo(auditBefore);
    }

    @Test
    void theRightProviderDownAtStartServesOnceItIsUp() {
        FailClosedTest.FlakyKek flaky = new FailClosedTest.FlakyKek(f.keys.reopen());
        flaky.down = true;
        RegistrationCore core = start(flaky);
        flaky.down = false;
        SubjectId id = enrol(core, "After recovery");
        assertThat(core.individuals().read(f.registrar(), id).details().names().givenName()).contains("After recovery");
    }

    @Test
    void aDatabaseWithDataButNoCheckRowIsRefused() {
        enrol(f.core, "Existing");
        f.jdbc.sql("DELETE FROM key_provider_check").update();

        assertThatThrownBy(() -> start(f.kek))
                .isInstanceOf(KeyProviderMismatchException.class)
                .hasMessageContaining("no record of the key provider");
        assertThat(rows("key_provider_check")).isZero();
    }

    @Test
    void aDatabaseWithOnlyAuditEventsButNoCheckRowIsRefused() {
        f.core.audit().verify(f.dpo("AUDIT"));
        assertThat(rows("subject_key")).isZero();
        f.jdbc.sql("DELETE FROM key_provider_check").update();
        assertThatThrownBy(() -> start(f.kek)).isInstanceOf(KeyProviderMismatchException.class);
    }

    @Test
    void aForgedCheckRowIsRefused() {
        f.jdbc.sql("UPDATE key_provider_check SET signature = decode(repeat('00', 64), 'hex')").update();
        assertThatThrownBy(() -> start(f.kek)).isInstanceOf(KeyProviderMismatchException.class);
    }
}
