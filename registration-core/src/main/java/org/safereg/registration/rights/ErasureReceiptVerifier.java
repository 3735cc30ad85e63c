package org.safereg.registration.rights;

import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import org.safereg.keys.ProviderSignature;
import org.safereg.keys.SigningPublicKey;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Offline verification of a {@link SignedErasureReceipt} document: needs only the document and the signing
 * public key (as exported by {@code GET /api/v1/keys/signing-key}), no server, database or key provider.
 * Re-encodes the {@code receipt} object canonically ({@link CanonicalJson}), so reformatting the file (indentation,
 * key order) does not break the signature, while any change of a value does. Stateless; thread-safe; costs one
 * JSON parse and one Ed25519 verification.
 */
public final class ErasureReceiptVerifier {
    private ErasureReceiptVerifier() {
    }

    /** Outcome of a verification. */
    public enum Outcome {
        /** The signature over the receipt is valid for the key. */
        VALID,
        /** The document is well-formed, but the signature does not match the receipt and key. */
        BAD_SIGNATURE,
        /** Not a receipt document of a known format. */
        MALFORMED
    }

    /**
     * @param subjectId the receipt's subject id, when the document could be read
     * @param keyId the signing key id the document names, when it could be read
     */
    public record Verification(Outcome outcome, Optional<String> subjectId, Optional<String> keyId) {
        public boolean valid() {
            return outcome == Outcome.VALID;
        }
    }

    /** Verifies the receipt document {@code json} against {@code key}. */
    public static Verification verify(String json, SigningPublicKey key) {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(key, "key");
        JsonNode document;
        try {
            document = CanonicalJson.MAPPER.readTree(json);
        } catch (JacksonException e) {
            return malformed();
        }
        JsonNode receipt = document == null ? null : document.get("receipt");
        JsonNode signature = document == null ? null : document.get("signature");
        if (receipt == null || !receipt.isObject() || signature == null || !signature.isObject()
                || !ErasureReceipt.FORMAT.equals(text(receipt, "format")) || text(receipt, "subjectId") == null
                || text(signature, "keyId") == null || text(signature, "algorithm") == null
                || text(signature, "value") == null) {
            return malformed();
        }
        Optional<String> subject = Optional.of(text(receipt, "subjectId"));
        Optional<String> keyId = Optional.of(text(signature, "keyId"));
        byte[] signed;
        byte[] value;
        try {
            signed = CanonicalJson.encode(receipt);
            value = Base64.getDecoder().decode(text(signature, "value"));
        } catch (IllegalArgumentException e) {
            return new Verification(Outcome.MALFORMED, subject, keyId);
        }
        boolean valid = key.verify(signed, new ProviderSignature(keyId.get(), text(signature, "algorithm"), value));
        return new Verification(valid ? Outcome.VALID : Outcome.BAD_SIGNATURE, subject, keyId);
    }

    private static Verification malformed() {
        return new Verification(Outcome.MALFORMED, Optional.empty(), Optional.empty());
    }

    private static String text(JsonNode object, String field) {
        JsonNode value = object.get(field);
        return value != null && value.isString() ? value.asString() : null;
    }
}
