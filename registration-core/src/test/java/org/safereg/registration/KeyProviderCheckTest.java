package org.safereg.registration;

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
import org.safereg.keys.LocalKeystoreKekProvider;
import org.safereg.keys.SubjectId;
import org.safereg.privacy.PurposePolicy;

/**
 * A start with a key provider other than the one the database was encrypted with (a missing or mistyped keystore
 * path silently creates a fresh KEK) is refused before anything is written, and so is a database holding data
 * but no record of its key provider. Each test runs on a fresh database.
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

    private RegistrationCore start(LocalKeystoreKekProvider kek) {
        return RegistrationCore.create(f.dataSource, kek, PurposePolicy.defaults(), Clock.systemUTC());
    }

    private long rows(String table) {
        return f.jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    @Test
    void theFirstStartRecordsTheKeyProvider() {
        Map<String, Object> row = f.jdbc.sql("SELECT * FROM key_provider_check").query().singleRow();
        assertThat(row.get("id")).isEqualTo(1);
        assertThat((byte[]) row.get("check_value")).hasSize(32);
        assertThat(row.get("key_id")).isEqualTo(LocalKeystoreKekProvider.SIGNING_KEY_ID);
        assertThat(row.get("algorithm")).isEqualTo("Ed25519");
        assertThat((byte[]) row.get("signature")).isNotEmpty();
    }

    @Test
    void theSameKeystoreReopenedStartsAndReadsTheRecords() {
        SubjectId id = f.core.individuals().enrol(f.registrar(), CoreFixture.rapid("Before restart", CoreFixture.DISTRICT),
                Optional.empty()).id();
        LocalKeystoreKekProvider reopened = LocalKeystoreKekProvider.openOrCreate(f.keystore, "test-passphrase".toCharArray());
        RegistrationCore restarted = start(reopened);
        assertThat(restarted.individuals().read(f.registrar(), id).details().names().givenName()).contains("Before restart");
        assertThat(rows("key_provider_check")).isEqualTo(1);
    }

    @Test
    void theSameKeystoreStillStartsAfterKekRotation() {
        f.core.keyManagement().rotate(f.dpo("ADMIN.KEYS"));
        start(LocalKeystoreKekProvider.openOrCreate(f.keystore, "test-passphrase".toCharArray()));
    }

    @Test
    void aFreshKeystoreFromAMistypedPathIsRefusedAndWritesNothing() {
        f.core.individuals().enrol(f.registrar(), CoreFixture.rapid("Existing", CoreFixture.DISTRICT), Optional.empty());
        long keysBefore = rows("subject_key");
        long auditBefore = rows("audit_event");
        LocalKeystoreKekProvider fresh = LocalKeystoreKekProvider.openOrCreate(keys.resolve("typo").resolve("kek.bcfks"),
                "test-passphrase".toCharArray());

        assertThatThrownBy(() -> start(fresh))
                .isInstanceOf(KeyProviderMismatchException.class)
                .hasMessage("the key provider does not hold the keys this database was encrypted with");
        assertThat(rows("subject_key")).isEqualTo(keysBefore);
        assertThat(rows("audit_event")).isEqualTo(auditBefore);
        assertThat(rows("key_provider_check")).isEqualTo(1);
    }

    @Test
    void anotherKeystoreIsRefusedEvenOnADatabaseWithoutRecords() {
        LocalKeystoreKekProvider other = LocalKeystoreKekProvider.openOrCreate(keys.resolve("other.bcfks"),
                "test-passphrase".toCharArray());
        assertThatThrownBy(() -> start(other)).isInstanceOf(KeyProviderMismatchException.class);
    }

    @Test
    void aDatabaseWithDataButNoCheckRowIsRefused() {
        f.core.individuals().enrol(f.registrar(), CoreFixture.rapid("Existing", CoreFixture.DISTRICT), Optional.empty());
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
