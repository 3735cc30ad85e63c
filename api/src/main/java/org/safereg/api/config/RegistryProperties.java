package org.safereg.api.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.safereg.keys.vault.VaultTransitConfig;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Everything an operator configures, under the prefix {@code registry}. {@code application.yml} maps each
 * property from its environment variable ({@code REGISTRY_DATA_DIR}, {@code REGISTRY_DB_URL}, ...; the
 * README has the table). Bound and validated once at start-up: an invalid value stops the server with a
 * message naming the property. Immutable.
 *
 * @param dataDir where the embedded default keeps its state (database, keystore)
 * @param vault the Vault Transit key provider's settings, used when {@code registry.keys.provider} is {@code vault}
 * @param purposes per-role override of the role -> allowed purposes table (role name -> purpose codes); roles not
 *     listed keep the defaults
 * @param purposeActions additions to, or replacements of, the purpose -> covered actions table (purpose code ->
 *     action names)
 * @param purposeDefinitions per-purpose overrides of the rest of the purpose catalogue (purpose code -> visible
 *     fields, accepted legal bases, whether a subject basis is required, whether break-glass is allowed, retention);
 *     keys with dots need brackets: {@code registry.purpose-definitions[ASSIST.CASH].fields=NAMES,LOCATION}.
 *     Prohibited purposes can never be configured.
 */
