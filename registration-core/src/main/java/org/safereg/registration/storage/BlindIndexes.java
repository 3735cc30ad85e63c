package org.safereg.registration.storage;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.safereg.keys.BlindIndex;
import org.safereg.keys.KekProvider;

/**
 * The blind indexes of the registration core (internal), each with its own key derived from the KEK provider.
 * What each leaks to someone holding the database but not the keys: at least equality of the indexed value
 * between rows, and the size of each group of equal values.
 * <ul>
 * <li>document: the normalised document number alone (not type or issuer, so a search by number alone works);
 *     leaks that two current records share a document number;</li>
 * <li>name + date of birth: normalised full name (sorted tokens) and ISO date; leaks that two records share
 *     both;</li>
 * <li>location: one row for the person's admin unit and one for each ancestor. <b>This does not hide the admin
 *     unit from a database dump.</b> The number of rows per record gives the level of the unit; the groups of
 *     equal values nest like the P-code hierarchy, which is stored in plaintext ({@code location}); and each
 *     group's size equals the plaintext per-P-code count in {@code stat_projection} (active records at admin0 to
 *     admin2). Matching group sizes and nesting against those recovers, for most units, which unit each group
 *     is, and so every record's admin unit at each level. Treat a record's admin-unit chain as readable by
 *     whoever holds a dump; the key only protects units whose counts and nesting are ambiguous;</li>
 * <li>idempotency key and request fingerprint: keyed hashes, so a stored fingerprint cannot be confirmed by
 *     guessing a person's details.</li>
 * </ul>
 * Thread-safe.
 */
public final class BlindIndexes {
    private final BlindIndex document;
    private final BlindIndex nameAndBirthDate;
    private final BlindIndex location;
    private final BlindIndex idempotencyKey;
    private final BlindIndex idempotencyRequest;

    public BlindIndexes(KekProvider kek) {
        document = new BlindIndex(kek, "individual.document_number");
        nameAndBirthDate = new BlindIndex(kek, "individual.name_birth_date");
        location = new BlindIndex(kek, "individual.location");
        idempotencyKey = new BlindIndex(kek, "idempotency.key");
        idempotencyRequest = new BlindIndex(kek, "idempotency.request");
    }

    /** {@code normalisedNumber} as from {@link org.safereg.registration.model.IdentityDocument#normaliseNumber}. */
    public byte[] document(String normalisedNumber) {
        return document.of(normalisedNumber);
    }

    public byte[] nameAndBirthDate(String normalisedFullName, LocalDate dateOfBirth) {
        return nameAndBirthDate.of(normalisedFullName + "|" + dateOfBirth);
    }

    public byte[] location(String pcode) {
        return location.of(pcode);
    }

    public byte[] idempotencyKey(String key) {
        return idempotencyKey.of(key);
    }

    public byte[] idempotencyRequest(String operation, byte[] canonicalRequest) {
        return idempotencyRequest.of(operation + "\n" + new String(canonicalRequest, StandardCharsets.UTF_8));
    }
}
