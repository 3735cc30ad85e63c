package org.safereg.keys.vault;

import io.github.jopenlibs.vault.json.JsonArray;
import io.github.jopenlibs.vault.json.JsonObject;
import io.github.jopenlibs.vault.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.safereg.keys.DecryptionFailedException;
import org.safereg.keys.KekProvider;
import org.safereg.keys.KekVersion;
import org.safereg.keys.KeyBinding;
import org.safereg.keys.KeyProviderUnavailableException;
import org.safereg.keys.ProviderSignature;
import org.safereg.keys.SigningPublicKey;
import org.safereg.keys.WrappedKey;
import org.safereg.keys.WrappedKeyRepository.StoredKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The production KEK provider: HashiCorp Vault's Transit engine, through io.github.jopenlibs:vault-java-driver.
 * The KEK, the signing key and the derivation key never leave Vault; this class sees only ciphertexts, data keys
 * it asked Vault to unwrap, signatures, public keys and derived secrets.
 *
 * <ul>
 *   <li>{@link #wrap}/{@link #unwrap}: {@code transit/encrypt} / {@code transit/decrypt} of the KEK key. The
 *       binding ({@link KeyBinding#associatedData()}) is authenticated with every wrap. With a KEK created
 *       {@code derived=true} (recommended) it is sent as the derivation {@code context}; with a non-derived key
 *       as {@code associated_data}. The mode is read from the key, never configured.
 *       {@link WrappedKey#ciphertext()} holds the whole {@code vault:vN:...} string (ASCII) and
 *       {@link WrappedKey#kekVersion()} its {@code N}.</li>
 *   <li>{@link #rewrap}: {@code transit/rewrap}, so the data key never reaches this process, for derived KEKs.
 *       Vault's rewrap endpoint does not take {@code associated_data} (hashicorp/vault#29532, #31791), so for a
 *       non-derived KEK re-wrap is decrypt + encrypt here, the data key zeroed at once.</li>
 *   <li>{@link #unwrapAll}/{@link #rewrapAll}: {@code batch_input} requests of up to {@value #BATCH_CHUNK} items,
 *       with per-item errors.</li>
 *   <li>{@link #primaryVersion}/{@link #activeVersions}: {@code latest_version} and the versions at or above
 *       {@code min_decryption_version} of {@code transit/keys/<kek>}. Rotation and retirement are operator actions
 *       in Vault: {@link #rotate} and {@link #retire} throw {@link UnsupportedOperationException}.</li>
 *   <li>{@link #sign}: {@code transit/sign} with the ed25519 signing key; {@link #verify} runs offline on the
 *       public keys of {@code transit/keys/<signing key>}, fetched once per version and cached.</li>
 *   <li>{@link #deriveSecret}: {@code transit/hmac} (SHA-256) of the label with the derivation key pinned to
 *       version 1, so rotating that key never changes blind indexes or pseudonyms.</li>
 * </ul>
 *
 * <p>Unwrapped data keys are cached in memory, bounded in number and lifetime
 * ({@link VaultTransitConfig#dataKeyCacheSize()}, {@link VaultTransitConfig#dataKeyCacheTtl()}), keyed by ciphertext
 * and binding. Fail closed: Vault unreachable, sealed, failing or refusing service makes every call throw
 * {@link KeyProviderUnavailableException} and empties that cache; there is no remembered failure state, so the
 * first call after Vault is back succeeds.
 *
 * <p>Thread-safe. Each call that reaches Vault costs one HTTP round trip (about a millisecond on a LAN plus
 * Vault's own work); cache hits, {@link #verify} with a known key version and argument checks cost microseconds.
 * {@link #close} stops the token renewer.
 */
public final class VaultTransitKekProvider implements KekProvider, AutoCloseable {
    /** Signature algorithm of {@link #sign}. */
    public static final String SIGNATURE_ALGORITHM = "Ed25519";
    /** Items per {@code batch_input} request. */
    public static final int BATCH_CHUNK = 250;

    /** How the binding reaches Vault; fixed by the KEK's {@code derived} flag. */
    enum BindingMode {
        /** Derived KEK: the binding is the key-derivation {@code context}; {@code transit/rewrap} works. */
        DERIVED_CONTEXT("context"),
        /** Non-derived KEK: the binding is AEAD {@code associated_data}; re-wrap happens in this process. */
        ASSOCIATED_DATA("associated_data");

        final String field;

        BindingMode(String field) {
            this.field = field;
        }
    }

    private static final Logger log = LoggerFactory.getLogger(VaultTransitKekProvider.class);
    private static final Set<String> AEAD_KEY_TYPES = Set.of("aes256-gcm96", "aes128-gcm96", "chacha20-poly1305");
    private static final Pattern CIPHERTEXT = Pattern.compile("vault:v([1-9][0-9]{0,8}):[A-Za-z0-9+/]+={0,2}");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9][a-z0-9_./-]{0,199}");
    private static final String DERIVATION_DOMAIN = "safereg-derive-v1|";
    private static final int SECRET_BYTES = 32;
    private static final Base64.Encoder B64 = Base64.getEncoder();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private final VaultTransitConfig config;
    private final ScheduledExecutorService scheduler;
    private final DataKeyCache cache;
    private final VaultSession session;
    private final String encryptPath;
    private final String decryptPath;
    private final String rewrapPath;
    private final String kekPath;
    private final String signPath;
    private final String signingKeyPath;
    private final String hmacPath;
    private final String derivationKeyPath;
    private final String keyIdPrefix;
    private final Map<Integer, Ed25519PublicKeyParameters> publicKeys = new ConcurrentHashMap<>();
    private volatile BindingMode bindingMode;

    private VaultTransitKekProvider(VaultTransitConfig config) {
        this.config = config;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "vault-transit-renewer");
            thread.setDaemon(true);
            return thread;
        });
        this.cache = new DataKeyCache(config.dataKeyCacheSize(), config.dataKeyCacheTtl(), System::nanoTime);
        this.session = new VaultSession(config, scheduler, cache::clear);
        String mount = config.transitMount();
        this.encryptPath = mount + "/encrypt/" + config.kekKeyName();
        this.decryptPath = mount + "/decrypt/" + config.kekKeyName();
        this.rewrapPath = mount + "/rewrap/" + config.kekKeyName();
        this.kekPath = mount + "/keys/" + config.kekKeyName();
        this.signPath = mount + "/sign/" + config.signingKeyName();
        this.signingKeyPath = mount + "/keys/" + config.signingKeyName();
        this.hmacPath = mount + "/hmac/" + config.derivationKeyName();
        this.derivationKeyPath = mount + "/keys/" + config.derivationKeyName();
        this.keyIdPrefix = "vault:" + config.signingKeyName() + ":v";
        if (cache.enabled()) {
            long period = Math.max(1, config.dataKeyCacheTtl().toMillis());
            scheduler.scheduleAtFixedRate(cache::sweep, period, period, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Connects to Vault: logs in and checks the three Transit keys (the KEK must be an AEAD key, the signing
     * key ed25519, all must exist) and caches the signing public keys. Throws {@link IllegalStateException}
     * when Vault answers that a key is missing or of the wrong type. When Vault cannot be reached, is sealed or
     * refuses the login, it logs a warning and returns anyway: every call then fails closed until Vault serves,
     * and the checks run on first use.
     */
    public static VaultTransitKekProvider connect(VaultTransitConfig config) {
        VaultTransitKekProvider provider = new VaultTransitKekProvider(config);
        try {
            provider.kekKey();
            provider.loadSigningKeys();
            provider.readKey(provider.derivationKeyPath);
        } catch (KeyProviderUnavailableException e) {
            log.warn("Vault Transit is not available yet ({}); key operations fail until it is", e.getMessage());
        } catch (RuntimeException e) {
            provider.close();
            throw e;
        }
        return provider;
    }

    @Override
    public WrappedKey wrap(byte[] dataKey, KeyBinding binding) {
        if (dataKey == null || dataKey.length == 0) {
            throw new IllegalArgumentException("data key must not be empty");
        }
        BindingMode mode = bindingMode();
        VaultSession.Reply reply = session.write(encryptPath, Map.of(
                "plaintext", B64.encodeToString(dataKey), mode.field, bindingValue(binding)));
        String ciphertext = ok(reply, encryptPath).getString("ciphertext", "");
        WrappedKey wrapped = new WrappedKey(versionOf(ciphertext), ciphertext.getBytes(StandardCharsets.US_ASCII));
        cache.put(ciphertext, binding, dataKey);
        return wrapped;
    }

    @Override
    public byte[] unwrap(WrappedKey wrapped, KeyBinding binding) {
        String ciphertext = ciphertextOf(wrapped);
        byte[] cached = cache.get(ciphertext, binding);
        if (cached != null) {
            return cached;
        }
        BindingMode mode = bindingMode();
        VaultSession.Reply reply = session.write(decryptPath, Map.of(
                "ciphertext", ciphertext, mode.field, bindingValue(binding)));
        if (reply.status() == 400) {
            throw decryptionFailed(reply, wrapped.kekVersion());
        }
        byte[] dataKey = decode(ok(reply, decryptPath).getString("plaintext", ""));
        cache.put(ciphertext, binding, dataKey);
        return dataKey;
    }

    @Override
    public WrappedKey rewrap(WrappedKey wrapped, KeyBinding binding) {
        if (bindingMode() == BindingMode.ASSOCIATED_DATA) {
            byte[] dataKey = unwrap(wrapped, binding);
            try {
                return wrap(dataKey, binding);
            } finally {
                Arrays.fill(dataKey, (byte) 0);
            }
        }
        VaultSession.Reply reply = session.write(rewrapPath, Map.of(
                "ciphertext", ciphertextOf(wrapped), BindingMode.DERIVED_CONTEXT.field, bindingValue(binding)));
        if (reply.status() == 400) {
            throw decryptionFailed(reply, wrapped.kekVersion());
        }
        String ciphertext = ok(reply, rewrapPath).getString("ciphertext", "");
        return new WrappedKey(versionOf(ciphertext), ciphertext.getBytes(StandardCharsets.US_ASCII));
    }

    /** One {@code transit/decrypt} request per {@value #BATCH_CHUNK} keys not in the cache. */
    @Override
    public List<Optional<byte[]>> unwrapAll(List<StoredKey> keys) {
        List<Optional<byte[]>> results = new ArrayList<>(Collections.nCopies(keys.size(), Optional.empty()));
        List<Integer> pending = new ArrayList<>();
        List<JsonObject> items = new ArrayList<>();
        BindingMode mode = null;
        for (int i = 0; i < keys.size(); i++) {
            StoredKey key = keys.get(i);
            String ciphertext = validCiphertextOrNull(key.wrapped());
            if (ciphertext == null) {
                continue;
            }
            byte[] cached = cache.get(ciphertext, key.binding());
            if (cached != null) {
                results.set(i, Optional.of(cached));
                continue;
            }
            mode = mode == null ? bindingMode() : mode;
            pending.add(i);
            items.add(new JsonObject().add("ciphertext", ciphertext).add(mode.field, bindingValue(key.binding())));
        }
        List<JsonObject> answers = batch(decryptPath, items);
        for (int j = 0; j < pending.size(); j++) {
            JsonObject answer = answers.get(j);
            if (!failed(answer)) {
                int i = pending.get(j);
                byte[] dataKey = decode(answer.getString("plaintext", ""));
                cache.put(items.get(j).getString("ciphertext", ""), keys.get(i).binding(), dataKey);
                results.set(i, Optional.of(dataKey));
            }
        }
        return results;
    }

    /**
     * Derived KEK: one {@code transit/rewrap} request per {@value #BATCH_CHUNK} keys. Non-derived KEK: a batch
     * decrypt and a batch encrypt, the data keys zeroed at once.
     */
    @Override
    public List<Optional<WrappedKey>> rewrapAll(List<StoredKey> keys) {
        BindingMode mode = bindingMode();
        List<Optional<WrappedKey>> results = new ArrayList<>(Collections.nCopies(keys.size(), Optional.empty()));
        List<Integer> pending = new ArrayList<>();
        List<JsonObject> items = new ArrayList<>();
        List<Optional<byte[]>> dataKeys = mode == BindingMode.ASSOCIATED_DATA ? unwrapAll(keys) : null;
        try {
            for (int i = 0; i < keys.size(); i++) {
                KeyBinding binding = keys.get(i).binding();
                if (dataKeys == null) {
                    String ciphertext = validCiphertextOrNull(keys.get(i).wrapped());
                    if (ciphertext != null) {
                        pending.add(i);
                        items.add(new JsonObject().add("ciphertext", ciphertext).add(mode.field, bindingValue(binding)));
                    }
                } else if (dataKeys.get(i).isPresent()) {
                    pending.add(i);
                    items.add(new JsonObject().add("plaintext", B64.encodeToString(dataKeys.get(i).get()))
                            .add(mode.field, bindingValue(binding)));
                }
            }
            String path = dataKeys == null ? rewrapPath : encryptPath;
            List<JsonObject> answers = batch(path, items);
            for (int j = 0; j < pending.size(); j++) {
                JsonObject answer = answers.get(j);
                if (failed(answer)) {
                    if (dataKeys != null) {
                        throw new KeyProviderUnavailableException("Vault refused to encrypt a data key: "
                                + answer.getString("error", ""));
                    }
                    continue;
                }
                String ciphertext = answer.getString("ciphertext", "");
                results.set(pending.get(j), Optional.of(
                        new WrappedKey(versionOf(ciphertext), ciphertext.getBytes(StandardCharsets.US_ASCII))));
            }
            return results;
        } finally {
            if (dataKeys != null) {
                dataKeys.forEach(key -> key.ifPresent(bytes -> Arrays.fill(bytes, (byte) 0)));
            }
        }
    }

    /** {@code latest_version} of the KEK key (one Vault read). */
    @Override
    public KekVersion primaryVersion() {
        return new KekVersion(kekKey().getInt("latest_version", 0));
    }

    /** Versions of the KEK key at or above its {@code min_decryption_version} (one Vault read). */
    @Override
    public SortedSet<KekVersion> activeVersions() {
        JsonObject key = kekKey();
        int latest = key.getInt("latest_version", 0);
        int min = Math.max(1, key.getInt("min_decryption_version", 1));
        TreeSet<KekVersion> versions = new TreeSet<>();
        JsonValue present = key.get("keys");
        if (present != null && present.isObject()) {
            for (String name : present.asObject().names()) {
                int version = Integer.parseInt(name);
                if (version >= min && version <= latest) {
                    versions.add(new KekVersion(version));
                }
            }
        }
        return Collections.unmodifiableSortedSet(versions);
    }

    /** Always throws: rotation is an operator action in Vault ({@code vault write -f transit/keys/<kek>/rotate}). */
    @Override
    public KekVersion rotate() {
        throw new UnsupportedOperationException("KEK rotation is an operator action in Vault: vault write -f "
                + kekPath + "/rotate (or auto_rotate_period), then run the re-wrap job");
    }

    /** Always throws: retirement is an operator action in Vault (raising {@code min_decryption_version}). */
    @Override
    public void retire(KekVersion version) {
        throw new UnsupportedOperationException("KEK retirement is an operator action in Vault: once no data key is"
                + " wrapped by " + version + ", vault write " + kekPath + "/config min_decryption_version=<n>");
    }

    @Override
    public byte[] deriveSecret(String label) {
        if (label == null || !LABEL.matcher(label).matches()) {
            throw new IllegalArgumentException("derivation label must be lower-case [a-z0-9_./-], at most 200 characters");
        }
        byte[] input = (DERIVATION_DOMAIN + label).getBytes(StandardCharsets.US_ASCII);
        VaultSession.Reply reply = session.write(hmacPath, Map.of(
                "input", B64.encodeToString(input), "key_version", 1, "algorithm", "sha2-256"));
        byte[] secret = decode(payloadOf(ok(reply, hmacPath).getString("hmac", ""), 1));
        if (secret.length != SECRET_BYTES) {
            throw new KeyProviderUnavailableException("Vault returned an HMAC of unexpected length");
        }
        return secret;
    }

    @Override
    public ProviderSignature sign(byte[] message) {
        VaultSession.Reply reply = session.write(signPath, Map.of("input", B64.encodeToString(message)));
        String signature = ok(reply, signPath).getString("signature", "");
        int version = versionOf(signature).number();
        return new ProviderSignature(keyIdPrefix + version, SIGNATURE_ALGORITHM, decode(payloadOf(signature, version)));
    }

    /**
     * Verifies with the cached public key of the signature's key version; only a version not seen before costs
     * one Vault read. Returns false for another key, algorithm or version Vault does not have.
     */
    @Override
    public boolean verify(byte[] message, ProviderSignature signature) {
        if (!SIGNATURE_ALGORITHM.equals(signature.algorithm()) || !signature.keyId().startsWith(keyIdPrefix)) {
            return false;
        }
        int version;
        try {
            version = Integer.parseInt(signature.keyId().substring(keyIdPrefix.length()));
        } catch (NumberFormatException e) {
            return false;
        }
        Ed25519PublicKeyParameters publicKey = publicKeys.get(version);
        if (publicKey == null) {
            loadSigningKeys();
            publicKey = publicKeys.get(version);
        }
        byte[] value = signature.value();
        if (publicKey == null || value.length != Ed25519PublicKeyParameters.KEY_SIZE * 2) {
            return false;
        }
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, publicKey);
        verifier.update(message, 0, message.length);
        return verifier.verifySignature(value);
    }

    /** Reads the signing key's versions from Vault (one read), so a version created since start is listed. */
    @Override
    public List<SigningPublicKey> signingPublicKeys() {
        loadSigningKeys();
        return new TreeMap<>(publicKeys).entrySet().stream()
                .map(e -> new SigningPublicKey(keyIdPrefix + e.getKey(), SIGNATURE_ALGORITHM, e.getValue().getEncoded()))
                .toList();
    }

    /** Reads the KEK's metadata: proves Vault is reachable and unsealed and the token valid and allowed. */
    @Override
    public void checkAvailable() {
        kekKey();
    }

    /** Stops the token renewer and zeroes the data-key cache. */
    @Override
    public void close() {
        session.close();
        scheduler.shutdownNow();
        cache.clear();
    }

    BindingMode bindingMode() {
        BindingMode mode = bindingMode;
        if (mode == null) {
            kekKey();
            mode = bindingMode;
        }
        return mode;
    }

    int cachedDataKeys() {
        return cache.size();
    }

    private JsonObject kekKey() {
        JsonObject key = readKey(kekPath);
        if (bindingMode == null) {
            String type = key.getString("type", "");
            if (!AEAD_KEY_TYPES.contains(type) || key.getBoolean("convergent_encryption", false)) {
                throw new IllegalStateException("Transit key " + config.kekKeyName() + " must be a non-convergent"
                        + " AEAD key (aes256-gcm96), not " + type);
            }
            if (key.getBoolean("derived", false)) {
                bindingMode = BindingMode.DERIVED_CONTEXT;
            } else {
                log.warn("Transit key {} is not derived: the binding goes in associated_data, which Vault's rewrap does"
                        + " not accept, so re-wrap decrypts and re-encrypts in this process. Prefer a KEK created with"
                        + " derived=true (docs/operations/vault.md).", config.kekKeyName());
                bindingMode = BindingMode.ASSOCIATED_DATA;
            }
        }
        return key;
    }

    private void loadSigningKeys() {
        JsonObject key = readKey(signingKeyPath);
        if (!"ed25519".equals(key.getString("type", ""))) {
            throw new IllegalStateException("Transit key " + config.signingKeyName() + " must be of type ed25519");
        }
        JsonValue versions = key.get("keys");
        if (versions == null || !versions.isObject()) {
            return;
        }
        for (JsonObject.Member member : versions.asObject()) {
            if (member.getValue().isObject()) {
                String publicKey = member.getValue().asObject().getString("public_key", "");
                byte[] raw = decode(publicKey);
                if (raw.length == Ed25519PublicKeyParameters.KEY_SIZE) {
                    publicKeys.put(Integer.parseInt(member.getName()), new Ed25519PublicKeyParameters(raw, 0));
                }
            }
        }
    }

    /** The {@code data} of {@code transit/keys/<name>}; a missing key is a deployment error. */
    private JsonObject readKey(String path) {
        VaultSession.Reply reply = session.read(path);
        if (reply.status() == 404) {
            throw new IllegalStateException("Transit key not found at " + path + ": create it as described in"
                    + " docs/operations/vault.md");
        }
        return ok(reply, path);
    }

    /** The reply's data when Vault answered 200/204; otherwise fails closed. */
    private JsonObject ok(VaultSession.Reply reply, String path) {
        if (reply.status() != 200 && reply.status() != 204) {
            throw session.failure(reply, path);
        }
        return reply.data();
    }

    /**
     * Per-item answers to {@code items}, sent as {@code batch_input} (a driver JsonArray, never a Java list) in
     * chunks. Vault answers 200, or 400 when an item failed, with {@code batch_results} in both cases.
     */
    private List<JsonObject> batch(String path, List<JsonObject> items) {
        List<JsonObject> answers = new ArrayList<>(items.size());
        for (int from = 0; from < items.size(); from += BATCH_CHUNK) {
            List<JsonObject> chunk = items.subList(from, Math.min(items.size(), from + BATCH_CHUNK));
            JsonArray input = new JsonArray();
            chunk.forEach(input::add);
            VaultSession.Reply reply = session.write(path, Map.of("batch_input", input));
            JsonValue results = reply.data().get("batch_results");
            if ((reply.status() != 200 && reply.status() != 400) || results == null || !results.isArray()
                    || results.asArray().size() != chunk.size()) {
                throw session.failure(reply, path);
            }
            for (JsonValue result : results.asArray()) {
                answers.add(result.isObject() ? result.asObject() : new JsonObject().add("error", "malformed item"));
            }
        }
        return answers;
    }

    private static boolean failed(JsonObject answer) {
        return !answer.getString("error", "").isEmpty();
    }

    private DecryptionFailedException decryptionFailed(VaultSession.Reply reply, KekVersion version) {
        String errors = reply.errors();
        if (errors.contains("not found")) {
            throw session.failure(reply, decryptPath);
        }
        if (errors.contains("disallowed by policy")) {
            return new DecryptionFailedException("KEK version " + version
                    + " is retired in Vault (below min_decryption_version)", null);
        }
        return new DecryptionFailedException(
                "wrapped data key does not authenticate (altered, or bound to another subject or category)", null);
    }

    private static String bindingValue(KeyBinding binding) {
        return B64.encodeToString(binding.associatedData());
    }

    /** The stored ciphertext, checked to be a Transit ciphertext of the version the row records. */
    private static String ciphertextOf(WrappedKey wrapped) {
        String ciphertext = validCiphertextOrNull(wrapped);
        if (ciphertext == null) {
            throw new DecryptionFailedException("wrapped data key is not a Transit ciphertext of its recorded KEK version", null);
        }
        return ciphertext;
    }

    private static String validCiphertextOrNull(WrappedKey wrapped) {
        String ciphertext = new String(wrapped.ciphertext(), StandardCharsets.ISO_8859_1);
        Matcher matcher = CIPHERTEXT.matcher(ciphertext);
        return matcher.matches() && Integer.parseInt(matcher.group(1)) == wrapped.kekVersion().number() ? ciphertext : null;
    }

    /** N of a {@code vault:vN:...} value returned by Vault. */
    private static KekVersion versionOf(String value) {
        Matcher matcher = CIPHERTEXT.matcher(value);
        if (!matcher.matches()) {
            throw new KeyProviderUnavailableException("Vault returned a value without the vault:vN: prefix");
        }
        return new KekVersion(Integer.parseInt(matcher.group(1)));
    }

    private static String payloadOf(String value, int version) {
        String prefix = "vault:v" + version + ":";
        if (!value.startsWith(prefix)) {
            throw new KeyProviderUnavailableException("Vault returned a value of an unexpected key version");
        }
        return value.substring(prefix.length());
    }

    private static byte[] decode(String base64) {
        try {
            return B64D.decode(base64);
        } catch (IllegalArgumentException e) {
            throw new KeyProviderUnavailableException("Vault returned malformed base64");
        }
    }
}
