package org.safereg.keys.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.safereg.keys.DataCategory;
import org.safereg.keys.DecryptionFailedException;
import org.safereg.keys.KekVersion;
import org.safereg.keys.KeyBinding;
import org.safereg.keys.ProviderSignature;
import org.safereg.keys.SigningPublicKey;
import org.safereg.keys.SubjectId;
import org.safereg.keys.WrappedKey;
import org.safereg.keys.WrappedKeyRepository.StoredKey;

/**
 * Behaviour of {@link VaultTransitKekProvider} that must hold against any Vault: the test double
 * ({@link TransitTestServer}) and, when one is available, a real Vault (subclasses pick the target). Every test
 * creates its own keys, a policy with the documented least-privilege text and a token for it, and drives the real
 * vault-java-driver over HTTP. Each test runs for a derived KEK (binding as key-derivation context) and a
 * non-derived one (binding as associated_data).
 */
abstract class TransitContractTest {
    private static final byte[] DATA_KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    /** Where the Vault under test is, and an administrator token for the operator's side. */
    record Target(URI address, String adminToken, Path caCertificate) {
    }

    enum KekKind {
        DERIVED, NOT_DERIVED
    }

    protected abstract Target target();

    /** Fresh keys, a least-privilege token and a provider (data-key cache off, so every call reaches Vault). */
    final class Env implements AutoCloseable {
        final String suffix = UUID.randomUUID().toString().substring(0, 8);
        final String kek = "test-kek-" + suffix;
        final String signing = "test-signing-" + suffix;
        final String derive = "test-derive-" + suffix;
        final String policy = "safereg-test-" + suffix;
        final TransitAdmin admin;
        final String token;
        final List<VaultTransitKekProvider> providers = new ArrayList<>();
        final VaultTransitKekProvider provider;

        Env(KekKind kind) {
            Target target = target();
            admin = new TransitAdmin(target.address(), target.adminToken(), target.caCertificate());
            admin.createKek(kek, kind == KekKind.DERIVED);
            admin.createSigningKey(signing);
            admin.createDerivationKey(derive);
            admin.putPolicy(policy, TransitAdmin.policy(kek, signing, derive));
            token = admin.createToken(List.of(policy), "1h");
            provider = newProvider();
        }

        VaultTransitKekProvider newProvider() {
            Target target = target();
            VaultTransitConfig config = VaultTransitConfig.of(target.address(), new VaultTransitConfig.Token(token))
                    .withKeyNames(kek, signing, derive)
                    .withDataKeyCache(0, VaultTransitConfig.DEFAULT_CACHE_TTL);
            if (target.caCertificate() != null) {
                config = config.withCaCertificate(target.caCertificate());
            }
            VaultTransitKekProvider created = VaultTransitKekProvider.connect(config);
            providers.add(created);
            return created;
        }

        @Override
        public void close() {
            providers.forEach(VaultTransitKekProvider::close);
            admin.cleanUp(policy, kek, signing, derive);
        }
    }

    private static KeyBinding binding() {
        return new KeyBinding(SubjectId.random(), DataCategory.DEMOGRAPHIC, 1);
    }

    private static String text(WrappedKey wrapped) {
        return new String(wrapped.ciphertext(), StandardCharsets.US_ASCII);
    }

    @ParameterizedTest
    @EnumSource(KekKind.class)
    void bindingModeFollowsTheDerivedFlagOfTheKek(KekKind kind) {
        try (Env env = new Env(kind)) {
            assertThat(env.provider.bindingMode()).isEqualTo(kind == KekKind.DERIVED
                    ? VaultTransitKekProvider.BindingMode.DERIVED_CONTEXT : VaultTransitKekProvider.BindingMode.ASSOCIATED_DATA);
            env.provider.checkAvailable();
        }
    }

