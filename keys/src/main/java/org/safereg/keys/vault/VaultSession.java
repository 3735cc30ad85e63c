package org.safereg.keys.vault;

import io.github.jopenlibs.vault.EnvironmentLoader;
import io.github.jopenlibs.vault.SslConfig;
import io.github.jopenlibs.vault.Vault;
import io.github.jopenlibs.vault.VaultConfig;
import io.github.jopenlibs.vault.VaultException;
import io.github.jopenlibs.vault.json.Json;
import io.github.jopenlibs.vault.json.JsonObject;
import io.github.jopenlibs.vault.json.JsonValue;
import io.github.jopenlibs.vault.response.AuthResponse;
import io.github.jopenlibs.vault.response.LogicalResponse;
import io.github.jopenlibs.vault.response.LookupResponse;
import io.github.jopenlibs.vault.rest.RestResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.safereg.keys.KeyProviderUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One authenticated connection to Vault through vault-java-driver: TLS, login (token or AppRole, with a
 * response-wrapped secret_id unwrapped once), token renewal before expiry and re-login when renewal is no longer
 * possible, and the translation of every reply into a status the provider checks.
 *
 * <p>Driver traps handled here: the driver is created with KV engine version 1, otherwise it rewrites Transit
 * paths to {@code .../data/...}; a 4xx answer does not throw, so every {@link Reply} carries its status; a 5xx
 * answer or an I/O failure throws {@link VaultException}, whose message holds the response body (which can
 * hold decrypted batch items), so it is never chained into our exceptions. The driver does not renew tokens:
 * a task on the given scheduler does, at two thirds of the token's remaining lifetime.
 *
 * <p>Thread-safe: requests use the current login without locking; logins and renewals are serialised.
 */
