package org.safereg.keys.vault;

import java.time.Duration;
import java.util.UUID;

/**
 * TEST SUPPORT: one set of SafeReg's Transit keys on a {@link TransitTestServer} (the test double of Vault),
 * provisioned as docs/operations/vault.md describes (a derived {@code aes256-gcm96} KEK, an {@code ed25519}
 * signing key, a derivation key, the least-privilege policy) under names unique to this instance, so tests
 * sharing one server stay independent. Operator actions (rotate the KEK, raise its
 * {@code min_decryption_version}) go through the real driver with the root token, as an operator's would.
 * Thread-safe.
 */
public final class TransitTestKeys {
    private static TransitTestServer shared;

    private final TransitTestServer server;
    private final TransitAdmin admin;
    private final String kek;
    private final String signing;
    private final String derivation;
    private final String policy;

    private TransitTestKeys(TransitTestServer server) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        this.server = server;
        this.admin = new TransitAdmin(server.address(), server.rootToken(), server.caCertificate());
        this.kek = "safereg-kek-" + suffix;
        this.signing = "safereg-signing-" + suffix;
        this.derivation = "safereg-derive-" + suffix;
        this.policy = "safereg-" + suffix;
        admin.createKek(kek, true);
        admin.createSigningKey(signing);
        admin.createDerivationKey(derivation);
        admin.putPolicy(policy, TransitAdmin.policy(kek, signing, derivation));
    }

    /** Creates a fresh set of keys and its policy on {@code server}. */
    public static TransitTestKeys provision(TransitTestServer server) {
        return new TransitTestKeys(server);
    }

    /** A plain-HTTP test double shared by the whole JVM (started on first use, stopped at JVM exit). */
    public static synchronized TransitTestServer sharedServer() {
        if (shared == null) {
            TransitTestServer server = TransitTestServer.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "transit-test-server-stop"));
            shared = server;
        }
        return shared;
    }

    public String kekKeyName() {
        return kek;
    }

    /** The policy's name: tokens and AppRoles of the application carry it. */
    public String policyName() {
        return policy;
    }

    /**
     * Provider settings for these keys with a fresh application token (the least-privilege policy, 1 h,
     * renewable), trusting the server's certificate when it runs TLS; defaults otherwise.
     */
    public VaultTransitConfig config() {
        String token = server.createToken(Duration.ofHours(1), Duration.ZERO, true, policy);
        VaultTransitConfig config = VaultTransitConfig.of(server.address(), new VaultTransitConfig.Token(token))
                .withKeyNames(kek, signing, derivation);
        return server.caCertificate() == null ? config : config.withCaCertificate(server.caCertificate());
    }

    /** A provider on {@link #config()}; the caller closes it. */
    public VaultTransitKekProvider connect() {
        return VaultTransitKekProvider.connect(config());
    }

    /** The operator's KEK rotation ({@code vault write -f transit/keys/<kek>/rotate}). */
    public void rotateKek() {
        admin.rotate(kek);
    }

    /** The operator's retirement of KEK versions below {@code version} (raises {@code min_decryption_version}). */
    public void setMinDecryptionVersion(int version) {
        admin.setMinDecryptionVersion(kek, version);
    }
}
