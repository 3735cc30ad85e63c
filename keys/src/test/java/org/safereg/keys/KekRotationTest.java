package org.safereg.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KekRotationTest {
    private static final FieldName NAMES = FieldName.of("individual.names", 1);

    @TempDir
    Path dir;
    private LocalKeystoreKekProvider kek;
    private final InMemoryWrappedKeyRepository repository = new InMemoryWrappedKeyRepository();
    private SubjectKeyring keyring;
    private KekRotation rotation;
    private final Map<SubjectId, Sealed> sealed = new HashMap<>();

    private record Sealed(DataCategory category, byte[] plaintext, byte[] ciphertext) {
    }

    @BeforeEach
    void enrol() {
        kek = LocalKeystoreKekProvider.openOrCreate(dir.resolve("kek.bcfks"), "rotation".toCharArray());
        keyring = new SubjectKeyring(kek, repository);
        rotation = new KekRotation(kek, repository);
        for (int i = 0; i < 25; i++) {
            SubjectId subject = SubjectId.random();
            seal(subject, DataCategory.DEMOGRAPHIC, i);
        }
    }

    @Test
    void rewrapsInBatchesThenRetiresTheOldVersionAndEverythingStaysReadable() {
        KekVersion v1 = kek.primaryVersion();
        KekVersion v2 = rotation.rotate();
        assertThat(rotation.rewrapBatch(10)).isEqualTo(new KekRotation.Progress(v2, 10, 15));
        assertThatThrownBy(() -> rotation.retire(v1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("15 data keys");
        assertThat(rotation.rewrapBatch(10)).isEqualTo(new KekRotation.Progress(v2, 10, 5));
        KekRotation.Progress last = rotation.rewrapBatch(10);
        assertThat(last).isEqualTo(new KekRotation.Progress(v2, 5, 0));
        assertThat(last.done()).isTrue();
        assertThat(rotation.rewrapBatch(10)).isEqualTo(new KekRotation.Progress(v2, 0, 0));

        rotation.retire(v1);

        assertThat(kek.activeVersions()).containsExactly(v2);
        assertThat(repository.countWrappedBy(v2)).isEqualTo(25);
        assertAllReadable();
        LocalKeystoreKekProvider reopened = LocalKeystoreKekProvider.openOrCreate(dir.resolve("kek.bcfks"), "rotation".toCharArray());
        assertAllReadable(new SubjectKeyring(reopened, repository));
    }

    @Test
    void rewrapAllMovesKeysFromSeveralOldVersions() {
        rotation.rotate();
        SubjectId late = SubjectId.random();
        seal(late, DataCategory.BIOMETRIC, 99);
        KekVersion v3 = rotation.rotate();

        KekRotation.Progress progress = rotation.rewrapAll(7);

        assertThat(progress).isEqualTo(new KekRotation.Progress(v3, 26, 0));
        rotation.retire(new KekVersion(1));
        rotation.retire(new KekVersion(2));
        assertThat(kek.activeVersions()).containsExactly(v3);
        assertAllReadable();
    }

    @Test
    void retireRefusesThePrimaryVersion() {
        assertThatThrownBy(() -> rotation.retire(kek.primaryVersion())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keysReplacedOrShreddedConcurrentlyAreSkippedNotOverwritten() {
        KekVersion v2 = rotation.rotate();
        List<WrappedKeyRepository.StoredKey> firstTwo = repository.findNotWrappedBy(v2, 2);
        SubjectId shredded = firstTwo.get(0).binding().subject();
        SubjectId rewrappedElsewhere = firstTwo.get(1).binding().subject();
        WrappedKeyRepository racingRepository = new RacingRepository(repository, () -> {
            keyring.destroy(shredded);
            WrappedKeyRepository.StoredKey current = repository.find(rewrappedElsewhere, DataCategory.DEMOGRAPHIC).orElseThrow();
            repository.replace(current, new WrappedKeyRepository.StoredKey(current.binding(),
                    kek.rewrap(current.wrapped(), current.binding())));
        });

        KekRotation.Progress progress = new KekRotation(kek, racingRepository).rewrapBatch(5);

        assertThat(progress).isEqualTo(new KekRotation.Progress(v2, 3, 24 - 3 - 1));
        assertThat(repository.find(shredded, DataCategory.DEMOGRAPHIC)).isEmpty();
        sealed.remove(shredded);
        assertAllReadable();
    }

    @Test
    void aKeyThatDoesNotUnwrapFailsTheBatchAfterTheOtherKeysAreStored() {
        KekVersion v2 = rotation.rotate();
        List<WrappedKeyRepository.StoredKey> firstTwo = repository.findNotWrappedBy(v2, 2);
        WrappedKeyRepository.StoredKey victim = firstTwo.get(0);
        // an attacker with database access copies another subject's wrapped key into the victim's row
        repository.tamper(new WrappedKeyRepository.StoredKey(victim.binding(), firstTwo.get(1).wrapped()));

        assertThatThrownBy(() -> rotation.rewrapBatch(10)).isInstanceOf(DecryptionFailedException.class)
                .hasMessageStartingWith("1 stored data key(s)");

        assertThat(repository.countWrappedBy(v2)).isEqualTo(9);
        assertThat(repository.find(victim.binding().subject(), DataCategory.DEMOGRAPHIC).orElseThrow().wrapped()
                .kekVersion()).isEqualTo(new KekVersion(1));
    }

    /** Runs {@code race} once, right after the batch's candidates were read. */
    private static final class RacingRepository implements WrappedKeyRepository {
        private final WrappedKeyRepository delegate;
        private Runnable race;

        RacingRepository(WrappedKeyRepository delegate, Runnable race) {
            this.delegate = delegate;
            this.race = race;
        }

        @Override
        public List<StoredKey> findNotWrappedBy(KekVersion version, int limit) {
            List<StoredKey> found = delegate.findNotWrappedBy(version, limit);
            if (race != null) {
                race.run();
                race = null;
            }
            return found;
        }

        @Override public java.util.Optional<StoredKey> find(SubjectId s, DataCategory c) { return delegate.find(s, c); }
        @Override public void insert(StoredKey key) { delegate.insert(key); }
        @Override public boolean replace(StoredKey e, StoredKey r) { return delegate.replace(e, r); }
        @Override public long countWrappedBy(KekVersion v) { return delegate.countWrappedBy(v); }
        @Override public long countNotWrappedBy(KekVersion v) { return delegate.countNotWrappedBy(v); }
        @Override public int deleteAll(SubjectId s) { return delegate.deleteAll(s); }
    }

    private void assertAllReadable() {
        assertAllReadable(keyring);
    }

    private void assertAllReadable(SubjectKeyring ring) {
        sealed.forEach((subject, s) ->
                assertThat(ring.open(subject, s.category()).decrypt(NAMES, s.ciphertext())).isEqualTo(s.plaintext()));
    }

    private void seal(SubjectId subject, DataCategory category, int i) {
        byte[] plaintext = ("person " + i).getBytes(StandardCharsets.UTF_8);
        sealed.put(subject, new Sealed(category, plaintext, keyring.create(subject, category).encrypt(NAMES, plaintext)));
    }
}
