package org.safereg.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalKeystoreKekProviderTest {
    private static final char[] PASSPHRASE = "correct horse battery staple".toCharArray();
    private static final byte[] DATA_KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;

    private final KeyBinding binding = new KeyBinding(SubjectId.random(), DataCategory.DEMOGRAPHIC, 1);

    @Test
    void createsKeystoreWithOwnerOnlyPermissionsInNewDirectory() throws Exception {
        Path file = dir.resolve("keys/kek.bcfks");

        LocalKeystoreKekProvider kek = LocalKeystoreKekProvider.openOrCreate(file, PASSPHRASE);

        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(file.getParent())).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(kek.primaryVersion()).isEqualTo(new KekVersion(1));
        assertThat(kek.activeVersions()).containsExactly(new KekVersion(1));
        assertThat(Files.list(file.getParent())).containsExactly(file);
        kek.checkAvailable();
    }

    @Test
    void keystoreFileHoldsNoRawKeyMaterialInPlaintext() throws Exception {
        Path file = dir.resolve("kek.bcfks");
        LocalKeystoreKekProvider kek = LocalKeystoreKekProvider.openOrCreate(file, PASSPHRASE);

        String raw = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);

        assertThat(raw).doesNotContain(new String(kek.deriveSecret("probe"), StandardCharsets.ISO_8859_1));
        assertThat(raw).doesNotContain("kek-v1").doesNotContain("derive-root");
    }

    @Test
    void reopenedKeystoreUnwrapsKeysWrappedBeforeAndDerivesTheSameSecrets() {
        Path file = dir.resolve("kek.bcfks");
        LocalKeystoreKekProvider first = LocalKeystoreKekProvider.openOrCreate(file, PASSPHRASE);
        WrappedKey wrapped = first.wrap(DATA_KEY, binding);
        byte[] secret = first.deriveSecret("blind-index/individual.document_number");
        ProviderSignature signature = first.sign("checkpoint".getBytes(StandardCharsets.UTF_8));

        LocalKeystoreKekProvider reopened = LocalKeystoreKekProvider.openOrCreate(file, PASSPHRASE);

        assertThat(reopened.unwrap(wrapped, binding)).isEqualTo(DATA_KEY);
        assertThat(reopened.deriveSecret("blind-index/individual.document_number")).isEqualTo(secret);
        assertThat(reopened.verify("checkpoint".getBytes(StandardCharsets.UTF_8), signature)).isTrue();
    }

    @Test
    void twoKeystoresHaveIndependentKeys() {
        LocalKeystoreKekProvider a = LocalKeystoreKekProvider.openOrCreate(dir.resolve("a.bcfks"), PASSPHRASE);
        LocalKeystoreKekProvider b = LocalKeystoreKekProvider.openOrCreate(dir.resolve("b.bcfks"), PASSPHRASE);
        WrappedKey wrapped = a.wrap(DATA_KEY, binding);

        assertThat(a.deriveSecret("x")).isNotEqualTo(b.deriveSecret("x"));
        assertThatThrownBy(() -> b.unwrap(wrapped, binding)).isInstanceOf(DecryptionFailedException.class);
    }

    @Test
    void wrongPassphraseIsRefusedAndFileLeftUntouched() throws Exception {
        Path file = dir.resolve("kek.bcfks");
        LocalKeystoreKekProvider.openOrCreate(file, PASSPHRASE);
        byte[] before = Files.readAllBytes(file);

        assertThatThrownBy(() -> LocalKeystoreKekProvider.openOrCreate(file, "wrong".toCharArray()))
                .isInstanceOf(KeyProviderUnavailableException.class)
                .hasMessageContaining("wrong passphrase or corrupt file")
                .hasMessageNotContaining("wrong".repeat(2));

        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(Files.list(dir)).containsExactly(file);
    }

    @Test
    void corruptFileIsRefusedAndLeftUntouched() throws Exception {
        Path file = dir.resolve("kek.bcfks");
        LocalKeystoreKekProvider.openOrCreate(file, PASSPHRASE);
        byte[] corrupt = Files.readAllBytes(file);
        corrupt[corrupt.length / 2] ^= 0x40;
        Files.write(file, corrupt);

        assertThatThrownBy(() -> LocalKeystoreKekProvider.openOrCreate(file, PASSPHRASE))
                .isInstanceOf(KeyProviderUnavailableException.class);
        assertThat(Files.readAllBytes(file)).isEqualTo(corrupt);
    }

    @Test
    void garbageAndEmptyFilesAreRefusedAndLeftUntouched() throws Exception {
        Path garbage = dir.resolve("garbage.bcfks");
        Files.writeString(garbage, "not a keystore");
        Path empty = Files.createFile(dir.resolve("empty.bcfks"));

        assertThatThrownBy(() -> LocalKeystoreKekProvider.openOrCreate(garbage, PASSPHRASE))
                .isInstanceOf(KeyProviderUnavailableException.class);
        assertThatThrownBy(() -> LocalKeystoreKekProvider.openOrCreate(empty, PASSPHRASE))
                .isInstanceOf(KeyProviderUnavailableException.class);
        assertThat(Files.readString(garbage)).isEqualTo("not a keystore");
        assertThat(Files.size(empty)).isZero();
    }

    @Test
    void unwrapWithAnotherBindingFails() {
        LocalKeystoreKekProvider kek = LocalKeystoreKekProvider.openOrCreate(dir.resolve("kek.bcfks"), PASSPHRASE);
        WrappedKey wrapped = kek.wrap(DATA_KEY, binding);

        List<KeyBinding> others = List.of(
                new KeyBinding(SubjectId.random(), binding.category(), 1),
                new KeyBinding(binding.subject(), DataCategory.BIOMETRIC, 1),
                new KeyBinding(binding.subject(), binding.category(), 2));
        for (KeyBinding other : others) {
            assertThatThrownBy(() -> kek.unwrap(wrapped, other)).isInstanceOf(DecryptionFailedException.class);
        }
        assertThat(kek.unwrap(wrapped, binding)).isEqualTo(DATA_KEY);
    }

    @Test
    void unwrapOfAlteredWrapOrAlteredVersionFails() {
        LocalKeystoreKekProvider kek = LocalKeystoreKekProvider.openOrCreate(dir.resolve("kek.bcfks"), PASSPHRASE);
        kek.rotate();
        WrappedKey wrapped = kek.wrap(DATA_KEY, binding);
        byte[] altered = wrapped.ciphertext();
        altered[altered.length - 1] ^= 1;

        assertThatThrownBy(() -> kek.unwrap(new WrappedKey(wrapped.kekVersion(), altered), binding))
                .isInstanceOf(DecryptionFailedException.class);
        assertThatThrownBy(() -> kek.unwrap(new WrappedKey(new KekVersion(1), wrapped.ciphertext()), binding))
                .isInstanceOf(DecryptionFailedException.class);
        assertThatThrownBy(() -> kek.unwrap(new WrappedKey(new KekVersion(9), wrapped.ciphertext()), binding))
                .isInstanceOf(DecryptionFailedException.class)
                .hasMessageContaining("retired or unknown");
    }

    @Test
    void wrapsAreRandomised() {
        LocalKeystoreKekProvider kek = LocalKeystoreKekProvider.openOrCreate(dir.resolve("kek.bcfks"), PASSPHRASE);

        assertThat(kek.wrap(DATA_KEY, binding)).isNotEqualTo(kek.wrap(DATA_KEY, binding));
    }

    @Test
    void rotationAddsPrimaryVersionPersistedAcrossReopen() throws Exception {
        Path file = dir.resolve("kek.bcfks");
        LocalKeystoreKekProvider kek = LocalKeystoreKekProvider.openOrCreate(file, PASSPHRASE);
        WrappedKey old = kek.wrap(DATA_KEY, binding);

        KekVersion v2 = kek.rotate();

        assertThat(v2).isEqualTo(new KekVersion(2));
        assertThat(kek.primaryVersion()).isEqualTo(v2);
        assertThat(kek.wrap(DATA_KEY, binding).kekVersion()).isEqualTo(v2);
        assertThat(kek.unwrap(old, binding)).isEqualTo(DATA_KEY);
        WrappedKey moved = kek.rewrap(old, binding);
        assertThat(moved.kekVersion()).isEqualTo(v2);
        assertThat(kek.unwrap(moved, binding)).isEqualTo(DATA_KEY);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.list(dir)).as("no temporary file left; the previous keystore kept")
                .containsExactlyInAnyOrder(file, dir.resolve("kek.bcfks.prev"));

        LocalKeystoreKekProvider reopened = LocalKeystoreKekProvider.openOrCreate(file, PASSPHRASE);
        assertThat(reopened.activeVersions()).containsExactly(new KekVersion(1), v2);
        assertThat(reopened.unwrap(moved, binding)).isEqualTo(DATA_KEY);
    }

    @Test
    void retireRefusesPrimaryAndMakesRetiredWrapsUnreadableAfterReopen() {
        Path file = dir.resolve("kek.bcfks");
        LocalKeystoreKekProvider kek = LocalKeystoreKekProvider.openOrCreate(file, PASSPHRASE);
        WrappedKey old = kek.wrap(DATA_KEY, binding);
        KekVersion v2 = kek.rotate();

        assertThatThrownBy(() -> kek.retire(v2)).isInstanceOf(IllegalArgumentException.class);
        kek.retire(new KekVersion(1));

        assertThat(kek.activeVersions()).containsExactly(v2);
        assertThatThrownBy(() -> kek.unwrap(old, binding)).isInstanceOf(DecryptionFailedException.class);
        assertThatThrownBy(() -> kek.retire(new KekVersion(1))).isInstanceOf(IllegalArgumentException.class);
        LocalKeystoreKekProvider reopened = LocalKeystoreKekProvider.openOrCreate(file, PASSPHRASE);
        assertThat(reopened.activeVersions()).containsExactly(v2);
        assertThatThrownBy(() -> reopened.unwrap(old, binding)).isInstanceOf(DecryptionFailedException.class);
        assertThat(reopened.rotate()).isEqualTo(new KekVersion(3));
    }

    @Test
    void concurrentRotationsEachGetTheirOwnVersion() throws Exception {
        LocalKeystoreKekProvider kek = LocalKeystoreKekProvider.openOrCreate(dir.resolve("kek.bcfks"), PASSPHRASE);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<KekVersion>> tasks = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                tasks.add(kek::rotate);
            }
            List<Integer> versions = new ArrayList<>();
            for (Future<KekVersion> f : pool.invokeAll(tasks)) {
                versions.add(f.get().number());
            }
            assertThat(versions).containsExactlyInAnyOrder(2, 3, 4, 5);
            assertThat(kek.primaryVersion()).isEqualTo(new KekVersion(5));
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void derivedSecretsAreStablePerLabelAndIndependentAcrossLabels() {
        LocalKeystoreKekProvider kek = LocalKeystoreKekProvider.openOrCreate(dir.resolve("kek.bcfks"), PASSPHRASE);

        assertThat(kek.deriveSecret("pseudonym/audit")).hasSize(32).isEqualTo(kek.deriveSecret("pseudonym/audit"));
        assertThat(kek.deriveSecret("pseudonym/audit")).isNotEqualTo(kek.deriveSecret("pseudonym/statistics"));
        assertThatThrownBy(() -> kek.deriveSecret("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> kek.deriveSecret("Upper")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void derivedSecretsSurviveRotation() {
        LocalKeystoreKekProvider kek = LocalKeystoreKekProvider.openOrCreate(dir.resolve("kek.bcfks"), PASSPHRASE);
        byte[] before = kek.deriveSecret("blind-index/individual.names");

        kek.rotate();
        kek.retire(new KekVersion(1));

        assertThat(kek.deriveSecret("blind-index/individual.names")).isEqualTo(before);
    }

    @Test
    void signaturesVerifyAndFailOnAlteredMessageSignatureOrKey() {
        LocalKeystoreKekProvider kek = LocalKeystoreKekProvider.openOrCreate(dir.resolve("kek.bcfks"), PASSPHRASE);
        LocalKeystoreKekProvider other = LocalKeystoreKekProvider.openOrCreate(dir.resolve("other.bcfks"), PASSPHRASE);
        byte[] message = "sequence 42 has hash ...".getBytes(StandardCharsets.UTF_8);

        ProviderSignature signature = kek.sign(message);

        assertThat(signature.keyId()).isEqualTo(LocalKeystoreKekProvider.SIGNING_KEY_ID);
        assertThat(signature.algorithm()).isEqualTo("Ed25519");
        assertThat(signature.value()).hasSize(64);
        assertThat(kek.verify(message, signature)).isTrue();
        byte[] altered = message.clone();
        altered[0] ^= 1;
        assertThat(kek.verify(altered, signature)).isFalse();
        byte[] badValue = signature.value();
        badValue[10] ^= 1;
        assertThat(kek.verify(message, new ProviderSignature(signature.keyId(), "Ed25519", badValue))).isFalse();
        assertThat(kek.verify(message, new ProviderSignature(signature.keyId(), "Ed25519", new byte[3]))).isFalse();
        assertThat(kek.verify(message, new ProviderSignature("vault-ed25519-v1", "Ed25519", signature.value()))).isFalse();
        assertThat(other.verify(message, signature)).isFalse();
    }

    @Test
    void theExportedPublicKeyVerifiesOfflineThroughItsPem() {
        LocalKeystoreKekProvider kek = LocalKeystoreKekProvider.openOrCreate(dir.resolve("kek.bcfks"), PASSPHRASE);
        LocalKeystoreKekProvider other = LocalKeystoreKekProvider.openOrCreate(dir.resolve("other.bcfks"), PASSPHRASE);
        byte[] message = "erasure receipt".getBytes(StandardCharsets.UTF_8);
        ProviderSignature signature = kek.sign(message);

        List<SigningPublicKey> exported = kek.signingPublicKeys();

        assertThat(exported).singleElement().extracting(SigningPublicKey::keyId)
                .isEqualTo(LocalKeystoreKekProvider.SIGNING_KEY_ID);
        String pem = exported.get(0).pem();
        assertThat(pem).startsWith("-----BEGIN PUBLIC KEY-----\n").endsWith("-----END PUBLIC KEY-----\n");
        SigningPublicKey read = SigningPublicKey.fromPem("from-file", pem);
        assertThat(read.raw()).isEqualTo(exported.get(0).raw());
        assertThat(read.verify(message, signature)).isTrue();
        byte[] altered = message.clone();
        altered[0] ^= 1;
        assertThat(read.verify(altered, signature)).isFalse();
        assertThat(other.signingPublicKeys().get(0).verify(message, signature)).isFalse();
        assertThatThrownBy(() -> SigningPublicKey.fromPem("x", "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void checkAvailableFailsWhenTheFileDisappears() throws Exception {
        Path file = dir.resolve("kek.bcfks");
        LocalKeystoreKekProvider kek = LocalKeystoreKekProvider.openOrCreate(file, PASSPHRASE);

        Files.delete(file);

        assertThatThrownBy(kek::checkAvailable).isInstanceOf(KeyProviderUnavailableException.class);
    }

    @Test
    void rotationKeepsThePreviousKeystoreAsPrevOwnerOnly() throws Exception {
        Path file = dir.resolve("kek.bcfks");
        LocalKeystoreKekProvider kek = LocalKeystoreKekProvider.openOrCreate(file, PASSPHRASE);
        byte[] before = Files.readAllBytes(file);

        kek.rotate();

        Path prev = dir.resolve("kek.bcfks.prev");
        assertThat(Files.readAllBytes(prev)).isEqualTo(before);
        assertThat(Files.getPosixFilePermissions(prev)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        LocalKeystoreKekProvider previous = LocalKeystoreKekProvider.openOrCreate(prev, PASSPHRASE);
        assertThat(previous.activeVersions()).containsExactly(new KekVersion(1));
        assertThat(previous.deriveSecret("probe")).isEqualTo(kek.deriveSecret("probe"));
    }
}
