package org.safereg.keys.vault;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Immutable settings of {@link VaultTransitKekProvider}. Start from {@link #of(URI, Auth)} (documented defaults)
 * and adjust with the {@code with...} methods, or call the canonical constructor from a configuration binder.
 * Secrets ({@link Token#token()}, {@link AppRole#secretId()}) never appear in {@link #toString()}.
 *
 * @param address Vault's base address, {@code https://vault.example.org:8200} ({@code http} only for tests)
 * @param transitMount path the Transit engine is mounted at, without slashes ({@code transit})
 * @param kekKeyName Transit key wrapping data keys: type {@code aes256-gcm96}, preferably {@code derived=true}
 * @param signingKeyName Transit key signing audit checkpoints and receipts: type {@code ed25519}
 * @param derivationKeyName Transit key whose HMAC (pinned to version 1) derives blind-index and pseudonym secrets
 * @param auth how the provider logs in: a {@link Token} or an {@link AppRole}
 * @param caCertificate PEM file of the CA(s) trusted for Vault's TLS certificate; {@code null} for the JDK's
 *     default trust store
 * @param connectTimeout TCP/TLS connection timeout
 * @param readTimeout time to wait for a response (rounded up to whole seconds by the driver)
 * @param dataKeyCacheSize unwrapped data keys kept in memory at most; 0 disables the cache
 * @param dataKeyCacheTtl how long an unwrapped data key stays cached after it was fetched
 */
public record VaultTransitConfig(
        URI address,
        String transitMount,
        String kekKeyName,
        String signingKeyName,
        String derivationKeyName,
        Auth auth,
        Path caCertificate,
        Duration connectTimeout,
        Duration readTimeout,
        int dataKeyCacheSize,
        Duration dataKeyCacheTtl) {

    /** Default Transit mount. */
    public static final String DEFAULT_MOUNT = "transit";
    /** Default name of the key-encryption key. */
    public static final String DEFAULT_KEK_KEY = "safereg-kek";
    /** Default name of the signing key. */
    public static final String DEFAULT_SIGNING_KEY = "safereg-signing";
    /** Default name of the derivation (HMAC) key. */
    public static final String DEFAULT_DERIVATION_KEY = "safereg-derive";
    /** Default connection timeout. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(3);
    /** Default response timeout. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(10);
    /** Default bound of the data-key cache. */
    public static final int DEFAULT_CACHE_SIZE = 10_000;
    /** Default lifetime of a cached data key. */
    public static final Duration DEFAULT_CACHE_TTL = Duration.ofSeconds(30);

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}");
    private static final Pattern MOUNT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_./-]{0,127}");

    /** How the provider authenticates to Vault. */
    public sealed interface Auth permits Token, AppRole {
    }

    /**
     * A Vault token given by the operator (for example by Vault Agent). Renewed before expiry when renewable;
     * when it can no longer be renewed the provider fails closed until it is replaced.
     */
    public record Token(String token) implements Auth {
        public Token {
            requireText(token, "token");
        }

        @Override
        public String toString() {
            return "Token[***]";
        }
    }

    /**
     * AppRole login: {@code role_id} plus {@code secret_id}. With {@code secretIdWrapped} the second value is a
     * response-wrapping token that is unwrapped once (sys/wrapping/unwrap) to obtain the secret_id, which is
     * then kept in memory for re-logins. The provider logs in again whenever its token cannot be renewed.
     *
     * @param mountPath path the AppRole auth method is mounted at ({@code approle})
     */
    public record AppRole(String mountPath, String roleId, String secretId, boolean secretIdWrapped) implements Auth {
        public AppRole {
            requireText(mountPath, "mountPath");
            if (!MOUNT.matcher(mountPath).matches()) {
                throw new IllegalArgumentException("AppRole mount path must be [A-Za-z0-9_./-], without leading slash");
            }
            requireText(roleId, "roleId");
            requireText(secretId, "secretId");
        }

        @Override
        public String toString() {
            return "AppRole[mountPath=" + mountPath + ", roleId=***, secretId=***, secretIdWrapped=" + secretIdWrapped + "]";
        }
    }

    public VaultTransitConfig {
        Objects.requireNonNull(address, "address");
        if (!"https".equals(address.getScheme()) && !"http".equals(address.getScheme()) || address.getHost() == null) {
            throw new IllegalArgumentException("Vault address must be an http(s) URL with a host");
        }
        if (address.getRawQuery() != null || address.getRawFragment() != null
                || address.getRawPath() != null && !address.getRawPath().isEmpty() && !"/".equals(address.getRawPath())) {
            throw new IllegalArgumentException("Vault address must not have a path, query or fragment");
        }
        requireText(transitMount, "transitMount");
        if (!MOUNT.matcher(transitMount).matches() || transitMount.endsWith("/")) {
            throw new IllegalArgumentException("transit mount must be [A-Za-z0-9_./-], without leading or trailing slash");
        }
        for (String name : new String[] {kekKeyName, signingKeyName, derivationKeyName}) {
            requireText(name, "key name");
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("Transit key names must be [A-Za-z0-9_.-]");
            }
        }
        if (kekKeyName.equals(signingKeyName) || kekKeyName.equals(derivationKeyName)
                || signingKeyName.equals(derivationKeyName)) {
            throw new IllegalArgumentException("the KEK, signing and derivation keys must be three different Transit keys");
        }
        Objects.requireNonNull(auth, "auth");
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(readTimeout, "readTimeout");
        if (dataKeyCacheSize < 0) {
            throw new IllegalArgumentException("dataKeyCacheSize must not be negative");
        }
        Objects.requireNonNull(dataKeyCacheTtl, "dataKeyCacheTtl");
        if (dataKeyCacheTtl.isNegative()) {
            throw new IllegalArgumentException("dataKeyCacheTtl must not be negative");
        }
    }

    /**
     * Settings with the defaults: mount {@value #DEFAULT_MOUNT}, keys {@value #DEFAULT_KEK_KEY},
     * {@value #DEFAULT_SIGNING_KEY} and {@value #DEFAULT_DERIVATION_KEY}, the JDK trust store, timeouts 3 s and
     * 10 s, a cache of 10,000 data keys for 30 s.
     */
    public static VaultTransitConfig of(URI address, Auth auth) {
        return new VaultTransitConfig(address, DEFAULT_MOUNT, DEFAULT_KEK_KEY, DEFAULT_SIGNING_KEY,
                DEFAULT_DERIVATION_KEY, auth, null, DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT,
                DEFAULT_CACHE_SIZE, DEFAULT_CACHE_TTL);
    }

    /** The same settings with another Transit mount path. */
    public VaultTransitConfig withTransitMount(String mount) {
        return new VaultTransitConfig(address, mount, kekKeyName, signingKeyName, derivationKeyName, auth,
                caCertificate, connectTimeout, readTimeout, dataKeyCacheSize, dataKeyCacheTtl);
    }

    /** The same settings with other Transit key names. */
    public VaultTransitConfig withKeyNames(String kek, String signing, String derivation) {
        return new VaultTransitConfig(address, transitMount, kek, signing, derivation, auth,
                caCertificate, connectTimeout, readTimeout, dataKeyCacheSize, dataKeyCacheTtl);
    }

    /** The same settings trusting the CA certificate(s) in {@code pemFile} for Vault's TLS certificate. */
    public VaultTransitConfig withCaCertificate(Path pemFile) {
        return new VaultTransitConfig(address, transitMount, kekKeyName, signingKeyName, derivationKeyName, auth,
                Objects.requireNonNull(pemFile, "pemFile"), connectTimeout, readTimeout, dataKeyCacheSize, dataKeyCacheTtl);
    }

    /** The same settings with other timeouts. */
    public VaultTransitConfig withTimeouts(Duration connect, Duration read) {
        return new VaultTransitConfig(address, transitMount, kekKeyName, signingKeyName, derivationKeyName, auth,
                caCertificate, connect, read, dataKeyCacheSize, dataKeyCacheTtl);
    }

    /** The same settings with another data-key cache bound and lifetime (size 0 disables the cache). */
    public VaultTransitConfig withDataKeyCache(int size, Duration ttl) {
        return new VaultTransitConfig(address, transitMount, kekKeyName, signingKeyName, derivationKeyName, auth,
                caCertificate, connectTimeout, readTimeout, size, ttl);
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
    }

    private static void requirePositive(Duration value, String what) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(what + " must be positive");
        }
    }
}