@ConfigurationProperties("registry")
@Validated
public record RegistryProperties(
        @NotNull Path dataDir,
        @Valid @DefaultValue Database db,
        @Valid @DefaultValue EmbeddedDatabase embeddedDb,
        @Valid @DefaultValue Keys keys,
        @Valid @DefaultValue Vault vault,
        @Valid @DefaultValue Oidc oidc,
        @Valid @DefaultValue Http http,
        @Valid @DefaultValue Accounts accounts,
        Map<String, List<String>> purposes,
        Map<String, List<String>> purposeActions,
        Map<String, PurposeSettings> purposeDefinitions) {

    public RegistryProperties {
        purposes = purposes == null ? Map.of() : Map.copyOf(purposes);
        purposeActions = purposeActions == null ? Map.of() : Map.copyOf(purposeActions);
        purposeDefinitions = purposeDefinitions == null ? Map.of() : Map.copyOf(purposeDefinitions);
        if (keys != null && vault != null) {
            if (keys.provider() == KeyProviderKind.VAULT) {
                vault.transitConfig();
            } else if (vault.configured()) {
                throw new IllegalArgumentException("registry.vault.* (REGISTRY_VAULT_*) is set but registry.keys.provider"
                        + " (REGISTRY_KEY_PROVIDER) is not vault: set it to vault, or unset the Vault settings");
            }
        }
    }

    /** The embedded PostgreSQL data directory: {@code registry.embedded-db.dir} or {@code <data dir>/postgres}. */
    public Path embeddedDbDirectory() {
        Path dir = embeddedDb.dir() != null ? embeddedDb.dir() : dataDir.resolve("postgres");
        return dir.toAbsolutePath().normalize();
    }

    /** The local keystore file: {@code registry.keys.keystore-path} or {@code <data dir>/keys/kek.bcfks}. */
    public Path keystorePath() {
        Path file = keys.keystorePath() != null ? keys.keystorePath() : dataDir.resolve("keys").resolve("kek.bcfks");
        return file.toAbsolutePath().normalize();
    }

    /**
     * An external PostgreSQL server ({@code REGISTRY_DB_URL}); when absent the embedded server starts.
     *
     * @param url JDBC URL, {@code jdbc:postgresql://...}
     * @param user the application's login (connection pool)
     * @param migrationUser when set, the migrations run as this login (the owner of the tables) and the
     *     application's {@code user} is given only the table privileges it needs (docs/operations.md); when
     *     unset, {@code user} runs the migrations and owns the tables
     */
    public record Database(
            @Pattern(regexp = "jdbc:postgresql:.+", message = "must be a jdbc:postgresql: URL") String url,
            String user,
            String password,
            @Pattern(regexp = ROLE_NAME, message = "must be a plain role name (letters, digits, _ . @ -)")
            String migrationUser,
            String migrationPassword) {
        /** Role names this server grants privileges to: no quoting needed in SQL. */
        public static final String ROLE_NAME = "[A-Za-z_][A-Za-z0-9_.@-]{0,62}";

        public Database {
            url = blankToNull(url);
            user = blankToNull(user);
            password = blankToNull(password);
            migrationUser = blankToNull(migrationUser);
            migrationPassword = blankToNull(migrationPassword);
        }

        /** True when an external server is configured. */
        public boolean external() {
            return url != null;
        }

        /** True when migrations run as their own login, distinct from the application's. */
        public boolean separateMigrationUser() {
            return migrationUser != null && !migrationUser.equals(user);
        }

        @Override
        public String toString() {
            return "Database[url=" + (url == null ? "<embedded>" : "<set>") + "]";
        }
    }

    /**
     * The embedded PostgreSQL server of the default set-up.
     *
     * @param dir data directory, kept across restarts
     * @param port TCP port on localhost, 0 for a free port
     */
    public record EmbeddedDatabase(Path dir, @DefaultValue("0") @Min(0) @Max(65535) int port) {
        public EmbeddedDatabase {
            dir = blankToNull(dir);
        }
    }

    /**
     * Where the key-encryption key lives.
     *
     * @param provider which provider implementation: {@code local} (default) or {@code vault}
     * @param keystorePath the local keystore file (local provider only)
     * @param keystorePassword passphrase of the local keystore (local provider only); on the embedded default it
     *     may be unset, and a generated one is kept in a 0600 file beside the keystore (evaluation only)
     */
    public record Keys(@DefaultValue("local") @NotNull KeyProviderKind provider,
                       Path keystorePath,
                       String keystorePassword) {
        public Keys {
            keystorePath = blankToNull(keystorePath);
            keystorePassword = blankToNull(keystorePassword);
        }

        @Override
        public String toString() {
            return "Keys[provider=" + provider + ", keystorePath=" + keystorePath + "]";
        }
    }

    /** Key provider implementations. */
    public enum KeyProviderKind {
        /** A BCFKS keystore file on this machine ({@code org.safereg.keys.LocalKeystoreKekProvider}). */
        LOCAL,
        /** HashiCorp Vault's Transit engine ({@code org.safereg.keys.vault.VaultTransitKekProvider}). */
        VAULT
    }

    /**
     * The Vault Transit key provider (docs/operations/vault.md), used when {@code registry.keys.provider} is
     * {@code vault}. Authentication: either {@code token}, or AppRole ({@code roleId} + {@code secretId}, the
     * latter a response-wrapping token unless {@code secretIdWrapped} is false). Secrets never appear in
     * {@link #toString()}.
     *
     * @param address Vault's base URL, {@code https://vault.example.org:8200}
     * @param transitMount path the Transit engine is mounted at
     * @param kekKey Transit key wrapping the data keys ({@code aes256-gcm96}, {@code derived=true})
     * @param signingKey Transit key signing audit checkpoints ({@code ed25519})
     * @param derivationKey Transit key whose HMAC derives blind-index and pseudonym secrets
     * @param token a Vault token (for example from Vault Agent)
     * @param approleMount path the AppRole auth method is mounted at
     * @param caCert PEM file of the CA(s) trusted for Vault's TLS certificate; unset: the JDK trust store
     * @param dataKeyCacheSize unwrapped data keys kept in memory at most (0 disables the cache)
     * @param dataKeyCacheTtl how long an unwrapped data key stays cached
     */
    public record Vault(URI address,
                        @DefaultValue(VaultTransitConfig.DEFAULT_MOUNT) @NotBlank String transitMount,
                        @DefaultValue(VaultTransitConfig.DEFAULT_KEK_KEY) @NotBlank String kekKey,
                        @DefaultValue(VaultTransitConfig.DEFAULT_SIGNING_KEY) @NotBlank String signingKey,
                        @DefaultValue(VaultTransitConfig.DEFAULT_DERIVATION_KEY) @NotBlank String derivationKey,
                        String token,
                        @DefaultValue("approle") @NotBlank String approleMount,
                        String roleId,
                        String secretId,
                        @DefaultValue("true") boolean secretIdWrapped,
                        Path caCert,
                        @DefaultValue("3s") @NotNull Duration connectTimeout,
                        @DefaultValue("10s") @NotNull Duration readTimeout,
                        @DefaultValue("10000") @Min(0) int dataKeyCacheSize,
                        @DefaultValue("30s") @NotNull Duration dataKeyCacheTtl) {
        public Vault {
            address = address == null || address.toString().isBlank() ? null : address;
            token = blankToNull(token);
            roleId = blankToNull(roleId);
            secretId = blankToNull(secretId);
            caCert = blankToNull(caCert);
        }

        /** True when any connection or credential setting is given. */
        public boolean configured() {
            return address != null || token != null || roleId != null || secretId != null;
        }

        /**
         * The provider's settings. Throws {@link IllegalArgumentException} naming the property when the address is
         * missing, when neither or both of token and AppRole credentials are given, or when a value is invalid.
         */
        public VaultTransitConfig transitConfig() {
            if (address == null) {
                throw new IllegalArgumentException("registry.vault.address (REGISTRY_VAULT_ADDR) must be set when"
                        + " registry.keys.provider is vault");
            }
            boolean appRole = roleId != null || secretId != null;
            if ((token != null) == appRole) {
                throw new IllegalArgumentException("set either registry.vault.token (REGISTRY_VAULT_TOKEN) or"
                        + " registry.vault.role-id and registry.vault.secret-id (REGISTRY_VAULT_ROLE_ID,"
                        + " REGISTRY_VAULT_SECRET_ID), not both and not neither");
            }
            if (appRole && (roleId == null || secretId == null)) {
                throw new IllegalArgumentException("AppRole login needs both registry.vault.role-id"
                        + " (REGISTRY_VAULT_ROLE_ID) and registry.vault.secret-id (REGISTRY_VAULT_SECRET_ID)");
            }
            try {
                VaultTransitConfig.Auth auth = token != null ? new VaultTransitConfig.Token(token)
                        : new VaultTransitConfig.AppRole(approleMount, roleId, secretId, secretIdWrapped);
                return new VaultTransitConfig(address, transitMount, kekKey, signingKey, derivationKey, auth, caCert,
                        connectTimeout, readTimeout, dataKeyCacheSize, dataKeyCacheTtl);
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new IllegalArgumentException("invalid registry.vault.* (REGISTRY_VAULT_*) setting: "
                        + e.getMessage());
            }
        }

        @Override
        public String toString() {
            return "Vault[address=" + address + ", transitMount=" + transitMount + ", kekKey=" + kekKey
                    + ", auth=" + (token != null ? "token" : roleId != null ? "approle" : "none") + "]";
        }
    }

    /**
     * OpenID Connect: when {@code issuerUri} is set the API accepts JWT bearer tokens from that issuer instead of
     * local accounts.
     *
     * @param rolesClaim claim holding the role names; a dotted path reaches into nested objects
     *     ({@code realm_access.roles})
     * @param usernameClaim claim recorded as the actor in the audit trail
     * @param audience when set, tokens must name it in {@code aud}
     */
    public record Oidc(URI issuerUri,
                       @DefaultValue("roles") @NotBlank String rolesClaim,
                       @DefaultValue("sub") @NotBlank String usernameClaim,
                       String audience) {
        public Oidc {
            issuerUri = issuerUri == null || issuerUri.toString().isBlank() ? null : issuerUri;
            audience = blankToNull(audience);
        }

        public boolean enabled() {
            return issuerUri != null;
        }
    }

    /** HTTP limits. */
    public record Http(@DefaultValue("1MB") @NotNull DataSize maxRequestBody) {
        public Http {
            if (maxRequestBody != null && maxRequestBody.toBytes() < 1024) {
                throw new IllegalArgumentException("registry.http.max-request-body must be at least 1KB");
            }
        }
    }

    /**
     * Local accounts (embedded default, no OIDC).
     *
     * @param credentialCacheTtl how long a successful password verification is remembered in memory (keyed by
     *     a keyed hash of the credentials) so HTTP Basic does not cost an Argon2 run on every request; 0 disables
     * @param signIn limits on password verification (memory and guessing)
     */
    public record Accounts(@DefaultValue("60s") @NotNull Duration credentialCacheTtl,
                           @Valid @DefaultValue SignIn signIn) {
        public Accounts {
            if (credentialCacheTtl != null && credentialCacheTtl.isNegative()) {
                throw new IllegalArgumentException("registry.accounts.credential-cache-ttl must not be negative");
            }
        }
    }

    /**
     * Limits on HTTP Basic sign-in. Each password verification runs Argon2id with 19 MiB of memory, so at most
     * {@code maxConcurrentVerifications} run at once; a request that cannot start one within
     * {@code verificationWait} is answered 503 {@code authentication-busy}. After {@code maxFailuresPerAccount}
     * failed sign-ins for one account name, or {@code maxFailuresPerClient} from one client address (IPv6: its
     * /64), within {@code failureWindow}, further attempts are answered 429 {@code too-many-attempts} without
     * verifying until the window ends. Counters live in memory, at most {@code trackedEntries} of each kind
     * (least recently used dropped first).
     *
     * @param maxConcurrentVerifications 0 = the number of processors
     * @param maxFailuresPerAccount 0 = no per-account limit
     * @param maxFailuresPerClient 0 = no per-client limit
     */
    public record SignIn(@DefaultValue("0") @Min(0) @Max(1024) int maxConcurrentVerifications,
                         @DefaultValue("1s") @NotNull Duration verificationWait,
                         @DefaultValue("10") @Min(0) int maxFailuresPerAccount,
                         @DefaultValue("100") @Min(0) int maxFailuresPerClient,
                         @DefaultValue("5m") @NotNull Duration failureWindow,
                         @DefaultValue("10000") @Min(100) @Max(1_000_000) int trackedEntries) {
        public SignIn {
            if (verificationWait != null && verificationWait.isNegative()) {
                throw new IllegalArgumentException("registry.accounts.sign-in.verification-wait must not be negative");
            }
            if (failureWindow != null && (failureWindow.isNegative() || failureWindow.isZero())) {
                throw new IllegalArgumentException("registry.accounts.sign-in.failure-window must be positive");
            }
        }

        /** The number of verifications allowed to run at once. */
        public int concurrentVerifications() {
            return maxConcurrentVerifications > 0 ? maxConcurrentVerifications
                    : Runtime.getRuntime().availableProcessors();
        }
    }

    private static Path blankToNull(Path p) {
        return p == null || p.toString().isBlank() ? null : p;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /**
     * Overrides of one purpose's definition; every property left unset keeps the default (or, for a purpose added
     * through {@code purpose-actions}: no field, no basis, no subject basis required, no break-glass, no retention).
     *
     * @param fields the personal fields responses for the purpose may contain ({@code PersonalField} names)
     * @param bases the legal bases accepted ({@code LegalBasis} names)
     * @param requiresSubjectBasis whether a request naming a subject needs that subject's valid basis
     * @param breakGlassAllowed whether an approved break-glass grant may stand in for a missing basis
     * @param retention retention period (ISO-8601, e.g. {@code P2Y})
     */
    public record PurposeSettings(java.util.Set<org.safereg.privacy.PersonalField> fields,
                                  java.util.Set<org.safereg.privacy.LegalBasis> bases,
                                  Boolean requiresSubjectBasis, Boolean breakGlassAllowed,
                                  java.time.Period retention) {
    }
}
