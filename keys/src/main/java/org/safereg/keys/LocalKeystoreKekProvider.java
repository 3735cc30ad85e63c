package org.safereg.keys;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.subtle.AesGcmJce;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.SignatureException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.NavigableMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default KEK provider: AES-256 KEK versions, a derivation root and an Ed25519 signing key in a
 * Bouncy Castle BCFKS keystore file (mode 0600), created on first use.
 *
 * <p>Keystore entries: secret keys {@code kek-v1}, {@code kek-v2}, ... (the highest present is primary; retiring
 * a version deletes its entry), the 256-bit secret {@code derive-root} ({@link #deriveSecret} is HKDF-SHA256 of
 * it with the label as info), and the private-key entry {@code sign-ed25519-v1} with a self-signed certificate.
 * All entries are protected by the keystore passphrase.
 *
 * <p>Wrapping is AES-256-GCM (Tink, random 96-bit nonce) under the KEK version's key, with associated data
 * {@code binding.associatedData() || "|kek-v<n>"}; the wrapped form is nonce, ciphertext and tag.
 *
 * <p>Thread-safe: reads use an immutable snapshot of the keys without locking; {@link #rotate} and
 * {@link #retire} are serialised, re-read the file, and replace it atomically (temporary file in the same
 * directory forced to disk, then atomic move, then the directory forced), so a crash leaves either the old or the
 * new keystore; the replaced keystore is kept beside it as {@code <name>.prev} (0600, same passphrase), one
 * generation back. After a retirement that file still holds the retired KEK version: delete it once the new
 * keystore is backed up if the retired version must be gone from the host. Opening costs one
 * keystore decryption (BCFKS password stretching, about 0.2 s on two cores; the first use in a JVM also loads
 * Bouncy Castle, about 2 s); rotate and retire about 0.5 s; wrap, unwrap, derive and sign cost microseconds.
 */
public final class LocalKeystoreKekProvider implements KekProvider {
    /** Key id of the signing key, recorded in every {@link ProviderSignature}. */
    public static final String SIGNING_KEY_ID = "local-ed25519-v1";
    static final String SIGNATURE_ALGORITHM = "Ed25519";

    private static final Logger log = LoggerFactory.getLogger(LocalKeystoreKekProvider.class);
    private static final BouncyCastleProvider BC = new BouncyCastleProvider();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String KEK_PREFIX = "kek-v";
    private static final Pattern KEK_ALIAS = Pattern.compile("kek-v([1-9][0-9]{0,8})");
    private static final String DERIVE_ROOT_ALIAS = "derive-root";
    private static final String SIGNING_ALIAS = "sign-ed25519-v1";
    private static final Pattern LABEL = Pattern.compile("[a-z0-9][a-z0-9_./-]{0,199}");
    private static final int KEY_BYTES = 32;

    /** Immutable view of the keystore's keys; replaced as a whole on every modification. */
    private record Keys(NavigableMap<KekVersion, Aead> keks, byte[] deriveRoot, PrivateKey signingKey,
                        PublicKey verificationKey) {
        KekVersion primary() {
            return keks.lastKey();
        }
    }

    private final Path file;
    private final char[] passphrase;
    private volatile Keys keys;

    private LocalKeystoreKekProvider(Path file, char[] passphrase, Keys keys) {
        this.file = file;
        this.passphrase = passphrase;
        this.keys = keys;
    }

    /**
     * Opens the keystore at {@code file}, creating it (and its parent directory, mode 0700) if absent. Throws
     * {@link KeyProviderUnavailableException} if it exists but cannot be opened (wrong passphrase, corrupt):
     * the server must refuse to start rather than create a new KEK. An existing file is never overwritten here.
     */
    public static LocalKeystoreKekProvider openOrCreate(Path file, char[] passphrase) {
        if (passphrase == null || passphrase.length == 0) {
            throw new IllegalArgumentException("keystore passphrase must not be empty");
        }
        Path path = file.toAbsolutePath();
        char[] pass = passphrase.clone();
        if (!Files.exists(path)) {
            KeyStore fresh = newKeystore(pass);
            try {
                if (SecureFiles.createNew(path, out -> store(fresh, out, pass))) {
                    log.info("Created a new KEK keystore at {}", path);
                }
            } catch (IOException e) {
                throw new KeyProviderUnavailableException("cannot create the KEK keystore at " + path, e);
            }
        }
        return new LocalKeystoreKekProvider(path, pass, readKeys(load(path, pass), pass, path));
    }

    @Override
    public WrappedKey wrap(byte[] dataKey, KeyBinding binding) {
        if (dataKey == null || dataKey.length == 0) {
            throw new IllegalArgumentException("data key must not be empty");
        }
        Keys current = keys;
        KekVersion version = current.primary();
        try {
            byte[] ciphertext = current.keks.get(version).encrypt(dataKey, associatedData(binding, version));
            return new WrappedKey(version, ciphertext);
        } catch (GeneralSecurityException e) {
            throw new KeyProviderUnavailableException("KEK wrap failed", e);
        }
    }

    @Override
    public byte[] unwrap(WrappedKey wrapped, KeyBinding binding) {
        KekVersion version = wrapped.kekVersion();
        Aead kek = keys.keks.get(version);
        if (kek == null) {
            throw new DecryptionFailedException("KEK version " + version + " is retired or unknown", null);
        }
        try {
            return kek.decrypt(wrapped.ciphertext(), associatedData(binding, version));
        } catch (GeneralSecurityException e) {
            throw new DecryptionFailedException(
                    "wrapped data key does not authenticate (altered, or bound to another subject or category)", e);
        }
    }

    @Override
    public WrappedKey rewrap(WrappedKey wrapped, KeyBinding binding) {
        byte[] dataKey = unwrap(wrapped, binding);
        try {
            return wrap(dataKey, binding);
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    @Override
    public KekVersion primaryVersion() {
        return keys.primary();
    }

    @Override
    public SortedSet<KekVersion> activeVersions() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(keys.keks.keySet()));
    }

    @Override
    public synchronized KekVersion rotate() {
        KeyStore store = load(file, passphrase);
        KekVersion next = new KekVersion(readKeys(store, passphrase, file).primary().number() + 1);
        setSecret(store, kekAlias(next), randomKey(), passphrase);
        save(store);
        log.info("KEK rotated: {} is primary", next);
        return next;
    }

    @Override
    public synchronized void retire(KekVersion version) {
        KeyStore store = load(file, passphrase);
        Keys current = readKeys(store, passphrase, file);
        if (version.equals(current.primary())) {
            throw new IllegalArgumentException("cannot retire the primary KEK version " + version);
        }
        if (!current.keks.containsKey(version)) {
            throw new IllegalArgumentException("KEK version " + version + " is not active");
        }
        try {
            store.deleteEntry(kekAlias(version));
        } catch (GeneralSecurityException e) {
            throw new KeyProviderUnavailableException("cannot modify the KEK keystore", e);
        }
        save(store);
        log.info("KEK version {} retired", version);
    }

    @Override
    public byte[] deriveSecret(String label) {
        if (label == null || !LABEL.matcher(label).matches()) {
            throw new IllegalArgumentException("derivation label must be lower-case [a-z0-9_./-], at most 200 characters");
        }
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(keys.deriveRoot, null, label.getBytes(StandardCharsets.US_ASCII)));
        byte[] secret = new byte[KEY_BYTES];
        hkdf.generateBytes(secret, 0, secret.length);
        return secret;
    }

    @Override
    public ProviderSignature sign(byte[] message) {
        try {
            Signature signer = Signature.getInstance(SIGNATURE_ALGORITHM, BC);
            signer.initSign(keys.signingKey);
            signer.update(message);
            return new ProviderSignature(SIGNING_KEY_ID, SIGNATURE_ALGORITHM, signer.sign());
        } catch (GeneralSecurityException e) {
            throw new KeyProviderUnavailableException("signing failed", e);
        }
    }

    @Override
    public boolean verify(byte[] message, ProviderSignature signature) {
        if (!SIGNING_KEY_ID.equals(signature.keyId()) || !SIGNATURE_ALGORITHM.equals(signature.algorithm())) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance(SIGNATURE_ALGORITHM, BC);
            verifier.initVerify(keys.verificationKey);
            verifier.update(message);
            return verifier.verify(signature.value());
        } catch (SignatureException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new KeyProviderUnavailableException("signature verification failed to run", e);
        }
    }

    @Override
    public List<SigningPublicKey> signingPublicKeys() {
        byte[] spki = keys.verificationKey.getEncoded();
        return List.of(new SigningPublicKey(SIGNING_KEY_ID, SIGNATURE_ALGORITHM,
                Arrays.copyOfRange(spki, spki.length - 32, spki.length)));
    }

    /** Fails when the keystore file is gone or unreadable: the keys would not survive a restart. */
    @Override
    public void checkAvailable() {
        if (!Files.isReadable(file)) {
            throw new KeyProviderUnavailableException("KEK keystore file " + file + " is missing or unreadable");
        }
    }

    private static byte[] associatedData(KeyBinding binding, KekVersion version) {
        byte[] bound = binding.associatedData();
        byte[] suffix = ("|" + kekAlias(version)).getBytes(StandardCharsets.US_ASCII);
        byte[] aad = Arrays.copyOf(bound, bound.length + suffix.length);
        System.arraycopy(suffix, 0, aad, bound.length, suffix.length);
        return aad;
    }

    private static String kekAlias(KekVersion version) {
        return KEK_PREFIX + version.number();
    }

    private static byte[] randomKey() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return key;
    }

    private static KeyStore newKeystore(char[] passphrase) {
        try {
            KeyStore store = KeyStore.getInstance("BCFKS", BC);
            store.load(null, null);
            setSecret(store, kekAlias(new KekVersion(1)), randomKey(), passphrase);
            setSecret(store, DERIVE_ROOT_ALIAS, randomKey(), passphrase);
            KeyPair pair = KeyPairGenerator.getInstance(SIGNATURE_ALGORITHM, BC).generateKeyPair();
            store.setKeyEntry(SIGNING_ALIAS, pair.getPrivate(), passphrase, new Certificate[] {selfSigned(pair)});
            return store;
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new KeyProviderUnavailableException("cannot generate the KEK keystore", e);
        }
    }

    private static X509Certificate selfSigned(KeyPair pair) throws OperatorCreationException, GeneralSecurityException {
        X500Name name = new X500Name("CN=SafeReg local signing key " + SIGNING_KEY_ID);
        Instant now = Instant.now();
        var builder = new JcaX509v3CertificateBuilder(name, new BigInteger(64, RANDOM).add(BigInteger.ONE),
                Date.from(now.minus(Duration.ofMinutes(1))), Date.from(now.plus(Duration.ofDays(365L * 100))),
                name, pair.getPublic());
        var signer = new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).setProvider(BC).build(pair.getPrivate());
        return new JcaX509CertificateConverter().setProvider(BC).getCertificate(builder.build(signer));
    }

    private static void setSecret(KeyStore store, String alias, byte[] key, char[] passphrase) {
        try {
            store.setEntry(alias, new KeyStore.SecretKeyEntry(new SecretKeySpec(key, "AES")),
                    new KeyStore.PasswordProtection(passphrase));
        } catch (GeneralSecurityException e) {
            throw new KeyProviderUnavailableException("cannot modify the KEK keystore", e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    private static void store(KeyStore store, java.io.OutputStream out, char[] passphrase) throws IOException {
        try {
            store.store(out, passphrase);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot serialise the KEK keystore", e);
        }
    }

    private void save(KeyStore store) {
        try {
            SecureFiles.replace(file, out -> store(store, out, passphrase));
        } catch (IOException e) {
            throw new KeyProviderUnavailableException("cannot write the KEK keystore " + file, e);
        }
        keys = readKeys(store, passphrase, file);
    }

    private static KeyStore load(Path file, char[] passphrase) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new KeyProviderUnavailableException("cannot read the KEK keystore " + file, e);
        }
        try {
            KeyStore store = KeyStore.getInstance("BCFKS", BC);
            store.load(new ByteArrayInputStream(bytes), passphrase);
            return store;
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new KeyProviderUnavailableException("cannot open the KEK keystore " + file
                    + ": wrong passphrase or corrupt file (it was left untouched)", e);
        }
    }

    private static Keys readKeys(KeyStore store, char[] passphrase, Path file) {
        try {
            NavigableMap<KekVersion, Aead> keks = new TreeMap<>();
            for (String alias : Collections.list(store.aliases())) {
                Matcher m = KEK_ALIAS.matcher(alias);
                if (m.matches()) {
                    byte[] raw = secret(store, alias, passphrase, file);
                    try {
                        keks.put(new KekVersion(Integer.parseInt(m.group(1))), new AesGcmJce(raw));
                    } finally {
                        Arrays.fill(raw, (byte) 0);
                    }
                }
            }
            if (keks.isEmpty()) {
                throw new KeyProviderUnavailableException("KEK keystore " + file + " holds no KEK version");
            }
            byte[] deriveRoot = secret(store, DERIVE_ROOT_ALIAS, passphrase, file);
            Key signing = store.getKey(SIGNING_ALIAS, passphrase);
            Certificate certificate = store.getCertificate(SIGNING_ALIAS);
            if (!(signing instanceof PrivateKey privateKey) || certificate == null) {
                throw new KeyProviderUnavailableException("KEK keystore " + file + " lacks entry " + SIGNING_ALIAS);
            }
            return new Keys(Collections.unmodifiableNavigableMap(keks), deriveRoot, privateKey, certificate.getPublicKey());
        } catch (GeneralSecurityException e) {
            throw new KeyProviderUnavailableException("cannot read keys from the KEK keystore " + file, e);
        }
    }

    private static byte[] secret(KeyStore store, String alias, char[] passphrase, Path file)
            throws GeneralSecurityException {
        byte[] raw = store.getKey(alias, passphrase) instanceof SecretKey secretKey ? secretKey.getEncoded() : null;
        if (raw == null || raw.length != KEY_BYTES) {
            throw new KeyProviderUnavailableException("KEK keystore " + file + " lacks a 256-bit entry " + alias);
        }
        return raw;
    }
}
