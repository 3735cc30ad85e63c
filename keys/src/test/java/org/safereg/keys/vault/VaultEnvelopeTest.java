package org.safereg.keys.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safereg.keys.DataCategory;
import org.safereg.keys.DecryptionFailedException;
import org.safereg.keys.FieldCipher;
import org.safereg.keys.FieldName;
import org.safereg.keys.InMemoryWrappedKeyRepository;
import org.safereg.keys.KekRotation;
import org.safereg.keys.KekVersion;
import org.safereg.keys.KeyBinding;
import org.safereg.keys.ProviderSignature;
import org.safereg.keys.SubjectId;
import org.safereg.keys.SubjectKeyring;
import org.safereg.keys.SubjectKeysDestroyedException;
import org.safereg.keys.WrappedKeyRepository.StoredKey;

/**
 * The keys module's envelope scenarios (SubjectKeyring, KekRotation re-wrap, crypto-shredding, signed
 * checkpoints) with the Vault Transit provider over the test double {@link TransitTestServer}, on the same
 * repository test double as the local-provider tests. Rotation and retirement happen as in production: the
 * operator rotates the KEK and raises {@code min_decryption_version} in Vault; the application re-wraps.
 */
class VaultEnvelopeTest {
    private static final FieldName NAMES = FieldName.of("individual.names", 1);
    private static TransitTestServer server;

    private TransitTestKeys transit;
    private final InMemoryWrappedKeyRepository repository = new InMemoryWrappedKeyRepository();
    private VaultTransitKekProvider kek;
    private SubjectKeyring keyring;
    private final Map<SubjectId, byte[]> plaintexts = new LinkedHashMap<>();
    private final Map<SubjectId, byte[]> ciphertexts = new LinkedHashMap<>();

    @BeforeAll
    static void startVault() {
        server = TransitTestServer.start();
    }

    @AfterAll
    static void stopVault() {
        server.close();
    }

    @BeforeEach
    void keysAndProvider() {
        transit = TransitTestKeys.provision(server);
        kek = transit.connect();
        keyring = new SubjectKeyring(kek, repository);
    }

    @AfterEach
    void closeProvider() {
        kek.close();
    }

    private void enrol(int count) {
        for (int i = 0; i < count; i++) {
            SubjectId subject = SubjectId.random();
            byte[] plaintext = ("Amina Okonkwo " + i).getBytes(StandardCharsets.UTF_8);
            plaintexts.put(subject, plaintext);
            ciphertexts.put(subject, keyring.create(subject, DataCategory.DEMOGRAPHIC).encrypt(NAMES, plaintext));
        }
    }

    private void assertAllReadable(SubjectKeyring ring) {
        ciphertexts.forEach((subject, ciphertext) ->
                assertThat(ring.open(subject, DataCategory.DEMOGRAPHIC).decrypt(NAMES, ciphertext)).isEqualTo(plaintexts.get(subject)));
    }

    @Test
    void encryptsWithAStoredVaultWrappedKeyAndDecryptsThroughANewProvider() {
        enrol(3);

        for (SubjectId subject : plaintexts.keySet()) {
            StoredKey stored = repository.find(subject, DataCategory.DEMOGRAPHIC).orElseThrow();
            assertThat(new String(stored.wrapped().ciphertext(), StandardCharsets.US_ASCII)).startsWith("vault:v1:");
        }
        try (VaultTransitKekProvider fresh = transit.connect()) {
            assertAllReadable(new SubjectKeyring(fresh, repository));
        }
    }

    @Test
    void aCiphertextOrWrappedKeyMovedToAnotherSubjectDoesNotDecrypt() {
        enrol(2);
        List<SubjectId> subjects = new ArrayList<>(plaintexts.keySet());
        SubjectId attacker = subjects.get(0);
        SubjectId victim = subjects.get(1);

        assertThatThrownBy(() -> keyring.open(victim, DataCategory.DEMOGRAPHIC).decrypt(NAMES, ciphertexts.get(attacker)))
                .isInstanceOf(DecryptionFailedException.class);
        StoredKey attackersKey = repository.find(attacker, DataCategory.DEMOGRAPHIC).orElseThrow();
        repository.deleteAll(victim);
        repository.insert(new StoredKey(new KeyBinding(victim, DataCategory.DEMOGRAPHIC, SubjectKeyring.KEY_SCHEME),
                attackersKey.wrapped()));
        assertThatThrownBy(() -> keyring.open(victim, DataCategory.DEMOGRAPHIC)).isInstanceOf(DecryptionFailedException.class);
    }

