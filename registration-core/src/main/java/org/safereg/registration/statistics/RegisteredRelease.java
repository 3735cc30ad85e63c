package org.safereg.registration.statistics;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.safereg.keys.ProviderSignature;

/**
 * A release as the register holds it (without its CSV, see {@link ReleaseRegister#csv}): the columns of the
 * register and the signed manifest, the canonical JSON bytes of which {@code signature} covers. Immutable.
 *
 * @param manifest the manifest, canonical JSON ({@link org.safereg.registration.rights.CanonicalJson})
 * @param registerDetail what only the data protection officer sees (canonical JSON object, see
 *        {@link ReleaseEntry#registerDetail}); never hand it to the release's reader
 * @param csvSha256 the SHA-256 of the CSV as registered (lower-case hex)
 */
public record RegisteredRelease(UUID id, ReleaseKind kind, String purpose, Optional<String> profile, String method,
                                Optional<String> population, Optional<String> recipient, Optional<UUID> agreementId,
                                String createdBy, Instant createdAt, String manifest, String registerDetail,
                                String csvSha256,
                                ProviderSignature signature) {
    public RegisteredRelease {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(registerDetail, "registerDetail");
        Objects.requireNonNull(signature, "signature");
    }
}
