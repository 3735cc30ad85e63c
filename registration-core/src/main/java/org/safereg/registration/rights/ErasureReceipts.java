package org.safereg.registration.rights;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import org.safereg.keys.DataCategory;
import org.safereg.keys.KekProvider;
import org.safereg.keys.ProviderSignature;
import org.safereg.keys.SubjectId;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Signed erasure receipts in the append-only table {@code erasure_receipt} (internal): {@link #issue} signs a
 * receipt with the key provider's signing key and stores it in the caller's transaction, so an erasure commits
 * with its receipt or not at all. Thread-safe. Costs one signature (microseconds locally, one Vault round trip)
 * and one insert.
 */
public final class ErasureReceipts {
    private final JdbcClient jdbc;
    private final KekProvider kek;

    public ErasureReceipts(JdbcClient jdbc, KekProvider kek) {
        this.jdbc = jdbc;
        this.kek = kek;
    }

    /** Signs and stores {@code receipt} (one per subject). */
    public SignedErasureReceipt issue(ErasureReceipt receipt) {
        byte[] canonical = receipt.canonical();
        ProviderSignature signature = kek.sign(canonical);
        jdbc.sql("""
                        INSERT INTO erasure_receipt (subject_id, receipt_id, erased_at, receipt, key_id, algorithm, signature)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(receipt.subject().value(), receipt.receiptId(),
                        OffsetDateTime.ofInstant(receipt.erasedAt(), ZoneOffset.UTC),
                        new String(canonical, StandardCharsets.UTF_8), signature.keyId(), signature.algorithm(),
                        signature.value())
                .update();
        return new SignedErasureReceipt(receipt, new String(canonical, StandardCharsets.UTF_8), signature);
    }

    /** The subject's stored receipt, if they were erased with one. */
    public Optional<SignedErasureReceipt> find(SubjectId subject) {
        return jdbc.sql("SELECT receipt, key_id, algorithm, signature FROM erasure_receipt WHERE subject_id = ?")
                .param(subject.value())
                .query((rs, n) -> new SignedErasureReceipt(parse(rs.getString(1)), rs.getString(1),
                        new ProviderSignature(rs.getString(2), rs.getString(3), rs.getBytes(4))))
                .optional();
    }

    private static ErasureReceipt parse(String canonical) {
        JsonNode r = CanonicalJson.MAPPER.readTree(canonical);
        Set<DataCategory> categories = EnumSet.noneOf(DataCategory.class);
        r.get("keyCategoriesDestroyed").values().forEach(c -> categories.add(DataCategory.valueOf(c.asString())));
        SortedSet<Integer> versions = new TreeSet<>();
        r.get("kekVersions").values().forEach(v -> versions.add(v.asInt()));
        Map<ErasedItem, Integer> removed = new EnumMap<>(ErasedItem.class);
        for (ErasedItem item : ErasedItem.values()) {
            JsonNode count = r.get("removed").get(item.jsonName());
            removed.put(item, count == null ? 0 : count.asInt());
        }
        return new ErasureReceipt(UUID.fromString(r.get("receiptId").asString()),
                new SubjectId(UUID.fromString(r.get("subjectId").asString())), Instant.parse(r.get("erasedAt").asString()),
                r.get("actor").asString(), r.get("purpose").asString(), r.get("requestId").asString(),
                r.get("alreadyErased").asBoolean(), categories, versions, removed);
    }
}
