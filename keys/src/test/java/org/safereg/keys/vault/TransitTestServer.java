package org.safereg.keys.vault;

import com.google.crypto.tink.subtle.AesGcmJce;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.github.jopenlibs.vault.json.Json;
import io.github.jopenlibs.vault.json.JsonArray;
import io.github.jopenlibs.vault.json.JsonObject;
import io.github.jopenlibs.vault.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * <b>TEST DOUBLE — this is not HashiCorp Vault.</b> An in-JVM server (JDK {@code HttpServer}/{@code HttpsServer}
 * on 127.0.0.1, random port) that implements the part of Vault's documented HTTP API the Vault Transit provider
 * uses, so that the real vault-java-driver can be exercised over real HTTP where no Vault binary can be installed.
 * The same contract tests run against a real Vault when {@code VAULT_ADDR} is set or Docker is available.
 *
 * <p>Implemented, following Vault's API documentation and source: Transit keys ({@code aes256-gcm96}, derived or
 * not, and {@code ed25519}) with create, read, rotate, config ({@code min_decryption_version},
 * {@code min_encryption_version}, {@code deletion_allowed}, {@code exportable}) and delete; {@code encrypt} /
 * {@code decrypt} with {@code associated_data} and derivation {@code context}, real AES-256-GCM per key version
 * and {@code vault:vN:} ciphertexts; {@code rewrap} (which, like Vault, ignores {@code associated_data}); batches
 * with per-item errors (400 when an encrypt/decrypt item failed, 200 for rewrap, 500 when {@code batch_input} is
 * not a list); {@code sign} (ed25519) and {@code hmac} (sha2-256); ACL policies written in the HCL subset
 * {@code path "..." { capabilities = [...] }} with {@code *} suffix globs; tokens with TTL, maximum TTL, renewal,
 * lookup and expiry; AppRole login; single-use response-wrapped secret_ids; {@code sys/health}; sealing (503),
 * injected failures, and stop/restart on the same port.
 *
 * <p>Not implemented: anything else (other key types, convergent encryption, trimming, namespaces, leases).
 */
public final class TransitTestServer implements AutoCloseable {
    public static final String MOUNT = "transit";

