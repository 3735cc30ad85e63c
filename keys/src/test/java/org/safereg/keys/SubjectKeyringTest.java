package org.safereg.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubjectKeyringTest {
    private static final FieldName NAMES = FieldName.of("individual.names", 1);
    private static final byte[] PLAINTEXT = "Amina Abdullahi Okonkwo".getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path dir;
    static KekProvider kek;

    private final InMemoryWrappedKeyRepository repository = new InMemoryWrappedKeyRepository();
    private final SubjectKeyring keyring = new SubjectKeyring(kek, repository);
    private final SubjectId subject = SubjectId.random();

    @BeforeAll
    static void openKeystore() {
        kek = LocalKeystoreKekProvider.openOrCreate(dir.resolve("kek.bcfks"), "test-passphrase".toCharArray());
    }

    @Test
    void encryptsAndDecryptsWithTheStoredKey() {
        byte[] ciphertext = keyring.create(subject, DataCategory.DEMOGRAPHIC).encrypt(NAMES, PLAINTEXT);

        assertThat(ciphertext[0]).isEqualTo((byte) 0x01);
        assertThat(ciphertext).hasSize(1 + 12 + PLAINTEXT.length + 16);
        assertThat(new String(ciphertext, StandardCharsets.ISO_8859_1)).doesNotContain("Amina");
        assertThat(keyring.open(subject, DataCategory.DEMOGRAPHIC).decrypt(NAMES, ciphertext)).isEqualTo(PLAINTEXT);
    }

    @Test
    void storesOnlyTheWrappedKeyBoundToSubjectCategoryAndScheme() {
        keyring.create(subject, DataCategory.BIOMETRIC);

        WrappedKeyRepository.StoredKey stored = repository.find(subject, DataCategory.BIOMETRIC).orElseThrow();
        assertThat(stored.binding()).isEqualTo(new KeyBinding(subject, DataCategory.BIOMETRIC, SubjectKeyring.KEY_SCHEME));
        assertThat(stored.wrapped().kekVersion()).isEqualTo(kek.primaryVersion());
        assertThat(kek.unwrap(stored.wrapped(), stored.binding())).hasSize(32);
        assertThat(repository.find(subject, DataCategory.DEMOGRAPHIC)).isEmpty();
    }

    @Test
    void encryptionIsRandomised() {
        FieldCipher cipher = keyring.create(subject, DataCategory.DEMOGRAPHIC);

        assertThat(cipher.encrypt(NAMES, PLAINTEXT)).isNotEqualTo(cipher.encrypt(NAMES, PLAINTEXT));
        assertThat(cipher.decrypt(NAMES, cipher.encrypt(NAMES, new byte[0]))).isEmpty();
    }

    @Test
    void createFailsWhenTheSubjectAlreadyHasAKey() {
        keyring.create(subject, DataCategory.DEMOGRAPHIC);

        assertThatThrownBy(() -> keyring.create(subject, DataCategory.DEMOGRAPHIC)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void openOrCreateCreatesOnceAndThenOpensTheSameKey() {
        byte[] ciphertext = keyring.openOrCreate(subject, DataCategory.DEMOGRAPHIC).encrypt(NAMES, PLAINTEXT);

        assertThat(keyring.openOrCreate(subject, DataCategory.DEMOGRAPHIC).decrypt(NAMES, ciphertext)).isEqualTo(PLAINTEXT);
        assertThat(repository.size()).isEqualTo(1);
    }

    @Test
    void concurrentOpenOrCreateYieldsOneKeyUsableByAll() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<FieldCipher>> tasks = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                tasks.add(() -> keyring.openOrCreate(subject, DataCategory.DEMOGRAPHIC));
            }
            List<FieldCipher> ciphers = new ArrayList<>();
            for (Future<FieldCipher> f : pool.invokeAll(tasks)) {
                ciphers.add(f.get());
            }
            byte[] ciphertext = ciphers.get(0).encrypt(NAMES, PLAINTEXT);
            for (FieldCipher cipher : ciphers) {
                assertThat(cipher.decrypt(NAMES, ciphertext)).isEqualTo(PLAINTEXT);
            }
            assertThat(repository.size()).isEqualTo(1);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void ciphertextMovedToAnotherSubjectFailsToDecrypt() {
        byte[] ciphertext = keyring.create(subject, DataCategory.DEMOGRAPHIC).encrypt(NAMES, PLAINTEXT);
        FieldCipher other = keyring.create(SubjectId.random(), DataCategory.DEMOGRAPHIC);

        assertThatThrownBy(() -> other.decrypt(NAMES, ciphertext)).isInstanceOf(DecryptionFailedException.class);
    }

    @Test
    void ciphertextMovedToAnotherFieldOrSchemaVersionFailsToDecrypt() {
        FieldCipher cipher = keyring.create(subject, DataCategory.DEMOGRAPHIC);
        byte[] ciphertext = cipher.encrypt(NAMES, PLAINTEXT);

        assertThatThrownBy(() -> cipher.decrypt(FieldName.of("individual.contact", 1), ciphertext))
                .isInstanceOf(DecryptionFailedException.class);
        assertThatThrownBy(() -> cipher.decrypt(FieldName.of("individual.names", 2), ciphertext))
                .isInstanceOf(DecryptionFailedException.class);
    }

    @Test
    void ciphertextMovedToAnotherCategoryFailsEvenUnderTheSameKey() {
        byte[] dataKey = new byte[32];
        java.util.Arrays.fill(dataKey, (byte) 7);
        byte[] ciphertext = new AesGcmFieldCipher(subject, DataCategory.DEMOGRAPHIC, dataKey.clone()).encrypt(NAMES, PLAINTEXT);

        FieldCipher sameKeyOtherCategory = new AesGcmFieldCipher(subject, DataCategory.BIOMETRIC, dataKey.clone());
        assertThatThrownBy(() -> sameKeyOtherCategory.decrypt(NAMES, ciphertext)).isInstanceOf(DecryptionFailedException.class);
        assertThat(new AesGcmFieldCipher(subject, DataCategory.DEMOGRAPHIC, dataKey.clone()).decrypt(NAMES, ciphertext))
                .isEqualTo(PLAINTEXT);
    }

    @Test
    void ciphertextMovedToTheSubjectsOtherCategoryFailsToDecrypt() {
        byte[] ciphertext = keyring.create(subject, DataCategory.DEMOGRAPHIC).encrypt(NAMES, PLAINTEXT);
        FieldCipher biometric = keyring.create(subject, DataCategory.BIOMETRIC);

        assertThatThrownBy(() -> biometric.decrypt(NAMES, ciphertext)).isInstanceOf(DecryptionFailedException.class);
    }

    @Test
    void anyTamperedByteIsDetected() {
        FieldCipher cipher = keyring.create(subject, DataCategory.DEMOGRAPHIC);
        byte[] ciphertext = cipher.encrypt(NAMES, PLAINTEXT);

        for (int i = 0; i < ciphertext.length; i++) {
            byte[] tampered = ciphertext.clone();
            tampered[i] ^= 0x01;
            assertThatThrownBy(() -> cipher.decrypt(NAMES, tampered)).isInstanceOf(DecryptionFailedException.class);
        }
        assertThatThrownBy(() -> cipher.decrypt(NAMES, java.util.Arrays.copyOf(ciphertext, ciphertext.length - 1)))
                .isInstanceOf(DecryptionFailedException.class);
        assertThatThrownBy(() -> cipher.decrypt(NAMES, new byte[5])).isInstanceOf(DecryptionFailedException.class);
    }

    @Test
    void wrappedKeyCopiedToAnotherSubjectDoesNotUnwrap() {
        SubjectId victim = SubjectId.random();
        keyring.create(subject, DataCategory.DEMOGRAPHIC);
        keyring.create(victim, DataCategory.DEMOGRAPHIC);
        WrappedKey attackersKey = repository.find(subject, DataCategory.DEMOGRAPHIC).orElseThrow().wrapped();

        repository.tamper(new WrappedKeyRepository.StoredKey(
                new KeyBinding(victim, DataCategory.DEMOGRAPHIC, SubjectKeyring.KEY_SCHEME), attackersKey));

        assertThatThrownBy(() -> keyring.open(victim, DataCategory.DEMOGRAPHIC)).isInstanceOf(DecryptionFailedException.class);
    }

    @Test
    void destroyShredsAllTheSubjectsKeysAndOnlyTheirs() {
        FieldCipher demographic = keyring.create(subject, DataCategory.DEMOGRAPHIC);
        byte[] names = demographic.encrypt(NAMES, PLAINTEXT);
        byte[] template = keyring.create(subject, DataCategory.BIOMETRIC).encrypt(FieldName.of("biometric.template", 1), PLAINTEXT);
        SubjectId bystander = SubjectId.random();
        byte[] bystanderNames = keyring.create(bystander, DataCategory.DEMOGRAPHIC).encrypt(NAMES, PLAINTEXT);

        assertThat(keyring.destroy(subject)).isEqualTo(2);

        assertThatThrownBy(() -> keyring.open(subject, DataCategory.DEMOGRAPHIC))
                .isInstanceOf(SubjectKeysDestroyedException.class)
                .satisfies(e -> assertThat(((SubjectKeysDestroyedException) e).subject()).isEqualTo(subject));
        assertThatThrownBy(() -> keyring.open(subject, DataCategory.BIOMETRIC)).isInstanceOf(SubjectKeysDestroyedException.class);
        // A new key for the same subject does not bring the data back.
        FieldCipher fresh = keyring.openOrCreate(subject, DataCategory.DEMOGRAPHIC);
        assertThatThrownBy(() -> fresh.decrypt(NAMES, names)).isInstanceOf(DecryptionFailedException.class);
        assertThat(template).isNotEmpty();
        assertThat(keyring.open(bystander, DataCategory.DEMOGRAPHIC).decrypt(NAMES, bystanderNames)).isEqualTo(PLAINTEXT);
        assertThat(keyring.destroy(SubjectId.random())).isZero();
    }

    @Test
    void openAllOpensTheKeysOfManySubjectsAndLeavesOutThoseWithout() {
        SubjectId other = SubjectId.random();
        SubjectId without = SubjectId.random();
        byte[] first = keyring.create(subject, DataCategory.BIOMETRIC).encrypt(NAMES, PLAINTEXT);
        byte[] second = keyring.create(other, DataCategory.BIOMETRIC).encrypt(NAMES, PLAINTEXT);
        keyring.create(without, DataCategory.DEMOGRAPHIC);

        var opened = keyring.openAll(List.of(subject, other, without), DataCategory.BIOMETRIC);
        var ciphers = opened.ciphers();

        assertThat(ciphers).containsOnlyKeys(subject, other);
        assertThat(opened.failed()).isEmpty();
        assertThat(ciphers.get(subject).decrypt(NAMES, first)).isEqualTo(PLAINTEXT);
        assertThat(ciphers.get(other).decrypt(NAMES, second)).isEqualTo(PLAINTEXT);
        assertThatThrownBy(() -> ciphers.get(other).decrypt(NAMES, first)).isInstanceOf(DecryptionFailedException.class);
    }

    @Test
    void openAllReportsAKeyThatDoesNotAuthenticateAndOpensTheOthers() {
        SubjectId victim = SubjectId.random();
        keyring.create(subject, DataCategory.BIOMETRIC);
        keyring.create(victim, DataCategory.BIOMETRIC);
        // the attacker's wrapped key copied over the victim's row
        WrappedKey attackers = repository.find(subject, DataCategory.BIOMETRIC).orElseThrow().wrapped();
        repository.deleteAll(victim);
        repository.insert(new WrappedKeyRepository.StoredKey(
                new KeyBinding(victim, DataCategory.BIOMETRIC, SubjectKeyring.KEY_SCHEME), attackers));

        var opened = keyring.openAll(List.of(subject, victim), DataCategory.BIOMETRIC);

        assertThat(opened.ciphers()).containsOnlyKeys(subject);
        assertThat(opened.failed()).containsExactly(victim);
    }

    @Test
    void openOfASubjectWithoutKeysFails() {
        assertThatThrownBy(() -> keyring.open(subject, DataCategory.DEMOGRAPHIC))
                .isInstanceOf(SubjectKeysDestroyedException.class)
                .hasMessageNotContaining(subject.toString());
    }
}
