package org.safereg.registration.rights;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.safereg.keys.ProviderSignature;

/**
 * An {@link ErasureReceipt} signed by the key provider over its canonical bytes ({@link ErasureReceipt#canonical()},
 * kept exactly as signed). {@link #json()} is the document handed to the requester and verified offline by
 * {@link ErasureReceiptVerifier} (or with jq and openssl, see docs/privacy.md):
 * <pre>{"receipt":{...},"signature":{"algorithm":"Ed25519","keyId":"...","value":"&lt;base64&gt;"}}</pre>
 * Immutable; only {@link ErasureReceipts} creates them.
 */
public final class SignedErasureReceipt {
    private final ErasureReceipt receipt;
    private final String signedReceipt;
    private final ProviderSignature signature;

    SignedErasureReceipt(ErasureReceipt receipt, String signedReceipt, ProviderSignature signature) {
        this.receipt = Objects.requireNonNull(receipt, "receipt");
        this.signedReceipt = Objects.requireNonNull(signedReceipt, "signedReceipt");
        this.signature = Objects.requireNonNull(signature, "signature");
    }

    public ErasureReceipt receipt() {
        return receipt;
    }

    public ProviderSignature signature() {
        return signature;
    }

    /** The signed document as canonical JSON: the receipt exactly as signed, and the signature. */
    public String json() {
        Map<String, Object> sig = new LinkedHashMap<>();
        sig.put("keyId", signature.keyId());
        sig.put("algorithm", signature.algorithm());
        sig.put("value", Base64.getEncoder().encodeToString(signature.value()));
        // keys in order ("receipt" < "signature"), and the receipt is canonical already: the whole is canonical
        return "{\"receipt\":" + signedReceipt + ",\"signature\":"
                + new String(CanonicalJson.encode(sig), StandardCharsets.UTF_8) + "}";
    }
}
