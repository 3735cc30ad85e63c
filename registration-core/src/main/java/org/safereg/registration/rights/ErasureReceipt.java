package org.safereg.registration.rights;

import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import org.safereg.keys.DataCategory;
import org.safereg.keys.SubjectId;

/**
 * What an erasure did, without any personal data beyond the subject id the requester already holds: when, by
 * whom (account name and declared purpose: SUBJECT_REQUEST for a person's request, ADMIN.RETENTION for the
 * retention job), for which request, the categories of data keys destroyed (crypto-shredding: every ciphertext
 * under them is unreadable for good), the KEK versions that had wrapped them, and what else was removed
 * ({@link ErasedItem}). Signed as {@link SignedErasureReceipt}. Immutable.
 *
 * @param alreadyErased the subject had been erased before this request (nothing was left to remove)
 */
public record ErasureReceipt(UUID receiptId, SubjectId subject, Instant erasedAt, String actor, String purpose,
                             String requestId, boolean alreadyErased, Set<DataCategory> keyCategoriesDestroyed,
                             SortedSet<Integer> kekVersions, Map<ErasedItem, Integer> removed) {
    /** The {@code format} value of this layout. */
    public static final String FORMAT = "safereg.erasure-receipt.v1";

    public ErasureReceipt {
        Objects.requireNonNull(receiptId, "receiptId");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(erasedAt, "erasedAt");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(requestId, "requestId");
        keyCategoriesDestroyed = Set.copyOf(keyCategoriesDestroyed);
        kekVersions = new TreeSet<>(kekVersions);
        Map<ErasedItem, Integer> all = new EnumMap<>(ErasedItem.class);
        for (ErasedItem item : ErasedItem.values()) {
            all.put(item, removed.getOrDefault(item, 0));
        }
        removed = all;
    }

    /** A receipt of the erasure the ledger describes, with a fresh receipt id. */
    public static ErasureReceipt of(SubjectId subject, Instant erasedAt, String actor, String purpose,
                                    String requestId, boolean alreadyErased, ErasureLedger ledger) {
        return new ErasureReceipt(UUID.randomUUID(), subject, erasedAt, actor, purpose, requestId, alreadyErased,
                ledger.categories(), ledger.kekVersions(), ledger.removed());
    }

    @Override
    public SortedSet<Integer> kekVersions() {
        return new TreeSet<>(kekVersions);
    }

    @Override
    public Map<ErasedItem, Integer> removed() {
        return new EnumMap<>(removed);
    }

    /** The bytes that are signed: the canonical JSON ({@link CanonicalJson}) of {@link #fields()}. */
    public byte[] canonical() {
        return CanonicalJson.encode(fields());
    }

    /** The receipt as the JSON object of the signed document (keys are sorted when encoded). */
    Map<String, Object> fields() {
        Map<String, Object> removedByName = new LinkedHashMap<>();
        removed.forEach((item, count) -> removedByName.put(item.jsonName(), (long) count));
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("format", FORMAT);
        f.put("receiptId", receiptId.toString());
        f.put("subjectId", subject.value().toString());
        f.put("erasedAt", erasedAt.toString());
        f.put("actor", actor);
        f.put("purpose", purpose);
        f.put("requestId", requestId);
        f.put("alreadyErased", alreadyErased);
        f.put("keyCategoriesDestroyed", keyCategoriesDestroyed.stream().map(DataCategory::name).sorted().toList());
        f.put("kekVersions", List.copyOf(kekVersions).stream().map(Integer::longValue).toList());
        f.put("removed", removedByName);
        return f;
    }
}