final class VaultSession implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(VaultSession.class);
    /** Reads no environment variable and no ~/.vault-token: the configuration is explicit. */
    private static final EnvironmentLoader NO_ENVIRONMENT = new EnvironmentLoader() {
        @Override
        public String loadVariable(String name) {
            return null;
        }
    };
    private static final long MIN_LOGIN_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long MIN_REFRESH_DELAY_MILLIS = 500;
    private static final long MAX_RETRY_DELAY_MILLIS = 30_000;
    private static final int MAX_ERROR_TEXT = 300;

    /** Vault's answer to one request: HTTP status and JSON body (empty when there was none). */
    record Reply(int status, JsonObject body) {
        /** The {@code data} object of the body (empty when absent). */
        JsonObject data() {
            JsonValue data = body.get("data");
            return data != null && data.isObject() ? data.asObject() : new JsonObject();
        }

        /** Vault's {@code errors} strings, joined and shortened; they never contain request values. */
        String errors() {
            JsonValue errors = body.get("errors");
            if (errors == null || !errors.isArray()) {
                return "";
            }
            List<String> texts = new ArrayList<>();
            errors.asArray().forEach(e -> texts.add(e.isString() ? e.asString() : e.toString()));
            String joined = String.join("; ", texts).replaceAll("\\s+", " ").trim();
            return joined.length() > MAX_ERROR_TEXT ? joined.substring(0, MAX_ERROR_TEXT) + "..." : joined;
        }
    }

    /** One driver call with a given (token-bearing) client. */
    @FunctionalInterface
    private interface Call {
        LogicalResponse on(Vault vault) throws VaultException;
    }

    private record Login(Vault vault, long ttlSeconds, boolean renewable, long initialTtlSeconds) {
    }

    private final VaultTransitConfig config;
    private final HttpClient http;
    private final SslConfig ssl;
    private final ScheduledExecutorService scheduler;
    private final Runnable onUnavailable;
    private final Object loginLock = new Object();
    private volatile Login current;
    // The following are guarded by loginLock.
    private String unwrappedSecretId;
    private long nextLoginAttemptNanos = System.nanoTime();
    private String lastLoginFailure = "";
    private int failedRefreshes;
    private ScheduledFuture<?> refresh;
    private boolean closed;

    /**
     * @param onUnavailable run whenever a request finds Vault unavailable (the provider drops its key cache)
     */
    VaultSession(VaultTransitConfig config, ScheduledExecutorService scheduler, Runnable onUnavailable) {
        this.config = config;
        this.scheduler = scheduler;
        this.onUnavailable = onUnavailable;
        KeyStore trust = config.caCertificate() == null ? null : trustStore(config.caCertificate());
        try {
            this.ssl = trust == null ? null : new SslConfig().verify(true).trustStore(trust).build();
        } catch (VaultException e) {
            throw new IllegalArgumentException("cannot build the TLS configuration for Vault", e);
        }
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.connectTimeout());
        if (trust != null) {
            builder.sslContext(sslContext(trust));
        }
        this.http = builder.build();
    }

    /** GET {@code path} (relative to /v1/). */
    Reply read(String path) {
        return execute(path, vault -> vault.logical().read(path));
    }

    /** POST {@code body} to {@code path}; lists inside the body must already be the driver's JsonArray. */
    Reply write(String path, Map<String, Object> body) {
        return execute(path, vault -> vault.logical().write(path, body));
    }

    /** The exception for a reply the caller cannot use (drops the provider's cache first). */
    KeyProviderUnavailableException failure(Reply reply, String path) {
        int status = reply.status();
        String message = switch (status) {
            case 400 -> "Vault rejected the request to " + path + " (HTTP 400): " + reply.errors();
            case 403 -> "Vault denied access to " + path + " (HTTP 403): the token is invalid or expired, or its"
                    + " policy lacks this capability";
            case 404 -> "Vault has nothing at " + path + " (HTTP 404): check the transit mount and key names";
            case 429 -> "Vault is rate-limiting or in standby (HTTP 429)";
            default -> "Vault answered HTTP " + status + " to " + path;
        };
        return unavailable(message, null);
    }

    @Override
    public void close() {
        synchronized (loginLock) {
            closed = true;
            if (refresh != null) {
                refresh.cancel(false);
            }
            current = null;
        }
    }

    private Reply execute(String path, Call call) {
        Login login = login(null);
        Reply reply = send(login, call, path);
        if (reply.status() == 403 && config.auth() instanceof VaultTransitConfig.AppRole) {
            reply = send(login(login), call, path);
        }
        return reply;
    }

    /**
     * Sends once, and once more when the first attempt failed without any HTTP answer: a pooled keep-alive
     * connection may have been closed by the server just as it was reused. Every Transit call the provider makes
     * is safe to repeat. A refused connection fails again at once.
     */
    private Reply send(Login login, Call call, String path) {
        VaultException failure = null;
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                RestResponse rest = call.on(login.vault()).getRestResponse();
                return new Reply(rest.getStatus(), parse(rest.getBody()));
            } catch (VaultException e) {
                failure = e;
                if (e.getHttpStatusCode() != 0) {
                    break;
                }
            }
        }
        throw unavailable(failure, path);
    }

    /** The current login; logs in first when there is none, or when Vault refused {@code rejected} (403). */
    private Login login(Login rejected) {
        Login login = current;
        if (login != null && login != rejected) {
            return login;
        }
        synchronized (loginLock) {
            login = current;
            if (login != null && login != rejected) {
                return login;
            }
            if (closed) {
                throw new KeyProviderUnavailableException("the Vault provider is closed");
            }
            current = null;
            long now = System.nanoTime();
            if (now - nextLoginAttemptNanos < 0) {
                throw unavailable(lastLoginFailure + " (the next login attempt follows within a second)", null);
            }
            try {
                Login fresh = authenticate();
                adopt(fresh);
                return fresh;
            } catch (KeyProviderUnavailableException e) {
                nextLoginAttemptNanos = now + MIN_LOGIN_INTERVAL_NANOS;
                lastLoginFailure = e.getMessage();
                throw e;
            }
        }
    }

    /** Logs in (AppRole) or looks the given token up (token auth). Holds loginLock. */
    private Login authenticate() {
        try {
            if (config.auth() instanceof VaultTransitConfig.Token token) {
                Vault vault = client(token.token());
                LookupResponse self = vault.auth().lookupSelf();
                return new Login(vault, self.getTTL(), self.isRenewable(), self.getTTL());
            }
            VaultTransitConfig.AppRole role = (VaultTransitConfig.AppRole) config.auth();
            AuthResponse auth = client(null).auth().loginByAppRole(role.mountPath(), role.roleId(), secretId(role));
            log.info("Logged in to Vault with AppRole; token lifetime {} s", auth.getAuthLeaseDuration());
            return new Login(client(auth.getAuthClientToken()), auth.getAuthLeaseDuration(), auth.isAuthRenewable(),
                    auth.getAuthLeaseDuration());
        } catch (VaultException e) {
            if (e.getHttpStatusCode() == 400 || e.getHttpStatusCode() == 403) {
                throw unavailable("Vault refused the " + authName() + " (HTTP " + e.getHttpStatusCode()
                        + "): invalid, expired or revoked credentials", null);
            }
            throw unavailable(e, "the " + authName());
        }
    }

    private String secretId(VaultTransitConfig.AppRole role) throws VaultException {
        if (!role.secretIdWrapped()) {
            return role.secretId();
        }
        if (unwrappedSecretId == null) {
            try {
                JsonObject data = client(null).sys().wrapping().unwrap(role.secretId(), false).getData();
                String secretId = data.getString("secret_id", null);
                if (secretId == null || secretId.isEmpty()) {
                    throw new KeyProviderUnavailableException("the response-wrapped value holds no secret_id");
                }
                unwrappedSecretId = secretId;
            } catch (VaultException e) {
                if (e.getHttpStatusCode() == 400 || e.getHttpStatusCode() == 403) {
                    log.error("The response-wrapping token of the AppRole secret_id was refused (HTTP {}): it was"
                            + " already unwrapped, expired or never valid. If this process did not unwrap it, someone"
                            + " else may have: investigate, then issue a new wrapped secret_id.", e.getHttpStatusCode());
                    throw unavailable("Vault refused the response-wrapping token of the secret_id (HTTP "
                            + e.getHttpStatusCode() + "): already used, expired or invalid", null);
                }
                throw e;
            }
        }
        return unwrappedSecretId;
    }

    /** Makes {@code login} current and plans its renewal. Holds loginLock. */
    private void adopt(Login login) {
        current = login;
        failedRefreshes = 0;
        if (refresh != null) {
            refresh.cancel(false);
            refresh = null;
        }
        if (login.ttlSeconds() > 0) {
            long delay = Math.max(MIN_REFRESH_DELAY_MILLIS, login.ttlSeconds() * 1000 * 2 / 3);
            refresh = scheduler.schedule(() -> refresh(login), delay, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Renews the token, or logs in again (AppRole) when it is not renewable any more; on failure tries again
     * with backoff, while requests keep using the current token until Vault rejects it.
     */
    private void refresh(Login login) {
        synchronized (loginLock) {
            if (closed || current != login) {
                return;
            }
            boolean appRole = config.auth() instanceof VaultTransitConfig.AppRole;
            Login next = login.renewable() ? renew(login, appRole) : null;
            if (next == null && appRole) {
                try {
                    next = authenticate();
                } catch (KeyProviderUnavailableException e) {
                    log.warn("Vault re-login failed: {}", e.getMessage());
                }
            }
            if (next != null) {
                adopt(next);
            } else if (login.renewable() || appRole) {
                failedRefreshes++;
                long delay = Math.min(MAX_RETRY_DELAY_MILLIS, 1000L << Math.min(failedRefreshes - 1, 5));
                refresh = scheduler.schedule(() -> refresh(login), delay, TimeUnit.MILLISECONDS);
            } else {
                log.warn("The Vault token is not renewable and expires in about {} s: replace it before then",
                        login.ttlSeconds() / 3);
            }
        }
    }

    private Login renew(Login login, boolean appRole) {
        try {
            AuthResponse renewed = login.vault().auth().renewSelf(-1);
            long ttl = renewed.getAuthLeaseDuration();
            // A shorter lease than at login means the token nears its maximum TTL: an AppRole logs in afresh.
            boolean renewable = renewed.isAuthRenewable() && !(appRole && ttl < login.initialTtlSeconds());
            return new Login(login.vault(), ttl, renewable, login.initialTtlSeconds());
        } catch (VaultException e) {
            log.warn("Vault token renewal failed (HTTP {})", e.getHttpStatusCode());
            return null;
        }
    }

    private Vault client(String token) {
        try {
            VaultConfig vaultConfig = new VaultConfig()
                    .environmentLoader(NO_ENVIRONMENT)
                    .address(config.address().toString())
                    .token(token)
                    .openTimeout(seconds(config.connectTimeout()))
                    .readTimeout(seconds(config.readTimeout()))
                    .httpClient(http);
            if (ssl != null) {
                vaultConfig.sslConfig(ssl);
            }
            // KV engine version 1: with the driver's default (2) Transit paths would be rewritten to .../data/...
            return Vault.create(vaultConfig.build(), 1);
        } catch (VaultException e) {
            throw new IllegalArgumentException("invalid Vault client configuration", e);
        }
    }

    private String authName() {
        return config.auth() instanceof VaultTransitConfig.Token ? "Vault token" : "AppRole login";
    }

    private KeyProviderUnavailableException unavailable(VaultException e, String what) {
        int status = e.getHttpStatusCode();
        if (status == 0) {
            Throwable io = e;
            while (io != null && !(io instanceof IOException)) {
                io = io.getCause();
            }
            return unavailable("Vault is unreachable at " + config.address() + " ("
                    + (io == null ? "no response" : io.getClass().getSimpleName()) + ")", io);
        }
        if (status == 503) {
            return unavailable("Vault is sealed, in standby or overloaded (HTTP 503)", null);
        }
        return unavailable("Vault failed to answer " + what + " (HTTP " + status + ")", null);
    }

    private KeyProviderUnavailableException unavailable(String message, Throwable cause) {
        onUnavailable.run();
        return cause == null ? new KeyProviderUnavailableException(message)
                : new KeyProviderUnavailableException(message, cause);
    }

    private static JsonObject parse(byte[] body) {
        if (body == null || body.length == 0) {
            return new JsonObject();
        }
        try {
            JsonValue value = Json.parse(new String(body, StandardCharsets.UTF_8));
            return value.isObject() ? value.asObject() : new JsonObject();
        } catch (RuntimeException e) {
            return new JsonObject();
        }
    }

    private static int seconds(Duration duration) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (duration.toMillis() + 999) / 1000));
    }

    private static KeyStore trustStore(Path pemFile) {
        try (InputStream in = Files.newInputStream(pemFile)) {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certificates.isEmpty()) {
                throw new IllegalArgumentException("no certificate in the Vault CA file " + pemFile);
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            int i = 0;
            for (Certificate certificate : certificates) {
                store.setCertificateEntry("vault-ca-" + i++, certificate);
            }
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read the Vault CA file " + pemFile, e);
        }
    }

    private static SSLContext sslContext(KeyStore trust) {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot build the TLS context for Vault", e);
        }
    }
}
