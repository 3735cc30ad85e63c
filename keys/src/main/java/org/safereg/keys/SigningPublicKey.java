package org.safereg.keys;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * A public key that verifies the key provider's {@linkplain KekProvider#sign signatures} without the provider
 * (offline: a verifier needs only this key, for example as the PEM file {@link #pem()} writes, which
 * {@code openssl pkeyutl -verify -pubin -rawin} reads as well).
 *
 * <p>Immutable and thread-safe; {@link #verify} costs one Ed25519 verification (tens of microseconds).
 *
 * @param keyId the key id the provider records in its signatures ({@link ProviderSignature#keyId()}), e.g.
 *        {@code local-ed25519-v1} or {@code vault:safereg-signing:v2}
 * @param algorithm {@code Ed25519}
 */
public record SigningPublicKey(String keyId, String algorithm, byte[] raw) {
    /** The only algorithm the providers sign with. */
    public static final String ED25519 = "Ed25519";

    /** DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410): SEQUENCE { SEQUENCE { OID 1.3.101.112 }, BIT STRING }. */
    private static final byte[] SPKI_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};
    private static final String PEM_BEGIN = "-----BEGIN PUBLIC KEY-----";
    private static final String PEM_END = "-----END PUBLIC KEY-----";

    /**
     * @param raw the 32-byte Ed25519 public key
     * @throws IllegalArgumentException another algorithm or a key of the wrong length
     */
    public SigningPublicKey {
        Objects.requireNonNull(keyId, "keyId");
        if (!ED25519.equals(algorithm)) {
            throw new IllegalArgumentException("only Ed25519 signing keys are supported");
        }
        if (raw == null || raw.length != Ed25519PublicKeyParameters.KEY_SIZE) {
            throw new IllegalArgumentException("an Ed25519 public key has 32 bytes");
        }
        raw = raw.clone();
    }

    @Override
    public byte[] raw() {
        return raw.clone();
    }

    /** The X.509 SubjectPublicKeyInfo (DER) of the key. */
    public byte[] subjectPublicKeyInfo() {
        byte[] der = Arrays.copyOf(SPKI_PREFIX, SPKI_PREFIX.length + raw.length);
        System.arraycopy(raw, 0, der, SPKI_PREFIX.length, raw.length);
        return der;
    }

    /** The key as a PEM {@code PUBLIC KEY} block (SubjectPublicKeyInfo), ending with a newline. */
    public String pem() {
        return PEM_BEGIN + "\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(subjectPublicKeyInfo())
                + "\n" + PEM_END + "\n";
    }

    /**
     * Reads a PEM {@code PUBLIC KEY} block holding an Ed25519 key (as {@link #pem()} or
     * {@code openssl pkey -pubout} write it), naming it {@code keyId}.
     *
     * @throws IllegalArgumentException not a PEM Ed25519 public key
     */
    public static SigningPublicKey fromPem(String keyId, String pem) {
        Objects.requireNonNull(pem, "pem");
        int begin = pem.indexOf(PEM_BEGIN);
        int end = pem.indexOf(PEM_END);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("not a PEM PUBLIC KEY block");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(pem.substring(begin + PEM_BEGIN.length(), end)
                    .getBytes(StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the PEM block is not valid base64");
        }
        if (der.length != SPKI_PREFIX.length + Ed25519PublicKeyParameters.KEY_SIZE
                || !Arrays.equals(SPKI_PREFIX, Arrays.copyOf(der, SPKI_PREFIX.length))) {
            throw new IllegalArgumentException("the PEM block is not an Ed25519 public key");
        }
        return new SigningPublicKey(keyId, ED25519, Arrays.copyOfRange(der, SPKI_PREFIX.length, der.length));
    }

    /**
     * Whether {@code signature} is this key's valid Ed25519 signature over {@code message}. The signature's key
     * id is not compared (a key read from a PEM file has no id of its own): compare it separately if needed.
     */
    public boolean verify(byte[] message, ProviderSignature signature) {
        byte[] value = signature.value();
        if (!ED25519.equals(signature.algorithm()) || value.length != Ed25519PublicKeyParameters.KEY_SIZE * 2) {
            return false;
        }
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, new Ed25519PublicKeyParameters(raw, 0));
        verifier.update(message, 0, message.length);
        return verifier.verifySignature(value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SigningPublicKey k && keyId.equals(k.keyId) && algorithm.equals(k.algorithm)
                && Arrays.equals(raw, k.raw);
    }

    @Override
    public int hashCode() {
        return Objects.hash(keyId, algorithm, Arrays.hashCode(raw));
    }

    @Override
    public String toString() {
        return "SigningPublicKey[" + keyId + ", " + algorithm + "]";
    }
}