    @ParameterizedTest
    @EnumSource(KekKind.class)
    void wrapsUnderTheLatestVersionAsAVaultCiphertextAndUnwraps(KekKind kind) {
        try (Env env = new Env(kind)) {
            KeyBinding binding = binding();

            WrappedKey wrapped = env.provider.wrap(DATA_KEY, binding);

            assertThat(wrapped.kekVersion()).isEqualTo(new KekVersion(1));
            assertThat(text(wrapped)).startsWith("vault:v1:").doesNotContain("0123456789abcdef");
            assertThat(env.provider.unwrap(wrapped, binding)).isEqualTo(DATA_KEY);
            assertThat(env.newProvider().unwrap(wrapped, binding)).isEqualTo(DATA_KEY);
            assertThat(env.provider.wrap(DATA_KEY, binding)).isNotEqualTo(wrapped);
            assertThat(env.provider.primaryVersion()).isEqualTo(new KekVersion(1));
            assertThat(env.provider.activeVersions()).containsExactly(new KekVersion(1));
        }
    }

    @ParameterizedTest
    @EnumSource(KekKind.class)
    void aWrappedKeyDoesNotUnwrapUnderAnotherBinding(KekKind kind) {
        try (Env env = new Env(kind)) {
            KeyBinding binding = binding();
            WrappedKey wrapped = env.provider.wrap(DATA_KEY, binding);

            for (KeyBinding other : List.of(
                    new KeyBinding(SubjectId.random(), binding.category(), 1),
                    new KeyBinding(binding.subject(), DataCategory.BIOMETRIC, 1),
                    new KeyBinding(binding.subject(), binding.category(), 2))) {
                assertThatThrownBy(() -> env.provider.unwrap(wrapped, other))
                        .isInstanceOf(DecryptionFailedException.class)
                        .hasMessageContaining("does not authenticate");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(KekKind.class)
    void alteredCiphertextsAndMismatchedVersionsAreRefused(KekKind kind) {
        try (Env env = new Env(kind)) {
            KeyBinding binding = binding();
            String ciphertext = text(env.provider.wrap(DATA_KEY, binding));
            char[] chars = ciphertext.toCharArray();
            int i = chars.length - 5;
            chars[i] = chars[i] == 'A' ? 'B' : 'A';
            WrappedKey altered = new WrappedKey(new KekVersion(1), new String(chars).getBytes(StandardCharsets.US_ASCII));
            WrappedKey otherVersion = new WrappedKey(new KekVersion(2), ciphertext.getBytes(StandardCharsets.US_ASCII));
            WrappedKey notTransit = new WrappedKey(new KekVersion(1), new byte[] {1, 2, 3});

            assertThatThrownBy(() -> env.provider.unwrap(altered, binding)).isInstanceOf(DecryptionFailedException.class);
            assertThatThrownBy(() -> env.provider.unwrap(otherVersion, binding)).isInstanceOf(DecryptionFailedException.class);
            assertThatThrownBy(() -> env.provider.unwrap(notTransit, binding)).isInstanceOf(DecryptionFailedException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(KekKind.class)
    void rewrapMovesAKeyToTheVersionAnOperatorRotatedTo(KekKind kind) {
        try (Env env = new Env(kind)) {
            KeyBinding binding = binding();
            WrappedKey v1 = env.provider.wrap(DATA_KEY, binding);

            env.admin.rotate(env.kek);

            assertThat(env.provider.primaryVersion()).isEqualTo(new KekVersion(2));
            assertThat(env.provider.activeVersions()).containsExactly(new KekVersion(1), new KekVersion(2));
            assertThat(env.provider.unwrap(v1, binding)).isEqualTo(DATA_KEY);
            WrappedKey v2 = env.provider.rewrap(v1, binding);
            assertThat(v2.kekVersion()).isEqualTo(new KekVersion(2));
            assertThat(text(v2)).startsWith("vault:v2:");
            assertThat(env.provider.unwrap(v2, binding)).isEqualTo(DATA_KEY);
            assertThat(env.provider.wrap(DATA_KEY, binding).kekVersion()).isEqualTo(new KekVersion(2));
            assertThatThrownBy(() -> env.provider.rewrap(v1, binding()))
                    .isInstanceOf(DecryptionFailedException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(KekKind.class)
    void versionsBelowMinDecryptionVersionAreRetired(KekKind kind) {
        try (Env env = new Env(kind)) {
            KeyBinding binding = binding();
            WrappedKey v1 = env.provider.wrap(DATA_KEY, binding);
            env.admin.rotate(env.kek);
            WrappedKey v2 = env.provider.rewrap(v1, binding);

            env.admin.setMinDecryptionVersion(env.kek, 2);

            assertThat(env.provider.activeVersions()).containsExactly(new KekVersion(2));
            assertThatThrownBy(() -> env.provider.unwrap(v1, binding))
                    .isInstanceOf(DecryptionFailedException.class)
                    .hasMessageContaining("retired");
            assertThatThrownBy(() -> env.provider.rewrap(v1, binding)).isInstanceOf(DecryptionFailedException.class);
            assertThat(env.provider.unwrap(v2, binding)).isEqualTo(DATA_KEY);
        }
    }

    @ParameterizedTest
    @EnumSource(KekKind.class)
    void batchUnwrapAnswersEveryItemAndMarksOnlyTheBadOnes(KekKind kind) {
        try (Env env = new Env(kind)) {
            int count = VaultTransitKekProvider.BATCH_CHUNK + 10;
            List<StoredKey> keys = new ArrayList<>();
            List<byte[]> dataKeys = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                byte[] dataKey = UUID.randomUUID().toString().substring(0, 32).getBytes(StandardCharsets.US_ASCII);
                KeyBinding binding = binding();
                keys.add(new StoredKey(binding, env.provider.wrap(dataKey, binding)));
                dataKeys.add(dataKey);
            }
            keys.set(3, new StoredKey(binding(), keys.get(3).wrapped()));
            keys.set(count - 1, new StoredKey(keys.get(count - 1).binding(), new WrappedKey(new KekVersion(1), new byte[] {9})));

            List<Optional<byte[]>> results = env.provider.unwrapAll(keys);

            assertThat(results).hasSize(count);
            for (int i = 0; i < count; i++) {
                if (i == 3 || i == count - 1) {
                    assertThat(results.get(i)).as("item %d", i).isEmpty();
                } else {
                    assertThat(results.get(i)).as("item %d", i).contains(dataKeys.get(i));
                }
            }
            assertThat(env.provider.unwrapAll(List.of())).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(KekKind.class)
    void batchRewrapMovesTheGoodKeysAndMarksTheBadOnes(KekKind kind) {
        try (Env env = new Env(kind)) {
            List<StoredKey> keys = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                KeyBinding binding = binding();
                keys.add(new StoredKey(binding, env.provider.wrap(DATA_KEY, binding)));
            }
            keys.set(2, new StoredKey(binding(), keys.get(2).wrapped()));
            env.admin.rotate(env.kek);

            List<Optional<WrappedKey>> moved = env.provider.rewrapAll(keys);

            assertThat(moved.get(2)).isEmpty();
            for (int i : new int[] {0, 1, 3, 4}) {
                WrappedKey rewrapped = moved.get(i).orElseThrow();
                assertThat(rewrapped.kekVersion()).isEqualTo(new KekVersion(2));
                assertThat(env.provider.unwrap(rewrapped, keys.get(i).binding())).isEqualTo(DATA_KEY);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(KekKind.class)
    void signsInVaultAndVerifiesOfflineAcrossSigningKeyVersions(KekKind kind) {
        try (Env env = new Env(kind)) {
            byte[] checkpoint = "audit checkpoint 42 head=ab12".getBytes(StandardCharsets.UTF_8);

            ProviderSignature v1 = env.provider.sign(checkpoint);

            assertThat(v1.keyId()).isEqualTo("vault:" + env.signing + ":v1");
            assertThat(v1.algorithm()).isEqualTo("Ed25519");
            assertThat(v1.value()).hasSize(64);
            assertThat(env.provider.verify(checkpoint, v1)).isTrue();
            assertThat(env.provider.verify("audit checkpoint 43".getBytes(StandardCharsets.UTF_8), v1)).isFalse();
            byte[] flipped = v1.value();
            flipped[10] ^= 1;
            assertThat(env.provider.verify(checkpoint, new ProviderSignature(v1.keyId(), v1.algorithm(), flipped))).isFalse();
            assertThat(env.provider.verify(checkpoint, new ProviderSignature("local-ed25519-v1", "Ed25519", v1.value()))).isFalse();
            assertThat(env.provider.verify(checkpoint, new ProviderSignature("vault:" + env.signing + ":v9", "Ed25519", v1.value())))
                    .isFalse();

            env.admin.rotate(env.signing);
            ProviderSignature v2 = env.provider.sign(checkpoint);

            assertThat(v2.keyId()).endsWith(":v2");
            assertThat(env.provider.verify(checkpoint, v2)).isTrue();
            assertThat(env.provider.verify(checkpoint, v1)).isTrue();
            assertThat(env.newProvider().verify(checkpoint, v2)).isTrue();
            List<SigningPublicKey> exported = env.provider.signingPublicKeys();
            assertThat(exported).extracting(SigningPublicKey::keyId).containsExactly(v1.keyId(), v2.keyId());
            assertThat(SigningPublicKey.fromPem("v1", exported.get(0).pem()).verify(checkpoint, v1)).isTrue();
            assertThat(exported.get(1).verify(checkpoint, v2)).isTrue();
            assertThat(exported.get(1).verify(checkpoint, v1)).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(KekKind.class)
    void derivedSecretsAreStableIndependentAndSurviveRotationOfTheDerivationKey(KekKind kind) {
        try (Env env = new Env(kind)) {
            byte[] documentNumber = env.provider.deriveSecret("blind-index/individual.document_number");

            assertThat(documentNumber).hasSize(32);
            assertThat(env.newProvider().deriveSecret("blind-index/individual.document_number")).isEqualTo(documentNumber);
            assertThat(env.provider.deriveSecret("pseudonym/stats")).hasSize(32).isNotEqualTo(documentNumber);
            env.admin.rotate(env.derive);
            assertThat(env.provider.deriveSecret("blind-index/individual.document_number")).isEqualTo(documentNumber);
            assertThatThrownBy(() -> env.provider.deriveSecret("Upper Case")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(KekKind.class)
    void rotationAndRetirementAreOperatorActions(KekKind kind) {
        try (Env env = new Env(kind)) {
            assertThatThrownBy(env.provider::rotate).isInstanceOf(UnsupportedOperationException.class)
                    .hasMessageContaining("rotate");
            assertThatThrownBy(() -> env.provider.retire(new KekVersion(1))).isInstanceOf(UnsupportedOperationException.class)
                    .hasMessageContaining("min_decryption_version");
        }
    }

    @ParameterizedTest
    @EnumSource(KekKind.class)
    void theDocumentedPolicyGrantsNoKeyManagement(KekKind kind) {
        try (Env env = new Env(kind)) {
            String mount = TransitAdmin.MOUNT;
            assertThat(env.admin.statusWith(env.token, "POST", mount + "/keys/" + env.kek + "/rotate")).isEqualTo(403);
            assertThat(env.admin.statusWith(env.token, "POST", mount + "/keys/" + env.kek + "/config")).isEqualTo(403);
            assertThat(env.admin.statusWith(env.token, "DELETE", mount + "/keys/" + env.kek)).isEqualTo(403);
            assertThat(env.admin.statusWith(env.token, "GET", mount + "/export/encryption-key/" + env.kek)).isEqualTo(403);
            assertThat(env.admin.statusWith(env.token, "POST", mount + "/encrypt/" + env.signing)).isEqualTo(403);
            assertThat(env.admin.statusWith(env.token, "POST", mount + "/keys/another-key")).isEqualTo(403);
            // Keys created as documented cannot be deleted even by an administrator until deletion is allowed.
            assertThat(env.admin.statusWith(target().adminToken(), "DELETE", mount + "/keys/" + env.kek)).isEqualTo(400);
        }
    }
}