    @Test
    void cryptoShreddingMakesASubjectUnreadableByAnyPath() {
        enrol(2);
        SubjectId shredded = plaintexts.keySet().iterator().next();
        byte[] names = ciphertexts.remove(shredded);

        assertThat(keyring.destroy(shredded)).isEqualTo(1);

        assertThatThrownBy(() -> keyring.open(shredded, DataCategory.DEMOGRAPHIC)).isInstanceOf(SubjectKeysDestroyedException.class);
        FieldCipher fresh = keyring.openOrCreate(shredded, DataCategory.DEMOGRAPHIC);
        assertThatThrownBy(() -> fresh.decrypt(NAMES, names)).isInstanceOf(DecryptionFailedException.class);
        assertAllReadable(keyring);
    }

    @Test
    void operatorRotationThenReWrapThenRetirementKeepsEverythingReadable() {
        enrol(25);
        KekRotation rotation = new KekRotation(kek, repository);

        assertThatThrownBy(rotation::rotate).isInstanceOf(UnsupportedOperationException.class);
        transit.rotateKek();
        KekVersion v2 = new KekVersion(2);
        assertThat(rotation.rewrapBatch(10)).isEqualTo(new KekRotation.Progress(v2, 10, 15));
        assertThatThrownBy(() -> rotation.retire(new KekVersion(1))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("15 data keys");
        assertThat(rotation.rewrapAll(7)).isEqualTo(new KekRotation.Progress(v2, 15, 0));
        assertThat(repository.countWrappedBy(v2)).isEqualTo(25);
        assertThat(server.count("POST transit/rewrap/" + transit.kekKeyName()))
                .as("one batch_input request per batch: 10, then 7 + 7 + 1").isEqualTo(4);

        // Retirement is the operator's: the provider refuses it, Vault's min_decryption_version does it.
        assertThatThrownBy(() -> rotation.retire(new KekVersion(1))).isInstanceOf(UnsupportedOperationException.class);
        transit.setMinDecryptionVersion(2);

        assertThat(kek.activeVersions()).containsExactly(v2);
        try (VaultTransitKekProvider fresh = transit.connect()) {
            assertAllReadable(new SubjectKeyring(fresh, repository));
        }
    }

    @Test
    void aGalleryLoadUnwrapsAllKeysInBatches() {
        enrol(30);
        List<StoredKey> stored = new ArrayList<>();
        plaintexts.keySet().forEach(subject -> stored.add(repository.find(subject, DataCategory.DEMOGRAPHIC).orElseThrow()));

        try (VaultTransitKekProvider fresh = transit.connect()) {
            List<Optional<byte[]>> keys = fresh.unwrapAll(stored);

            assertThat(keys).hasSize(30).allSatisfy(key -> assertThat(key).get().satisfies(k -> assertThat(k).hasSize(32)));
            assertThat(server.count("POST transit/decrypt/" + transit.kekKeyName())).isEqualTo(1);
        }
    }

    @Test
    void auditCheckpointsAreSignedInVaultAndVerifiedOffline() {
        byte[] checkpoint = "checkpoint seq=1000 head=9f2c".getBytes(StandardCharsets.UTF_8);

        ProviderSignature signature = kek.sign(checkpoint);
        server.seal();
        try {
            assertThat(kek.verify(checkpoint, signature)).isTrue();
            assertThat(kek.verify("checkpoint seq=1001 head=9f2c".getBytes(StandardCharsets.UTF_8), signature)).isFalse();
        } finally {
            server.unseal();
        }
    }
}
