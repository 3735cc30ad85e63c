package org.safereg.keys.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safereg.keys.DataCategory;
import org.safereg.keys.DecryptionFailedException;
import org.safereg.keys.KeyBinding;
import org.safereg.keys.KeyProviderUnavailableException;
import org.safereg.keys.SubjectId;
import org.safereg.keys.WrappedKey;
import org.safereg.keys.WrappedKeyRepository.StoredKey;

/**
 * Failure handling, authentication, TLS and the data-key cache of {@link VaultTransitKekProvider}, against the
 * test double {@link TransitTestServer} only (sealing, outages and token expiry cannot be staged on a shared real
 * Vault). Keys and policy are created as documented; the provider authenticates with a least-privilege token or
 * AppRole.
 */
class VaultTransitResilienceTest {
    private static final byte[] DATA_KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final String POLICY = "safereg";

    @TempDir
    Path dir;
    private TransitTestServer server;
    private TransitAdmin admin;
    private VaultTransitKekProvider provider;
    private final KeyBinding binding = new KeyBinding(SubjectId.random(), DataCategory.BIOMETRIC, 1);

    @BeforeEach
    void startVault() {
        server = TransitTestServer.start();
        admin = new TransitAdmin(server.address(), server.rootToken(), null);
        createKeys(admin);
    }

    @AfterEach
    void stopVault() {
        if (provider != null) {
            provider.close();
        }
        server.close();
    }

    private static void createKeys(TransitAdmin admin) {
        admin.createKek(VaultTransitConfig.DEFAULT_KEK_KEY, true);
        admin.createSigningKey(VaultTransitConfig.DEFAULT_SIGNING_KEY);
        admin.createDerivationKey(VaultTransitConfig.DEFAULT_DERIVATION_KEY);
        admin.putPolicy(POLICY, TransitAdmin.policy(VaultTransitConfig.DEFAULT_KEK_KEY,
                VaultTransitConfig.DEFAULT_SIGNING_KEY, VaultTransitConfig.DEFAULT_DERIVATION_KEY));
    }

