package org.safereg.registration.statistics;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.safereg.privacy.PurposeCode;
import org.safereg.privacy.sharing.AgreementId;
import org.safereg.privacy.sharing.RecipientId;

/**
 * A release about to be entered in the register ({@link ReleaseRegister#enter}): what it is, under which purpose,
 * for whom, and its output. {@code specification} and {@code protection} become the manifest's objects of those
 * names; they hold only strings, integers, booleans, lists and maps (no floating point: write such values as
 * strings), and never personal data. Immutable apart from the CSV array, which is copied.
 *
 * @param profile the protection profile (PUBLIC, AGREEMENT), if the kind has one
 * @param method how the output was protected (SUPPRESSION, DIFFERENTIAL_PRIVACY, K_ANONYMITY, ...)
 * @param population the population (admin0 P-code) the output describes, if one
 * @param recipient the recipient outside the organisation, with {@code agreement}, or neither
 * @param createdBy the account that made the release
 * @param registerDetail what the register keeps for the data protection officer only, in neither the manifest nor
 *        the CSV (same value rules): facts that would narrow what the protection withheld (per-reason counts of
 *        withheld cells, an extract's risk before treatment)
 * @param csv the released file (UTF-8 CSV)
 */
public record ReleaseEntry(UUID id, ReleaseKind kind, PurposeCode purpose, Optional<String> profile, String method,
                           Optional<String> population, Optional<RecipientId> recipient,
                           Optional<AgreementId> agreement, String createdBy, Instant createdAt,
                           Map<String, Object> specification, Map<String, Object> protection, Map<String, Object> registerDetail,
                           byte[] csv) {
    public ReleaseEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(population, "population");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(agreement, "agreement");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(createdAt, "createdAt");
        specification = Map.copyOf(specification);
        protection = Map.copyOf(protection);
        registerDetail = Map.copyOf(registerDetail);
        csv = csv.clone();
        if (recipient.isPresent() != agreement.isPresent()) {
            throw new IllegalArgumentException("a recipient comes with the agreement the release relies on");
        }
    }

    @Override
    public byte[] csv() {
        return csv.clone();
    }
}