    static {
        // Without TCP_NODELAY the JDK server's separate header and body writes meet the client's delayed ACK:
        // every response would take ~40 ms.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String MISSING_CONTEXT = "missing 'context' for key derivation; the key was created using a"
            + " derived key, which means additional, per-request information must be included in order to perform"
            + " operations with the key";

    /** Credentials of an AppRole. */
    public record AppRoleCredentials(String roleId, String secretId) {
    }

    private static final class UserError extends Exception {
        UserError(String message) {
            super(message, null, false, false);
        }
    }

    private record Answer(int status, JsonObject body) {
    }

    private static final class Token {
        final Set<String> policies;
        final long creationTtlSeconds;
        final long maxExpiresAtMillis;
        final boolean renewable;
        volatile long expiresAtMillis;

        Token(Set<String> policies, long ttlSeconds, long maxTtlSeconds, boolean renewable) {
            long now = System.currentTimeMillis();
            this.policies = policies;
            this.creationTtlSeconds = ttlSeconds;
            this.maxExpiresAtMillis = maxTtlSeconds == 0 ? Long.MAX_VALUE : now + maxTtlSeconds * 1000;
            this.renewable = renewable;
            this.expiresAtMillis = ttlSeconds == 0 ? Long.MAX_VALUE : Math.min(maxExpiresAtMillis, now + ttlSeconds * 1000);
        }

        boolean expired() {
            return System.currentTimeMillis() >= expiresAtMillis;
        }

        long ttlSeconds() {
            return expiresAtMillis == Long.MAX_VALUE ? 0 : Math.max(0, (expiresAtMillis - System.currentTimeMillis()) / 1000);
        }
    }

    private record Rule(String path, Set<String> capabilities) {
        boolean matches(String requestPath) {
            return path.endsWith("*") ? requestPath.startsWith(path.substring(0, path.length() - 1)) : path.equals(requestPath);
        }
    }

    private record AppRole(Set<String> policies, long ttlSeconds, long maxTtlSeconds, Set<String> secretIds) {
    }

    private record KeyVersion(byte[] aes, byte[] hmac, Ed25519PrivateKeyParameters signing, long createdSeconds) {
    }

    private static final class TransitKey {
        final String type;
        final boolean derived;
        final List<KeyVersion> versions = new ArrayList<>();
        boolean exportable;
        boolean deletionAllowed;
        long autoRotatePeriodSeconds;
        int minDecryptionVersion = 1;
        int minEncryptionVersion;

        TransitKey(String type, boolean derived) {
            this.type = type;
            this.derived = derived;
            rotate();
        }

        void rotate() {
            byte[] aes = new byte[32];
            byte[] hmac = new byte[32];
            RANDOM.nextBytes(aes);
            RANDOM.nextBytes(hmac);
            Ed25519PrivateKeyParameters signing = "ed25519".equals(type) ? new Ed25519PrivateKeyParameters(RANDOM) : null;
            versions.add(new KeyVersion(aes, hmac, signing, Instant.now().getEpochSecond()));
        }

        int latest() {
            return versions.size();
        }
    }

    private final SSLContext tls;
    private final Path caCertificate;
    private final int port;
    private final ExecutorService executor = Executors.newFixedThreadPool(4, runnable -> {
        Thread thread = new Thread(runnable, "transit-test-server");
        thread.setDaemon(true);
        return thread;
    });
    private final String rootToken = "root-" + UUID.randomUUID();
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private final Map<String, List<Rule>> policies = new ConcurrentHashMap<>();
    private final Map<String, AppRole> appRoles = new ConcurrentHashMap<>();
    private final Map<String, JsonObject> wrapped = new ConcurrentHashMap<>();
    private final Map<String, TransitKey> keys = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile boolean sealed;
    private volatile int failureStatus;
    private HttpServer server;

    private TransitTestServer(SSLContext tls, Path caCertificate) throws IOException {
        this.tls = tls;
        this.caCertificate = caCertificate;
        this.server = bind(0);
        this.port = server.getAddress().getPort();
        tokens.put(rootToken, new Token(Set.of("root"), 0, 0, false));
    }

    /** Starts a plain-HTTP test double. */
    public static TransitTestServer start() {
        try {
            return new TransitTestServer(null, null);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts an HTTPS test double with a fresh self-signed certificate, written as PEM into {@code dir}. */
    public static TransitTestServer startTls(Path dir) {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("EC").generateKeyPair();
            X500Name name = new X500Name("CN=transit-test-server");
            Instant now = Instant.now();
            var builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(RANDOM.nextInt(Integer.MAX_VALUE)),
                    Date.from(now.minusSeconds(60)), Date.from(now.plus(Duration.ofDays(1))), name, pair.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                    new GeneralName(GeneralName.iPAddress, "127.0.0.1"), new GeneralName(GeneralName.dNSName, "localhost")}));
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            char[] password = "test-double".toCharArray();
            store.setKeyEntry("server", pair.getPrivate(), password, new Certificate[] {certificate});
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers.getKeyManagers(), null, null);
            StringWriter pem = new StringWriter();
            try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
                writer.writeObject(certificate);
            }
            Path ca = dir.resolve("transit-test-server-ca.pem");
            Files.writeString(ca, pem.toString());
            return new TransitTestServer(context, ca);
        } catch (IOException | GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    public URI address() {
        return URI.create((tls == null ? "http" : "https") + "://127.0.0.1:" + port);
    }

    /** PEM of the self-signed certificate of a TLS double (null for plain HTTP). */
    public Path caCertificate() {
        return caCertificate;
    }

    /** A token with the root policy, that never expires. */
    public String rootToken() {
        return rootToken;
    }

    /** Issues a token with {@code policies} ({@code ttl} 0 = no expiry). */
    public String createToken(Duration ttl, Duration maxTtl, boolean renewable, String... policyNames) {
        String id = "hvs." + UUID.randomUUID();
        tokens.put(id, new Token(Set.of(policyNames), ttl.toSeconds(), maxTtl.toSeconds(), renewable));
        return id;
    }

    /** Makes every token but the root token invalid, as {@code vault token revoke} would. */
    public void revokeAllTokens() {
        tokens.keySet().removeIf(id -> !id.equals(rootToken));
    }

    /** Registers an AppRole whose tokens carry {@code policies}; returns its role_id and a secret_id. */
    public AppRoleCredentials createAppRole(Duration tokenTtl, Duration tokenMaxTtl, String... policyNames) {
        String roleId = UUID.randomUUID().toString();
        String secretId = UUID.randomUUID().toString();
        Set<String> secretIds = ConcurrentHashMap.newKeySet();
        secretIds.add(secretId);
        appRoles.put(roleId, new AppRole(Set.of(policyNames), tokenTtl.toSeconds(), tokenMaxTtl.toSeconds(), secretIds));
        return new AppRoleCredentials(roleId, secretId);
    }

    /** A new secret_id of the role, response-wrapped: returns the single-use wrapping token. */
    public String wrappedSecretId(String roleId) {
        String secretId = UUID.randomUUID().toString();
        appRoles.get(roleId).secretIds().add(secretId);
        String wrappingToken = "hvs.wrap." + UUID.randomUUID();
        wrapped.put(wrappingToken, new JsonObject().add("secret_id", secretId)
                .add("secret_id_accessor", UUID.randomUUID().toString()).add("secret_id_ttl", 600).add("secret_id_num_uses", 0));
        return wrappingToken;
    }

    public void seal() {
        sealed = true;
    }

    public void unseal() {
        sealed = false;
    }

    /** Answers every request with {@code status} (e.g. 500) until {@link #clearFailure}. */
    public void failWith(int status) {
        failureStatus = status;
    }

    public void clearFailure() {
        failureStatus = 0;
    }

    /** Stops listening: connections are refused, as when Vault is down. */
    public void stop() {
        server.stop(0);
    }

    /** Listens again on the same port with the same state, as when Vault comes back. */
    public void restart() {
        try {
            server = bind(port);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Requests received so far, as {@code "METHOD path"} (path after /v1/, without the query). */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    /** How many requests were {@code "METHOD path"}. */
    public long count(String methodAndPath) {
        return requests.stream().filter(methodAndPath::equals).count();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private HttpServer bind(int onPort) throws IOException {
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort);
        HttpServer bound;
        if (tls == null) {
            bound = HttpServer.create(address, 64);
        } else {
            HttpsServer https = HttpsServer.create(address, 64);
            https.setHttpsConfigurator(new HttpsConfigurator(tls));
            bound = https;
        }
        bound.createContext("/", this::handle);
        bound.setExecutor(executor);
        bound.start();
        return bound;
    }

    private void handle(HttpExchange exchange) throws IOException {
        Answer answer;
        try (InputStream in = exchange.getRequestBody()) {
            String method = exchange.getRequestMethod();
            String rawPath = exchange.getRequestURI().getPath();
            String path = rawPath.startsWith("/v1/") ? rawPath.substring(4) : rawPath;
            requests.add(method + " " + path);
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            answer = answer(method, path, exchange.getRequestHeaders().getFirst("X-Vault-Token"), body);
        } catch (RuntimeException e) {
            answer = error(500, "internal error");
        }
        byte[] bytes = answer.body() == null ? new byte[0] : answer.body().toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private Answer answer(String method, String path, String tokenId, String rawBody) {
        if (failureStatus != 0) {
            return error(failureStatus, "injected failure");
        }
        if (path.equals("sys/health")) {
            return new Answer(sealed ? 503 : 200, new JsonObject().add("initialized", true).add("sealed", sealed)
                    .add("standby", false).add("version", "transit-test-double"));
        }
        if (sealed) {
            return error(503, "Vault is sealed");
        }
        JsonObject body;
        try {
            JsonValue parsed = rawBody.isBlank() ? new JsonObject() : Json.parse(rawBody);
            body = parsed.isObject() ? parsed.asObject() : new JsonObject();
        } catch (RuntimeException e) {
            return error(400, "failed to parse JSON input");
        }
        if (path.equals("auth/approle/login") && method.equals("POST")) {
            return appRoleLogin(body);
        }
        if (path.equals("sys/wrapping/unwrap") && method.equals("POST") && tokenId != null && wrapped.containsKey(tokenId)) {
            return unwrap(tokenId);
        }
        Token token = tokenId == null ? null : tokens.get(tokenId);
        if (token == null || token.expired()) {
            return error(403, "permission denied");
        }
        if (path.equals("auth/token/lookup-self") && method.equals("GET")) {
            return ok(lookup(tokenId, token), null);
        }
        if (path.equals("auth/token/renew-self") && method.equals("POST")) {
            return renew(tokenId, token);
        }
        if (!allowed(token, method, path)) {
            return error(403, "permission denied");
        }
        try {
            return route(method, path, body);
        } catch (UserError e) {
            return error(400, e.getMessage());
        }
    }

    private Answer route(String method, String path, JsonObject body) throws UserError {
        if (path.startsWith("sys/policies/acl/")) {
            String name = path.substring("sys/policies/acl/".length());
            if (method.equals("DELETE")) {
                policies.remove(name);
            } else {
                policies.put(name, parsePolicy(body.getString("policy", "")));
            }
            return new Answer(204, null);
        }
        if (path.equals("sys/wrapping/unwrap") && method.equals("POST")) {
            String wrappingToken = body.getString("token", "");
            if (!wrapped.containsKey(wrappingToken)) {
                return error(400, "wrapping token is not valid or does not exist");
            }
            return unwrap(wrappingToken);
        }
        if (path.equals("auth/token/create") && method.equals("POST")) {
            Set<String> names = new HashSet<>();
            JsonValue list = body.get("policies");
            if (list != null && list.isArray()) {
                list.asArray().forEach(p -> names.add(p.asString()));
            }
            String id = createToken(Duration.ofSeconds(seconds(body.get("ttl"), 3600)),
                    Duration.ofSeconds(seconds(body.get("explicit_max_ttl"), 0)), body.getBoolean("renewable", true),
                    names.toArray(new String[0]));
            return ok(null, auth(id, tokens.get(id), tokens.get(id).creationTtlSeconds));
        }
        Matcher matcher = Pattern.compile(Pattern.quote(MOUNT) + "/(keys|encrypt|decrypt|rewrap|sign|hmac)/([^/]+)(/rotate|/config)?")
                .matcher(path);
        if (!matcher.matches()) {
            return error(404, "unsupported path");
        }
        String operation = matcher.group(1);
        String name = matcher.group(2);
        String suffix = matcher.group(3);
        if (operation.equals("keys") && suffix == null && method.equals("POST")) {
            return createKey(name, body);
        }
        TransitKey key = keys.get(name);
        if (key == null) {
            return operation.equals("keys") && method.equals("GET") ? new Answer(404, new JsonObject().add("errors", new JsonArray()))
                    : error(400, "encryption key not found");
        }
        synchronized (key) {
            return switch (operation + (suffix == null ? "" : suffix) + " " + method) {
                case "keys GET" -> ok(describe(name, key), null);
                case "keys DELETE" -> deleteKey(name, key);
                case "keys/rotate POST" -> {
                    key.rotate();
                    yield ok(describe(name, key), null);
                }
                case "keys/config POST" -> configure(name, key, body);
                case "encrypt POST" -> batchOrSingle(key, body, this::encrypt, true);
                case "decrypt POST" -> batchOrSingle(key, body, this::decrypt, true);
                case "rewrap POST" -> batchOrSingle(key, body, this::rewrap, false);
                case "sign POST" -> ok(sign(key, body), null);
                case "hmac POST" -> ok(hmac(key, body), null);
                default -> error(405, "unsupported operation");
            };
        }
    }

    @FunctionalInterface
    private interface ItemOperation {
        JsonObject apply(TransitKey key, JsonObject item) throws UserError;
    }

    /**
     * Vault's batch semantics: {@code batch_input} must be a list (otherwise an internal error, 500); each item
     * fails alone; encrypt/decrypt answer 400 when an item failed, rewrap 200.
     */
    private Answer batchOrSingle(TransitKey key, JsonObject body, ItemOperation operation, boolean userErrorIs400)
            throws UserError {
        JsonValue batch = body.get("batch_input");
        if (batch == null) {
            return ok(operation.apply(key, body), null);
        }
        if (!batch.isArray()) {
            return error(500, "failed to parse batch input: expected a list");
        }
        if (batch.asArray().isEmpty()) {
            throw new UserError("missing batch input to process");
        }
        JsonArray results = new JsonArray();
        boolean failed = false;
        for (JsonValue item : batch.asArray()) {
            try {
                results.add(operation.apply(key, item.asObject()));
            } catch (UserError e) {
                failed = true;
                results.add(new JsonObject().add("error", e.getMessage()));
            }
        }
        JsonObject data = new JsonObject().add("batch_results", results);
        return new Answer(failed && userErrorIs400 ? 400 : 200, envelope(data, null));
    }

    private JsonObject encrypt(TransitKey key, JsonObject item) throws UserError {
        byte[] plaintext = base64(item.getString("plaintext", null), "plaintext");
        int version = item.getInt("key_version", 0) == 0 ? key.latest() : item.getInt("key_version", 0);
        if (version > key.latest() || version < 1) {
            throw new UserError("invalid key version");
        }
        if (key.minEncryptionVersion > 0 && version < key.minEncryptionVersion) {
            throw new UserError("requested version for encryption is less than the minimum encryption key version");
        }
        try {
            byte[] sealedBytes = aead(key, version, item).encrypt(plaintext, associatedData(item));
            return new JsonObject().add("ciphertext", "vault:v" + version + ":" + Base64.getEncoder().encodeToString(sealedBytes))
                    .add("key_version", version);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonObject decrypt(TransitKey key, JsonObject item) throws UserError {
        return new JsonObject().add("plaintext", Base64.getEncoder().encodeToString(open(key, item, associatedData(item))));
    }

    /** Like Vault's rewrap: decrypts and encrypts with the derivation context only, never associated_data. */
    private JsonObject rewrap(TransitKey key, JsonObject item) throws UserError {
        byte[] plaintext = open(key, item, new byte[0]);
        JsonObject encryptItem = new JsonObject().add("plaintext", Base64.getEncoder().encodeToString(plaintext))
                .add("key_version", item.getInt("key_version", 0));
        if (item.get("context") != null) {
            encryptItem.add("context", item.get("context"));
        }
        return encrypt(key, encryptItem);
    }

    private byte[] open(TransitKey key, JsonObject item, byte[] associatedData) throws UserError {
        String ciphertext = item.getString("ciphertext", "");
        if (ciphertext.isEmpty()) {
            throw new UserError("missing ciphertext to decrypt");
        }
        if (!ciphertext.startsWith("vault:")) {
            throw new UserError("invalid ciphertext: no prefix");
        }
        String[] parts = ciphertext.split(":", 3);
        if (parts.length != 3 || !parts[1].matches("v[0-9]{1,9}")) {
            throw new UserError("invalid ciphertext: wrong number of fields");
        }
        int version = Integer.parseInt(parts[1].substring(1));
        if (version < key.minDecryptionVersion) {
            throw new UserError("ciphertext or signature version is disallowed by policy (too old)");
        }
        if (version < 1 || version > key.latest()) {
            throw new UserError("invalid key version");
        }
        byte[] sealedBytes = base64(parts[2], "ciphertext");
        try {
            return aead(key, version, item).decrypt(sealedBytes, associatedData);
        } catch (GeneralSecurityException e) {
            throw new UserError("cipher: message authentication failed");
        }
    }

    private AesGcmJce aead(TransitKey key, int version, JsonObject item) throws UserError {
        if (!"aes256-gcm96".equals(key.type)) {
            throw new UserError("key type " + key.type + " does not support encryption");
        }
        byte[] material = key.versions.get(version - 1).aes();
        if (key.derived) {
            String context = item.getString("context", "");
            if (context.isEmpty()) {
                throw new UserError(MISSING_CONTEXT);
            }
            HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
            hkdf.init(new HKDFParameters(material, null, base64(context, "context")));
            material = new byte[32];
            hkdf.generateBytes(material, 0, material.length);
        }
        try {
            return new AesGcmJce(material);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] associatedData(JsonObject item) throws UserError {
        String associatedData = item.getString("associated_data", "");
        return associatedData.isEmpty() ? new byte[0] : base64(associatedData, "associated_data");
    }

    private JsonObject sign(TransitKey key, JsonObject body) throws UserError {
        if (!"ed25519".equals(key.type)) {
            throw new UserError("key type " + key.type + " does not support signing");
        }
        byte[] input = base64(body.getString("input", null), "input");
        int version = body.getInt("key_version", 0) == 0 ? key.latest() : body.getInt("key_version", 0);
        if (version < 1 || version > key.latest()) {
            throw new UserError("invalid key version");
        }
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, key.versions.get(version - 1).signing());
        signer.update(input, 0, input.length);
        return new JsonObject().add("signature", "vault:v" + version + ":"
                + Base64.getEncoder().encodeToString(signer.generateSignature())).add("key_version", version);
    }

    private JsonObject hmac(TransitKey key, JsonObject body) throws UserError {
        byte[] input = base64(body.getString("input", null), "input");
        if (!"sha2-256".equals(body.getString("algorithm", "sha2-256"))) {
            throw new UserError("unsupported algorithm in this test double");
        }
        int version = body.getInt("key_version", 0) == 0 ? key.latest() : body.getInt("key_version", 0);
        if (version < 1 || version > key.latest()) {
            throw new UserError("invalid key version");
        }
        if (key.minEncryptionVersion > 0 && version < key.minEncryptionVersion) {
            throw new UserError("cannot generate HMAC: version is too old (disallowed by policy)");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.versions.get(version - 1).hmac(), "HmacSHA256"));
            return new JsonObject().add("hmac", "vault:v" + version + ":" + Base64.getEncoder().encodeToString(mac.doFinal(input)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private Answer createKey(String name, JsonObject body) throws UserError {
        String type = body.getString("type", "aes256-gcm96");
        if (!type.equals("aes256-gcm96") && !type.equals("ed25519")) {
            throw new UserError("unsupported key type in this test double: " + type);
        }
        boolean derived = body.getBoolean("derived", false);
        if (derived && !type.equals("aes256-gcm96")) {
            throw new UserError("key derivation is not supported for " + type);
        }
        TransitKey key = keys.computeIfAbsent(name, n -> {
            TransitKey created = new TransitKey(type, derived);
            created.exportable = body.getBoolean("exportable", false);
            created.autoRotatePeriodSeconds = seconds(body.get("auto_rotate_period"), 0);
            return created;
        });
        synchronized (key) {
            return ok(describe(name, key), null);
        }
    }

    private Answer configure(String name, TransitKey key, JsonObject body) throws UserError {
        int minDecryption = body.getInt("min_decryption_version", key.minDecryptionVersion);
        int minEncryption = body.getInt("min_encryption_version", key.minEncryptionVersion);
        if (minDecryption > key.latest()) {
            throw new UserError("cannot set min decryption version of " + minDecryption + ", latest key version is " + key.latest());
        }
        if (minEncryption > key.latest()) {
            throw new UserError("cannot set min encryption version of " + minEncryption + " greater than the latest version");
        }
        if (key.exportable && body.get("exportable") != null && !body.getBoolean("exportable", true)) {
            throw new UserError("export cannot be disabled on a key that already has it enabled");
        }
        key.minDecryptionVersion = Math.max(1, minDecryption);
        key.minEncryptionVersion = minEncryption;
        key.deletionAllowed = body.getBoolean("deletion_allowed", key.deletionAllowed);
        key.exportable = key.exportable || body.getBoolean("exportable", false);
        key.autoRotatePeriodSeconds = seconds(body.get("auto_rotate_period"), key.autoRotatePeriodSeconds);
        return ok(describe(name, key), null);
    }

    private Answer deleteKey(String name, TransitKey key) throws UserError {
        if (!key.deletionAllowed) {
            throw new UserError("deletion is not allowed for this key");
        }
        keys.remove(name);
        return new Answer(204, null);
    }

    private static JsonObject describe(String name, TransitKey key) {
        JsonObject versions = new JsonObject();
        for (int v = 1; v <= key.latest(); v++) {
            KeyVersion version = key.versions.get(v - 1);
            if (version.signing() != null) {
                versions.add(Integer.toString(v), new JsonObject().add("name", "ed25519")
                        .add("public_key", Base64.getEncoder().encodeToString(version.signing().generatePublicKey().getEncoded()))
                        .add("creation_time", Instant.ofEpochSecond(version.createdSeconds()).toString()));
            } else {
                versions.add(Integer.toString(v), version.createdSeconds());
            }
        }
        boolean aead = key.type.equals("aes256-gcm96");
        JsonObject data = new JsonObject().add("name", name).add("type", key.type).add("derived", key.derived)
                .add("exportable", key.exportable).add("deletion_allowed", key.deletionAllowed)
                .add("convergent_encryption", false).add("latest_version", key.latest())
                .add("min_decryption_version", key.minDecryptionVersion).add("min_encryption_version", key.minEncryptionVersion)
                .add("min_available_version", 0).add("auto_rotate_period", key.autoRotatePeriodSeconds)
                .add("supports_encryption", aead).add("supports_decryption", aead).add("supports_derivation", aead)
                .add("supports_signing", !aead).add("keys", versions);
        if (key.derived) {
            data.add("kdf", "hkdf_sha256");
        }
        return data;
    }

    private Answer appRoleLogin(JsonObject body) {
        AppRole role = appRoles.get(body.getString("role_id", ""));
        if (role == null || !role.secretIds().contains(body.getString("secret_id", ""))) {
            return error(400, "invalid role or secret ID");
        }
        String id = createToken(Duration.ofSeconds(role.ttlSeconds()), Duration.ofSeconds(role.maxTtlSeconds()), true,
                role.policies().toArray(new String[0]));
        return ok(null, auth(id, tokens.get(id), role.ttlSeconds()));
    }

    private Answer unwrap(String wrappingToken) {
        JsonObject payload = wrapped.remove(wrappingToken);
        if (payload == null) {
            return error(400, "wrapping token is not valid or does not exist");
        }
        return ok(payload, null);
    }

    private Answer renew(String id, Token token) {
        if (!token.renewable) {
            return error(400, "lease is not renewable");
        }
        long now = System.currentTimeMillis();
        long granted = token.maxExpiresAtMillis == Long.MAX_VALUE ? token.creationTtlSeconds
                : Math.min(token.creationTtlSeconds, (token.maxExpiresAtMillis - now) / 1000);
        token.expiresAtMillis = now + granted * 1000;
        return ok(null, auth(id, token, granted));
    }

    private static JsonObject lookup(String id, Token token) {
        JsonArray names = new JsonArray();
        token.policies.forEach(names::add);
        return new JsonObject().add("id", id).add("accessor", "accessor-" + id.hashCode()).add("policies", names)
                .add("ttl", token.ttlSeconds()).add("creation_ttl", token.creationTtlSeconds).add("renewable", token.renewable)
                .add("explicit_max_ttl", 0).add("num_uses", 0).add("orphan", false).add("path", "auth/token/create")
                .add("display_name", "token").add("creation_time", Instant.now().getEpochSecond());
    }

    private static JsonObject auth(String id, Token token, long leaseSeconds) {
        JsonArray names = new JsonArray();
        token.policies.forEach(names::add);
        return new JsonObject().add("client_token", id).add("accessor", "accessor-" + id.hashCode())
                .add("policies", names).add("token_policies", names).add("metadata", Json.NULL)
                .add("lease_duration", leaseSeconds).add("renewable", token.renewable)
                .add("entity_id", "").add("token_type", "service").add("orphan", true);
    }

    private boolean allowed(Token token, String method, String path) {
        if (token.policies.contains("root")) {
            return true;
        }
        String capability = switch (method) {
            case "GET" -> "read";
            case "DELETE" -> "delete";
            default -> "update";
        };
        boolean granted = false;
        for (String name : token.policies) {
            for (Rule rule : policies.getOrDefault(name, List.of())) {
                if (rule.matches(path)) {
                    if (rule.capabilities().contains("deny")) {
                        return false;
                    }
                    granted |= rule.capabilities().contains(capability)
                            || capability.equals("update") && rule.capabilities().contains("create");
                }
            }
        }
        return granted;
    }

    /** Parses the HCL subset {@code path "<path>" { capabilities = ["read", ...] }}, ignoring comments. */
    private static List<Rule> parsePolicy(String hcl) {
        List<Rule> rules = new ArrayList<>();
        String withoutComments = hcl.replaceAll("(?m)#.*$", "");
        Matcher block = Pattern.compile("path\\s+\"([^\"]+)\"\\s*\\{([^}]*)}").matcher(withoutComments);
        while (block.find()) {
            Matcher capabilities = Pattern.compile("capabilities\\s*=\\s*\\[([^]]*)]").matcher(block.group(2));
            Set<String> granted = new HashSet<>();
            if (capabilities.find()) {
                for (String capability : capabilities.group(1).split(",")) {
                    String trimmed = capability.trim().replace("\"", "");
                    if (!trimmed.isEmpty()) {
                        granted.add(trimmed);
                    }
                }
            }
            rules.add(new Rule(block.group(1), Collections.unmodifiableSet(granted)));
        }
        return rules;
    }

    private static long seconds(JsonValue value, long otherwise) {
        if (value == null || value.isNull()) {
            return otherwise;
        }
        if (value.isNumber()) {
            return value.asLong();
        }
        Matcher matcher = Pattern.compile("([0-9]+)([smh]?)").matcher(value.asString().trim());
        if (!matcher.matches()) {
            return otherwise;
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "m" -> amount * 60;
            case "h" -> amount * 3600;
            default -> amount;
        };
    }

    private static byte[] base64(String value, String field) throws UserError {
        if (value == null) {
            throw new UserError("missing " + field);
        }
        try {
            return Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new UserError("failed to base64-decode " + field);
        }
    }

    private static Answer ok(JsonObject data, JsonObject auth) {
        return new Answer(200, envelope(data, auth));
    }

    private static JsonObject envelope(JsonObject data, JsonObject auth) {
        return new JsonObject().add("request_id", UUID.randomUUID().toString()).add("lease_id", "")
                .add("renewable", false).add("lease_duration", 0)
                .add("data", data == null ? Json.NULL : data).add("wrap_info", Json.NULL)
                .add("warnings", Json.NULL).add("auth", auth == null ? Json.NULL : auth);
    }

    private static Answer error(int status, String message) {
        return new Answer(status, new JsonObject().add("errors", new JsonArray().add(message)));
    }
}
