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
 * @param purposes per-role override of the role -> allowed purposes table (role name -> purpose codes); roles not
 *     listed keep the defaults
 * @param purposeActions additions to, or replacements of, the purpose -> covered actions table (purpose code ->
 *     action names)
 */
@ConfigurationProperties("registry")
@Validated
public record RegistryProperties(
        @NotNull Path dataDir,
        @Valid @DefaultValue Database db,
        @Valid @DefaultValue EmbeddedDatabase embeddedDb,
        @Valid @DefaultValue Keys keys,
        @Valid @DefaultValue Oidc oidc,
        @Valid @DefaultValue Http http,
        @Valid @DefaultValue Accounts accounts,
        Map<String, List<String>> purposes,
        Map<String, List<String>> purposeActions) {

    public RegistryProperties {
        purposes = purposes == null ? Map.of() : Map.copyOf(purposes);
        purposeActions = purposeActions == null ? Map.of() : Map.copyOf(purposeActions);
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
     */
    public record Database(
            @Pattern(regexp = "jdbc:postgresql:.+", message = "must be a jdbc:postgresql: URL") String url,
            String user,
            String password) {
        public Database {
            url = blankToNull(url);
            user = blankToNull(user);
            password = blankToNull(password);
        }

        /** True when an external server is configured. */
        public boolean external() {
            return url != null;
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
     * @param provider which provider implementation; only {@code local} so far
     * @param keystorePassword passphrase of the local keystore; on the embedded default it may be unset, and a
     *     generated one is kept in a 0600 file beside the keystore (evaluation only)
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
        LOCAL
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
     */
    public record Accounts(@DefaultValue("60s") @NotNull Duration credentialCacheTtl) {
        public Accounts {
            if (credentialCacheTtl != null && credentialCacheTtl.isNegative()) {
                throw new IllegalArgumentException("registry.accounts.credential-cache-ttl must not be negative");
            }
        }
    }

    private static Path blankToNull(Path p) {
        return p == null || p.toString().isBlank() ? null : p;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
