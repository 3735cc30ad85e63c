package org.safereg.api.keys;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.safereg.keys.KekProvider;
import org.safereg.keys.KekRotation;
import org.safereg.keys.KekVersion;
import org.safereg.registration.RegistrationCore;
import org.safereg.registration.RequestContext;
import org.safereg.registration.ValidationException;
import org.safereg.registration.keys.KeyManagementService;
import org.safereg.registration.keys.KeyStatus;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * DATA_PROTECTION_OFFICER (purpose ADMIN.KEYS): KEK rotation, re-wrap of stored data keys to the primary
 * version, retirement of old versions, status. Re-wrap runs while the server serves requests and can be
 * interrupted and resumed. With the Vault Transit provider rotation and retirement are operator actions in Vault
 * (409 {@code operator-action-required}); re-wrap and status work the same.
 */
@RestController
@RequestMapping("/api/v1/keys")
@Tag(name = "Key management")
@Validated
class KeyManagementController {
    private final KeyManagementService keys;
    private final KekProvider kek;

    KeyManagementController(RegistrationCore core, KekProvider kek) {
        this.keys = core.keyManagement();
        this.kek = kek;
    }

    record RotationView(int primaryVersion) {
    }

    record RewrapView(int primaryVersion, int rewrapped, long remaining, boolean done) {
        static RewrapView of(KekRotation.Progress p) {
            return new RewrapView(p.primary().number(), p.rewrapped(), p.remaining(), p.done());
        }
    }

    /** KEK versions: the primary, those still able to unwrap, and how many data keys each wraps. */
    record StatusView(int primaryVersion, List<Integer> activeVersions, Map<Integer, Long> wrappedKeysByVersion,
                      long pendingRewrap) {
        static StatusView of(KeyStatus s) {
            Map<Integer, Long> byVersion = new LinkedHashMap<>();
            s.wrappedKeysByVersion().forEach((v, n) -> byVersion.put(v.number(), n));
            return new StatusView(s.primary().number(), s.active().stream().map(KekVersion::number).toList(),
                    byVersion, s.pendingRewrap());
        }
    }

    @PostMapping("/rotations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Make a new KEK version primary",
            description = "409 operator-action-required with the Vault provider: rotate the Transit key in Vault.")
    RotationView rotate(RequestContext context) {
        return new RotationView(keys.rotate(context).number());
    }

    @PostMapping("/rewrap")
    @Operation(summary = "Re-wrap stored data keys under the primary KEK version",
            description = "all=true (default) runs batches until none remains; all=false runs one batch.")
    RewrapView rewrap(RequestContext context,
                      @RequestParam(defaultValue = "1000") @Min(1) @Max(KeyManagementService.MAX_BATCH) int batchSize,
                      @RequestParam(defaultValue = "true") boolean all) {
        KekRotation.Progress progress = all
                ? keys.rewrapAll(context, batchSize, batch -> { })
                : keys.rewrapBatch(context, batchSize);
        return RewrapView.of(progress);
    }

    @GetMapping("/status")
    @Operation(summary = "KEK versions and the data keys each wraps")
    StatusView status(RequestContext context) {
        return StatusView.of(keys.status(context));
    }

    /** A public key verifying the key provider's signatures (erasure receipts, audit checkpoints). */
    record SigningKeyView(String keyId, String algorithm, String publicKeyPem) {
    }

    record SigningKeysView(List<SigningKeyView> keys) {
    }

    @GetMapping("/signing-key")
    @Operation(summary = "The public keys of the signing key (PEM), for offline verification",
            description = "One entry per key version that can have signed (Vault: every version of the Transit "
                    + "signing key). Not secret; no purpose needed. Give the PEM with an erasure receipt: "
                    + "`java -jar safereg-api.jar receipt-verify receipt.json key.pem` or openssl verify it.")
    SigningKeysView signingKey() {
        return new SigningKeysView(kek.signingPublicKeys().stream()
                .map(k -> new SigningKeyView(k.keyId(), k.algorithm(), k.pem())).toList());
    }

    @PostMapping("/versions/{version}/retire")
    @Operation(summary = "Retire a KEK version that no data key uses any more",
            description = "409 kek-version-in-use while data keys are still wrapped by it, or for the primary; "
                    + "409 operator-action-required with the Vault provider once no data key uses it (raise "
                    + "min_decryption_version in Vault).")
    ResponseEntity<Void> retire(RequestContext context, @PathVariable int version) {
        if (version < 1) {
            throw ValidationException.of("version", "KEK versions start at 1");
        }
        keys.retire(context, new KekVersion(version));
        return ResponseEntity.noContent().build();
    }
}
