package org.safereg.registration;

import org.safereg.registration.testing.TestConsents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import org.safereg.keys.KekProvider;
import org.safereg.keys.KekVersion;
import org.safereg.keys.KeyBinding;
import org.safereg.keys.KeyProviderUnavailableException;
import org.safereg.keys.ProviderSignature;
import org.safereg.keys.SigningPublicKey;
import org.safereg.keys.SubjectId;
import org.safereg.keys.WrappedKey;
import org.safereg.privacy.PurposePolicy;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/** When the key provider or the database is unavailable, calls fail and nothing is half-written. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FailClosedTest {
    @TempDir
    static Path keys;
    CoreFixture f;
    FlakyKek flaky;
    RegistrationCore core;

    @AfterAll
    void closeFixture() {
        f.close();
    }

    @BeforeAll
    void setUp() {
        f = new CoreFixture(keys);
        flaky = new FlakyKek(f.kek);
        core = RegistrationCore.create(f.dataSource, flaky, PurposePolicy.defaults(), Clock.systemUTC());
    }

    private String rowCounts() {
        return f.jdbc.sql("""
                SELECT (SELECT count(*) FROM individual) || '/' || (SELECT count(*) FROM individual_version) || '/'
                    || (SELECT count(*) FROM subject_key) || '/' || (SELECT count(*) FROM individual_blind_index) || '/'
                    || (SELECT count(*) FROM stat_projection) || '/' || (SELECT count(*) FROM audit_event)""")
                .query(String.class).single();
    }

    @Test
    void keyProviderDownDuringEnrolmentWritesNothing() {
        String before = rowCounts();
        flaky.down = true;
        try {
            assertThatThrownBy(() -> core.individuals().enrol(f.registrar(), TestConsents.standard(), CoreFixture.rapid("Nobody", CoreFixture.DISTRICT), Optional.empty()))
                    .isInstanceOf(KeyProviderUnavailableException.class);
        } finally {
            flaky.down = false;
        }
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void keyProviderDownDuringReadReturnsNothingAndWritesNoAuditEvent() {
        SubjectId id = core.individuals().enrol(f.registrar(), TestConsents.standard(), CoreFixture.rapid("Somebody", CoreFixture.DISTRICT), Optional.empty()).id();
        String before = rowCounts();
        flaky.down = true;
        try {
            assertThatThrownBy(() -> core.individuals().read(f.registrar(), id)).isInstanceOf(KeyProviderUnavailableException.class);
        } finally {
            flaky.down = false;
        }
        assertThat(rowCounts()).isEqualTo(before);
        assertThat(core.individuals().read(f.registrar(), id).details().names().givenName()).contains("Somebody");
    }

    @Test
    void databaseDownAtStartIsADataAccessResourceFailureOnEveryCall() {
        PGSimpleDataSource nowhere = new PGSimpleDataSource();
        nowhere.setUrl("jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2");
        RegistrationCore offline = RegistrationCore.create(nowhere, f.kek, PurposePolicy.defaults(), Clock.systemUTC());
        assertThatThrownBy(() -> offline.individuals().read(f.registrar(), SubjectId.random()))
                .isInstanceOf(DataAccessResourceFailureException.class);
        assertThatThrownBy(() -> offline.individuals().read(f.dpo("LAW_ENFORCEMENT"), SubjectId.random()))
                .isInstanceOf(DataAccessResourceFailureException.class);
    }

    @Test
    void databaseDownAfterStartIsADataAccessResourceFailure() {
        AtomicBoolean databaseDown = new AtomicBoolean();
        DataSource switchable = new DelegatingDataSource(f.dataSource) {
            @Override
            public Connection getConnection() throws SQLException {
                if (databaseDown.get()) {
                    throw new SQLException("database down (test)", "08001");
                }
                return super.getConnection();
            }
        };
        RegistrationCore offline = RegistrationCore.create(switchable, f.kek, PurposePolicy.defaults(), Clock.systemUTC());
        databaseDown.set(true);
        assertThatThrownBy(() -> offline.individuals().read(f.registrar(), SubjectId.random()))
                .isInstanceOf(DataAccessResourceFailureException.class);
        assertThatThrownBy(() -> offline.individuals().read(f.dpo("LAW_ENFORCEMENT"), SubjectId.random()))
                .isInstanceOf(DataAccessResourceFailureException.class);
    }

    /**
     * Delegates to a real provider, or fails every call but signature verification (a public-key check) as
     * unavailable while {@link #down}.
     */
    static final class FlakyKek implements KekProvider {
        private final KekProvider real;
        volatile boolean down;

        FlakyKek(KekProvider real) {
            this.real = real;
        }

        private void check() {
            if (down) {
                throw new KeyProviderUnavailableException("provider down (test)");
            }
        }

        @Override public WrappedKey wrap(byte[] dataKey, KeyBinding binding) { check(); return real.wrap(dataKey, binding); }
        @Override public byte[] unwrap(WrappedKey wrapped, KeyBinding binding) { check(); return real.unwrap(wrapped, binding); }
        @Override public WrappedKey rewrap(WrappedKey wrapped, KeyBinding binding) { check(); return real.rewrap(wrapped, binding); }
        @Override public KekVersion primaryVersion() { check(); return real.primaryVersion(); }
        @Override public SortedSet<KekVersion> activeVersions() { check(); return real.activeVersions(); }
        @Override public KekVersion rotate() { check(); return real.rotate(); }
        @Override public void retire(KekVersion version) { check(); real.retire(version); }
        @Override public byte[] deriveSecret(String label) { check(); return real.deriveSecret(label); }
        @Override public ProviderSignature sign(byte[] message) { check(); return real.sign(message); }
        @Override public boolean verify(byte[] message, ProviderSignature signature) { return real.verify(message, signature); }
        @Override public List<SigningPublicKey> signingPublicKeys() { return real.signingPublicKeys(); }
        @Override public void checkAvailable() { check(); }
    }
}
