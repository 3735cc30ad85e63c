package org.safereg.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.SortedSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.safereg.keys.KekProvider;
import org.safereg.keys.KekVersion;
import org.safereg.keys.KeyBinding;
import org.safereg.keys.KeyProviderUnavailableException;
import org.safereg.keys.ProviderSignature;
import org.safereg.keys.SigningPublicKey;
import org.safereg.keys.WrappedKey;
import org.safereg.keys.testing.TestKek;
import org.safereg.privacy.PurposePolicy;
import org.springframework.dao.DataAccessException;

/**
 * KEK rotation and retirement change the key provider, which no database rollback undoes: the permitted intent
 * is committed to the audit trail before the provider changes, and retirement holds a write lock on
 * {@code subject_key} from its final count until the provider has retired the version. Each test runs on a fresh
 * database and local keystore (the provider that rotates through the application; under Vault rotation and
 * retirement are operator actions, see {@code KekRotationServiceTest}).
 */
@DisabledIfSystemProperty(named = TestKek.PROPERTY, matches = "vault",
        disabledReason = "the application rotates and retires only the local keystore provider")
class KeyManagementOrderingTest {
    @TempDir
    Path keys;
    TestKek localKeys;
    CoreFixture f;
    ControlledKek kek;
    RegistrationCore core;

    @BeforeEach
    void setUp() {
        localKeys = TestKek.local(keys);
        f = new CoreFixture(localKeys);
        kek = new ControlledKek(f.kek);
        core = RegistrationCore.create(f.dataSource, kek, PurposePolicy.defaults(), Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        f.close();
        localKeys.close();
    }

    private RequestContext officer() {
        return f.dpo("ADMIN.KEYS");
    }

    @Test
    void whenTheAuditTrailCannotBeWrittenTheKekIsNotRotated() {
        f.jdbc.sql("""
                CREATE FUNCTION refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'audit trail unavailable (test)'; END; $$""").update();
        f.jdbc.sql("CREATE TRIGGER audit_event_refused BEFORE INSERT ON audit_event FOR EACH ROW EXECUTE FUNCTION refuse_audit()")
                .update();

        assertThatThrownBy(() -> core.keyManagement().rotate(officer())).isInstanceOf(DataAccessException.class);
        assertThat(kek.rotations).isZero();
        assertThat(f.kek.primaryVersion()).isEqualTo(new KekVersion(1));
        assertThat(localKeys.reopen().primaryVersion()).as("the keystore file").isEqualTo(new KekVersion(1));
    }

    @Test
    void aRotationTheProviderRefusesLeavesTheIntentAndAFailedOutcome() {
        long before = f.auditCount();
        kek.failRotation = true;
        assertThatThrownBy(() -> core.keyManagement().rotate(officer())).isInstanceOf(KeyProviderUnavailableException.class);
        assertThat(f.auditAfter(before)).containsExactly("KEY_MANAGEMENT/SUCCESS", "KEY_MANAGEMENT/FAILED");

        kek.failRotation = false;
        assertThat(core.keyManagement().rotate(officer())).isEqualTo(new KekVersion(2));
        assertThat(f.auditAfter(before + 2)).containsExactly("KEY_MANAGEMENT/SUCCESS", "KEY_MANAGEMENT/SUCCESS");
    }

    @Test
    void retirementIsAuditedFirstAndBlocksKeyWritesUntilTheProviderHasRetired() throws Exception {
        core.keyManagement().rotate(officer());
        long before = f.auditCount();
        kek.holdRetirement = new CountDownLatch(1);
        CompletableFuture<Void> retirement = CompletableFuture.runAsync(
                () -> core.keyManagement().retire(officer(), new KekVersion(1)));
        assertThat(kek.retiring.await(30, TimeUnit.SECONDS)).isTrue();
        try {
            // the provider is retiring v1 now: the intent is already committed ...
            assertThat(f.auditAfter(before)).containsExactly("KEY_MANAGEMENT/SUCCESS");
            // ... and a data key wrapped by v1 (an enrolment that wrapped before the rotation) cannot be stored
            try (Connection c = f.dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("SET lock_timeout = '300ms'");
                assertThatThrownBy(() -> s.execute("""
                        INSERT INTO subject_key (subject_id, category, key_scheme, kek_version, wrapped)
                        VALUES (gen_random_uuid(), 'DEMOGRAPHIC', 1, 1, '\\x00')"""))
                        .isInstanceOf(SQLException.class)
                        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("55P03"));
            }
        } finally {
            kek.holdRetirement.countDown();
        }
        retirement.get(30, TimeUnit.SECONDS);
        assertThat(f.auditAfter(before)).containsExactly("KEY_MANAGEMENT/SUCCESS", "KEY_MANAGEMENT/SUCCESS");
        assertThat(f.kek.activeVersions()).containsExactly(new KekVersion(2));
    }

    @Test
    void aRefusedRetirementIsOneFailedEventAndChangesNothing() {
        long before = f.auditCount();
        assertThatThrownBy(() -> core.keyManagement().retire(officer(), new KekVersion(1)))
                .isInstanceOf(KekVersionInUseException.class);
        assertThat(f.auditAfter(before)).containsExactly("KEY_MANAGEMENT/FAILED");
        assertThat(kek.retirements).isZero();
    }

    /** The real provider, with rotation that can be made to fail and retirement that can be held. */
    static final class ControlledKek implements KekProvider {
        private final KekProvider real;
        volatile boolean failRotation;
        volatile CountDownLatch holdRetirement;
        final CountDownLatch retiring = new CountDownLatch(1);
        volatile int rotations;
        volatile int retirements;

        ControlledKek(KekProvider real) {
            this.real = real;
        }

        @Override
        public KekVersion rotate() {
            if (failRotation) {
                throw new KeyProviderUnavailableException("keystore not writable (test)");
            }
            rotations++;
            return real.rotate();
        }

        @Override
        public void retire(KekVersion version) {
            retirements++;
            retiring.countDown();
            try {
                if (holdRetirement != null && !holdRetirement.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("retirement held too long (test)");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            real.retire(version);
        }

        @Override public WrappedKey wrap(byte[] dataKey, KeyBinding binding) { return real.wrap(dataKey, binding); }
        @Override public byte[] unwrap(WrappedKey wrapped, KeyBinding binding) { return real.unwrap(wrapped, binding); }
        @Override public WrappedKey rewrap(WrappedKey wrapped, KeyBinding binding) { return real.rewrap(wrapped, binding); }
        @Override public KekVersion primaryVersion() { return real.primaryVersion(); }
        @Override public SortedSet<KekVersion> activeVersions() { return real.activeVersions(); }
        @Override public byte[] deriveSecret(String label) { return real.deriveSecret(label); }
        @Override public ProviderSignature sign(byte[] message) { return real.sign(message); }
        @Override public boolean verify(byte[] message, ProviderSignature signature) { return real.verify(message, signature); }
        @Override public List<SigningPublicKey> signingPublicKeys() { return real.signingPublicKeys(); }
        @Override public void checkAvailable() { real.checkAvailable(); }
    }
}