    private VaultTransitConfig tokenConfig(String token) {
        return VaultTransitConfig.of(server.address(), new VaultTransitConfig.Token(token))
                .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    private VaultTransitKekProvider connect(VaultTransitConfig config) {
        provider = VaultTransitKekProvider.connect(config);
        return provider;
    }

    private VaultTransitKekProvider connectWithToken() {
        return connect(tokenConfig(server.createToken(Duration.ofHours(1), Duration.ZERO, true, POLICY)));
    }

    /** Retries {@code action} until it stops failing closed (the provider rate-limits logins to one a second). */
    private static <T> T eventually(Supplier<T> action) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (true) {
            try {
                return action.get();
            } catch (KeyProviderUnavailableException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    @Test
    void sealedVaultFailsClosedDropsCachedKeysAndRecoversWhenUnsealed() {
        VaultTransitKekProvider kek = connectWithToken();
        WrappedKey wrapped = kek.wrap(DATA_KEY, binding);
        assertThat(kek.cachedDataKeys()).isEqualTo(1);

        server.seal();

        assertThatThrownBy(kek::checkAvailable).isInstanceOf(KeyProviderUnavailableException.class)
                .hasMessageContaining("sealed");
        assertThat(kek.cachedDataKeys()).isZero();
        assertThatThrownBy(() -> kek.unwrap(wrapped, binding)).isInstanceOf(KeyProviderUnavailableException.class);
        assertThatThrownBy(() -> kek.wrap(DATA_KEY, binding)).isInstanceOf(KeyProviderUnavailableException.class);
        assertThatThrownBy(() -> kek.sign(DATA_KEY)).isInstanceOf(KeyProviderUnavailableException.class);
        assertThatThrownBy(() -> kek.deriveSecret("x")).isInstanceOf(KeyProviderUnavailableException.class);

        server.unseal();

        kek.checkAvailable();
        assertThat(kek.unwrap(wrapped, binding)).isEqualTo(DATA_KEY);
    }

    @Test
    void serverErrorsFailClosedWithoutEchoingTheResponseAndRecover() {
        VaultTransitKekProvider kek = connectWithToken();
        WrappedKey wrapped = kek.wrap(DATA_KEY, binding);
        server.failWith(500);

        assertThatThrownBy(() -> kek.unwrapAll(List.of(new StoredKey(otherSubject(binding), wrapped))))
                .isInstanceOf(KeyProviderUnavailableException.class)
                .hasMessageContaining("HTTP 500")
                .hasMessageNotContaining("injected failure")
                .hasNoCause();

        server.clearFailure();
        assertThat(kek.unwrapAll(List.of(new StoredKey(binding, wrapped)))).singleElement()
                .satisfies(key -> assertThat(key).contains(DATA_KEY));
    }

    @Test
    void unreachableVaultFailsClosedAndRecoversWhenItListensAgain() {
        VaultTransitKekProvider kek = connectWithToken();
        WrappedKey wrapped = kek.wrap(DATA_KEY, binding);
        server.stop();

        assertThatThrownBy(() -> kek.rewrap(wrapped, binding)).isInstanceOf(KeyProviderUnavailableException.class)
                .hasMessageContaining("unreachable");
        assertThatThrownBy(kek::checkAvailable).isInstanceOf(KeyProviderUnavailableException.class);

        server.restart();

        kek.checkAvailable();
        assertThat(kek.unwrap(kek.rewrap(wrapped, binding), binding)).isEqualTo(DATA_KEY);
    }

    @Test
    void connectingWhileVaultIsDownSucceedsAndTheProviderServesOnceVaultIsUp() throws Exception {
        server.stop();
        VaultTransitKekProvider kek = connectWithToken();

        assertThatThrownBy(() -> kek.wrap(DATA_KEY, binding)).isInstanceOf(KeyProviderUnavailableException.class);

        server.restart();

        WrappedKey wrapped = eventually(() -> kek.wrap(DATA_KEY, binding));
        assertThat(kek.unwrap(wrapped, binding)).isEqualTo(DATA_KEY);
    }

    @Test
    void misconfiguredKeysAreRejectedAtConnect() {
        String token = server.createToken(Duration.ofHours(1), Duration.ZERO, true, POLICY);

        // A key outside the token's policy cannot even be looked at: the provider starts and fails closed.
        VaultTransitKekProvider outsidePolicy = connect(tokenConfig(token).withKeyNames("missing-kek",
                VaultTransitConfig.DEFAULT_SIGNING_KEY, VaultTransitConfig.DEFAULT_DERIVATION_KEY));
        assertThatThrownBy(outsidePolicy::checkAvailable)
                .isInstanceOf(KeyProviderUnavailableException.class).hasMessageContaining("HTTP 403");
        outsidePolicy.close();
        assertThatThrownBy(() -> connect(tokenConfig(server.rootToken()).withKeyNames("missing-kek",
                VaultTransitConfig.DEFAULT_SIGNING_KEY, VaultTransitConfig.DEFAULT_DERIVATION_KEY)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not found");
        assertThatThrownBy(() -> connect(tokenConfig(server.rootToken()).withKeyNames(VaultTransitConfig.DEFAULT_SIGNING_KEY,
                VaultTransitConfig.DEFAULT_KEK_KEY, VaultTransitConfig.DEFAULT_DERIVATION_KEY)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("AEAD");
    }

    @Test
    void aTokenLackingACapabilityFailsClosed() {
        admin.putPolicy("read-only", "path \"transit/keys/*\" { capabilities = [\"read\"] }");
        VaultTransitKekProvider kek = connect(tokenConfig(server.createToken(Duration.ofHours(1), Duration.ZERO, true, "read-only")));

        kek.checkAvailable();
        assertThatThrownBy(() -> kek.wrap(DATA_KEY, binding)).isInstanceOf(KeyProviderUnavailableException.class)
                .hasMessageContaining("HTTP 403");
    }

    @Test
    void aRevokedTokenFailsClosed() {
        VaultTransitKekProvider kek = connectWithToken();
        kek.checkAvailable();

        server.revokeAllTokens();

        assertThatThrownBy(() -> kek.wrap(DATA_KEY, binding)).isInstanceOf(KeyProviderUnavailableException.class)
                .hasMessageContaining("HTTP 403");
    }

    @Test
    void aRenewableTokenIsRenewedBeforeItExpires() throws Exception {
        VaultTransitKekProvider kek = connect(tokenConfig(server.createToken(Duration.ofSeconds(2), Duration.ofMinutes(5), true, POLICY)));
        kek.checkAvailable();

        Thread.sleep(3_200);

        assertThat(server.count("POST auth/token/renew-self")).isGreaterThanOrEqualTo(2);
        assertThat(kek.unwrap(kek.wrap(DATA_KEY, binding), binding)).isEqualTo(DATA_KEY);
    }

    @Test
    void appRoleLogsInAgainWhenItsTokenReachesItsMaximumLifetime() throws Exception {
        TransitTestServer.AppRoleCredentials role = server.createAppRole(Duration.ofSeconds(2), Duration.ofSeconds(3), POLICY);
        VaultTransitKekProvider kek = connect(VaultTransitConfig.of(server.address(),
                new VaultTransitConfig.AppRole("approle", role.roleId(), role.secretId(), false)));
        WrappedKey wrapped = kek.wrap(DATA_KEY, binding);

        Thread.sleep(4_500);

        assertThat(server.count("POST auth/approle/login")).isGreaterThanOrEqualTo(2);
        assertThat(server.count("POST auth/token/renew-self")).isGreaterThanOrEqualTo(1);
        assertThat(kek.rewrap(wrapped, binding).kekVersion().number()).isEqualTo(1);
    }

    @Test
    void appRoleLogsInAgainWhenVaultRejectsItsToken() {
        TransitTestServer.AppRoleCredentials role = server.createAppRole(Duration.ofHours(1), Duration.ofHours(2), POLICY);
        VaultTransitKekProvider kek = connect(VaultTransitConfig.of(server.address(),
                new VaultTransitConfig.AppRole("approle", role.roleId(), role.secretId(), false)));
        WrappedKey wrapped = kek.wrap(DATA_KEY, binding);

        server.revokeAllTokens();

        assertThat(kek.unwrap(kek.rewrap(wrapped, binding), binding)).isEqualTo(DATA_KEY);
        assertThat(server.count("POST auth/approle/login")).isEqualTo(2);
    }

    @Test
    void aResponseWrappedSecretIdIsUnwrappedOnceAndKeptForReLogins() {
        TransitTestServer.AppRoleCredentials role = server.createAppRole(Duration.ofHours(1), Duration.ofHours(2), POLICY);
        String wrappingToken = server.wrappedSecretId(role.roleId());
        VaultTransitConfig.AppRole auth = new VaultTransitConfig.AppRole("approle", role.roleId(), wrappingToken, true);
        VaultTransitKekProvider kek = connect(VaultTransitConfig.of(server.address(), auth));
        kek.checkAvailable();

        server.revokeAllTokens();

        kek.checkAvailable();
        assertThat(server.count("POST sys/wrapping/unwrap")).isEqualTo(1);
        assertThat(server.count("POST auth/approle/login")).isEqualTo(2);
        try (VaultTransitKekProvider second = VaultTransitKekProvider.connect(VaultTransitConfig.of(server.address(), auth))) {
            assertThatThrownBy(second::checkAvailable).isInstanceOf(KeyProviderUnavailableException.class)
                    .hasMessageContaining("response-wrapping token");
        }
    }

    @Test
    void invalidAppRoleCredentialsFailClosed() {
        TransitTestServer.AppRoleCredentials role = server.createAppRole(Duration.ofHours(1), Duration.ofHours(2), POLICY);
        VaultTransitKekProvider kek = connect(VaultTransitConfig.of(server.address(),
                new VaultTransitConfig.AppRole("approle", role.roleId(), "not-the-secret", false)));

        assertThatThrownBy(kek::checkAvailable).isInstanceOf(KeyProviderUnavailableException.class)
                .hasMessageContaining("refused the AppRole login");
    }

    @Test
    void tlsIsVerifiedAgainstTheConfiguredCa() {
        try (TransitTestServer tls = TransitTestServer.startTls(dir)) {
            createKeys(new TransitAdmin(tls.address(), tls.rootToken(), tls.caCertificate()));
            VaultTransitConfig config = VaultTransitConfig.of(tls.address(), new VaultTransitConfig.Token(
                    tls.createToken(Duration.ofHours(1), Duration.ZERO, true, POLICY)));

            try (VaultTransitKekProvider trusting = VaultTransitKekProvider.connect(config.withCaCertificate(tls.caCertificate()))) {
                assertThat(trusting.unwrap(trusting.wrap(DATA_KEY, binding), binding)).isEqualTo(DATA_KEY);
            }
            try (VaultTransitKekProvider untrusting = VaultTransitKekProvider.connect(config)) {
                assertThatThrownBy(untrusting::checkAvailable).isInstanceOf(KeyProviderUnavailableException.class)
                        .hasMessageContaining("unreachable");
            }
        }
    }

    @Test
    void theDataKeyCacheServesRepeatedUnwrapsUntilItsEntriesExpire() throws Exception {
        VaultTransitKekProvider kek = connect(tokenConfig(server.createToken(Duration.ofHours(1), Duration.ZERO, true, POLICY))
                .withDataKeyCache(100, Duration.ofMillis(300)));
        WrappedKey wrapped = kek.wrap(DATA_KEY, binding);
        String decrypt = "POST transit/decrypt/" + VaultTransitConfig.DEFAULT_KEK_KEY;

        assertThat(kek.unwrap(wrapped, binding)).isEqualTo(DATA_KEY);
        assertThat(kek.unwrap(wrapped, binding)).isEqualTo(DATA_KEY);
        assertThat(server.count(decrypt)).isZero();
        assertThatThrownBy(() -> kek.unwrap(wrapped, otherSubject(binding))).isInstanceOf(DecryptionFailedException.class);
        assertThat(server.count(decrypt)).isEqualTo(1);

        Thread.sleep(400);

        assertThat(kek.unwrap(wrapped, binding)).isEqualTo(DATA_KEY);
        assertThat(server.count(decrypt)).isEqualTo(2);
    }

    @Test
    void withTheCacheDisabledEveryUnwrapAsksVault() {
        VaultTransitKekProvider kek = connect(tokenConfig(server.createToken(Duration.ofHours(1), Duration.ZERO, true, POLICY))
                .withDataKeyCache(0, Duration.ofSeconds(30)));
        WrappedKey wrapped = kek.wrap(DATA_KEY, binding);

        kek.unwrap(wrapped, binding);
        kek.unwrap(wrapped, binding);

        assertThat(server.count("POST transit/decrypt/" + VaultTransitConfig.DEFAULT_KEK_KEY)).isEqualTo(2);
        assertThat(kek.cachedDataKeys()).isZero();
    }

    @Test
    void transitPathsAreNeverRewrittenForKvVersion2() {
        VaultTransitKekProvider kek = connectWithToken();
        kek.unwrapAll(List.of(new StoredKey(binding, kek.wrap(DATA_KEY, binding))));
        kek.sign(DATA_KEY);

        assertThat(server.requests()).isNotEmpty().noneMatch(request -> request.contains("/data/"));
    }

    /** Another subject's binding, same category and scheme. */
    private static KeyBinding otherSubject(KeyBinding binding) {
        return new KeyBinding(SubjectId.random(), binding.category(), binding.keyScheme());
    }
}
