package org.safereg.registration.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.safereg.keys.DataCategory;
import org.safereg.keys.FieldCipher;
import org.safereg.keys.KekVersion;
import org.safereg.keys.SubjectId;
import org.safereg.keys.SubjectKeyring;
import org.safereg.keys.SubjectKeysDestroyedException;
import org.safereg.registration.RecordNotFoundException;
import org.safereg.registration.SubjectErasedException;
import org.safereg.registration.VersionConflictException;
import org.safereg.registration.locations.ResolvedLocation;
import org.safereg.registration.model.AdminUnit;
import org.safereg.registration.model.HouseholdId;
import org.safereg.registration.model.IdentityDocument;
import org.safereg.registration.model.Individual;
import org.safereg.registration.model.IndividualDetails;
import org.safereg.registration.model.IndividualVersion;
import org.safereg.registration.model.LocationRef;
import org.safereg.registration.model.RegistrationState;
import org.safereg.registration.model.RegistrationStatus;
import org.safereg.registration.model.VersionInfo;
import org.safereg.registration.rights.ErasedItem;
import org.safereg.registration.rights.ErasureLedger;
import org.safereg.registration.statistics.StatisticsProjection;
import org.safereg.registration.storage.IndividualCodec.Column;
import org.safereg.registration.storage.PaddedPayload.RecordBinding;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.type.TypeReference;

/**
 * Encrypted persistence of individuals (internal): versions, blind indexes of the current version, the
 * statistical projection, erasure. Every method runs in the caller's transaction. Thread-safe.
 */
public final class IndividualStore {
    private static final String COLUMNS = Arrays.stream(Column.values())
            .map(Column::column).collect(Collectors.joining(", "));
    private static final String PLACEHOLDERS = Arrays.stream(Column.values())
            .map(c -> "?").collect(Collectors.joining(", "));

    /** Kinds of blind index rows. */
    public enum IndexKind { DOCUMENT, NAME_DOB, LOCATION }

    private final JdbcClient jdbc;
    private final SubjectKeyring keyring;
    private final BlindIndexes indexes;
    private final StatisticsProjection statistics;

    public IndividualStore(JdbcClient jdbc, SubjectKeyring keyring, BlindIndexes indexes,
                           StatisticsProjection statistics) {
        this.jdbc = jdbc;
        this.keyring = keyring;
        this.indexes = indexes;
        this.statistics = statistics;
    }

    /** The plaintext row of {@code individual}. */
    private record Row(SubjectId id, String status, int currentVersion, Instant createdAt) {
    }

    /** Creates version 1 of a new ACTIVE individual with fresh data keys. */
    public Individual create(SubjectId id, IndividualDetails details, ResolvedLocation location, String actor,
                             Instant now, LocalDate today) {
        return create(id, details, location, actor, now, today, RegistrationStatus.ACTIVE);
    }

    /**
     * Creates version 1 of a new individual with fresh data keys, ACTIVE or PENDING_ADJUDICATION. The statistical
     * row is written for an ACTIVE individual only (a pending one gets it when {@linkplain #activate activated}).
     */
    public Individual create(SubjectId id, IndividualDetails details, ResolvedLocation location, String actor,
                             Instant now, LocalDate today, RegistrationStatus status) {
        if (status != RegistrationStatus.ACTIVE && status != RegistrationStatus.PENDING_ADJUDICATION) {
            throw new IllegalArgumentException("a new individual is ACTIVE or PENDING_ADJUDICATION");
        }
        FieldCipher cipher = keyring.create(id, DataCategory.DEMOGRAPHIC);
        jdbc.sql("INSERT INTO individual (id, status, current_version, created_at) VALUES (?, ?, 1, ?)")
                .params(id.value(), status.name(), utc(now)).update();
        insertVersion(cipher, id, 1, details, Optional.empty(), actor, now);
        writeIndexes(id, details, location);
        if (status == RegistrationStatus.ACTIVE) {
            statistics.write(id, details, location, now, 1, today);
        }
        return new Individual(id, now, new VersionInfo(1, actor, now, Optional.empty()), details, Optional.empty());
    }

    /**
     * The registration status (ERASED included, no exception) and duplicate link.
     *
     * @param lock lock the individual row until the transaction ends
     * @throws RecordNotFoundException no such individual
     */
    public RegistrationState state(SubjectId id, boolean lock) {
        return jdbc.sql("SELECT status, duplicate_of FROM individual WHERE id = ?" + (lock ? " FOR UPDATE" : ""))
                .param(id.value())
                .query((rs, n) -> new RegistrationState(id, RegistrationStatus.valueOf(rs.getString(1)),
                        Optional.ofNullable(rs.getObject(2, UUID.class)).map(SubjectId::new)))
                .optional()
                .orElseThrow(() -> new RecordNotFoundException("individual"));
    }

    /** The statuses of existing individuals among {@code ids} (absent ids are left out). */
    public Map<SubjectId, RegistrationStatus> statuses(Collection<SubjectId> ids) {
        Map<SubjectId, RegistrationStatus> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        jdbc.sql("SELECT id, status FROM individual WHERE id = ANY (?)")
                .param(ids.stream().map(SubjectId::value).toArray(UUID[]::new))
                .query((rs, n) -> found.put(new SubjectId(rs.getObject(1, UUID.class)),
                        RegistrationStatus.valueOf(rs.getString(2))))
                .list();
        return found;
    }

    /**
     * PENDING_ADJUDICATION -> ACTIVE, writing the statistical row (a pending registration is in no household, so
     * its household size is 1). The caller holds the row lock and has checked the status.
     */
    public void activate(SubjectId id, IndividualDetails details, ResolvedLocation location, Instant registeredAt,
                         LocalDate today) {
        jdbc.sql("UPDATE individual SET status = 'ACTIVE' WHERE id = ? AND status = 'PENDING_ADJUDICATION'")
                .param(id.value()).update();
        statistics.write(id, details, location, registeredAt, 1, today);
    }

    /** PENDING_ADJUDICATION -> DUPLICATE of {@code existing}. The caller holds the row lock and checked both. */
    public void markDuplicate(SubjectId id, SubjectId existing) {
        jdbc.sql("""
                        UPDATE individual SET status = 'DUPLICATE', duplicate_of = ?
                        WHERE id = ? AND status = 'PENDING_ADJUDICATION'""")
                .params(existing.value(), id.value()).update();
    }

    /**
     * The current version, decrypted.
     *
     * @param lock lock the individual row until the transaction ends (before an update)
     */
    public Individual current(SubjectId id, boolean lock) {
        Row row = row(id, lock);
        FieldCipher cipher = open(id);
        IndividualVersion version = version(cipher, id, row.currentVersion());
        return new Individual(id, row.createdAt(), version.info(), version.details(), activeHousehold(id));
    }

    /**
     * Stores a new version (optimistic concurrency on {@code expectedVersion}) and refreshes the indexes and the
     * statistical row.
     */
    public Individual update(SubjectId id, int expectedVersion, IndividualDetails details, ResolvedLocation location,
                             String reason, String actor, Instant now, LocalDate today, int householdSize) {
        Row row = row(id, true);
        if (row.currentVersion() != expectedVersion) {
            throw new VersionConflictException(expectedVersion, row.currentVersion());
        }
        FieldCipher cipher = open(id);
        int next = row.currentVersion() + 1;
        insertVersion(cipher, id, next, details, Optional.of(reason), actor, now);
        jdbc.sql("UPDATE individual SET current_version = ? WHERE id = ?").params(next, id.value()).update();
        jdbc.sql("DELETE FROM individual_blind_index WHERE individual_id = ?").param(id.value()).update();
        writeIndexes(id, details, location);
        if (row.status().equals(RegistrationStatus.ACTIVE.name())) {
            statistics.write(id, details, location, row.createdAt(), householdSize, today);
        }
        return new Individual(id, row.createdAt(), new VersionInfo(next, actor, now, Optional.of(reason)), details,
                activeHousehold(id));
    }

    /** All versions, oldest first. */
    public List<IndividualVersion> history(SubjectId id) {
        Row row = row(id, false);
        FieldCipher cipher = open(id);
        List<IndividualVersion> versions = new ArrayList<>(row.currentVersion());
        for (int v = 1; v <= row.currentVersion(); v++) {
            versions.add(version(cipher, id, v));
        }
        return versions;
    }

    /** Throws if the individual does not exist or was erased; optionally locks the row. */
    public void requireActive(SubjectId id, boolean lock) {
        row(id, lock);
    }

    /** The individual's DEMOGRAPHIC cipher; an erased subject's missing keys are answered as erased. */
    public FieldCipher open(SubjectId id) {
        try {
            return keyring.open(id, DataCategory.DEMOGRAPHIC);
        } catch (SubjectKeysDestroyedException e) {
            throw new SubjectErasedException();
        }
    }

    /** Active individuals with a blind index row of {@code kind} equal to {@code bidx}, ordered by id. */
    public List<SubjectId> findByIndex(IndexKind kind, byte[] bidx) {
        return jdbc.sql("""
                        SELECT b.individual_id FROM individual_blind_index b JOIN individual i ON i.id = b.individual_id
                        WHERE b.kind = ? AND b.bidx = ? AND i.status = 'ACTIVE' ORDER BY b.individual_id""")
                .params(kind.name(), bidx).query(UUID.class).list()
                .stream().map(SubjectId::new).toList();
    }

    /** How many individuals are in the admin unit {@code pcode} or below. */
    public long countInLocation(String pcode) {
        return jdbc.sql("""
                        SELECT count(*) FROM individual_blind_index b JOIN individual i ON i.id = b.individual_id
                        WHERE b.kind = 'LOCATION' AND b.bidx = ? AND i.status = 'ACTIVE'""")
                .param(indexes.location(pcode)).query(Long.class).single();
    }

    /** One page of the individuals in the admin unit {@code pcode} or below, ordered by id. */
    public List<SubjectId> pageInLocation(String pcode, long offset, int limit) {
        return jdbc.sql("""
                        SELECT b.individual_id FROM individual_blind_index b JOIN individual i ON i.id = b.individual_id
                        WHERE b.kind = 'LOCATION' AND b.bidx = ? AND i.status = 'ACTIVE'
                        ORDER BY b.individual_id OFFSET ? LIMIT ?""")
                .params(indexes.location(pcode), offset, limit).query(UUID.class).list()
                .stream().map(SubjectId::new).toList();
    }

    /** The index value of a document number search. */
    public byte[] documentIndex(String number) {
        return indexes.document(IdentityDocument.normaliseNumber(number));
    }

    public byte[] nameAndBirthDateIndex(String normalisedFullName, LocalDate dateOfBirth) {
        return indexes.nameAndBirthDate(normalisedFullName, dateOfBirth);
    }

    /** The individual's active household, if any. */
    public Optional<HouseholdId> activeHousehold(SubjectId id) {
        return jdbc.sql("SELECT household_id FROM household_member WHERE individual_id = ? AND left_version IS NULL")
                .param(id.value()).query(UUID.class).optional().map(HouseholdId::new);
    }

    /** Result of {@link #erase}. */
    public record Erasure(int keysDestroyed, boolean alreadyErased) {
    }

    /**
     * Crypto-shredding: destroys the subject's data keys, deletes their blind index rows and statistical row, and
     * marks them ERASED, recording all of it in {@code ledger}. The ciphertexts stay, undecryptable. Household
     * membership is the caller's business.
     */
    public Erasure erase(SubjectId id, ErasureLedger ledger) {
        String status = jdbc.sql("SELECT status FROM individual WHERE id = ? FOR UPDATE")
                .param(id.value()).query(String.class).optional()
                .orElseThrow(() -> new RecordNotFoundException("individual"));
        if (status.equals("ERASED")) {
            return new Erasure(0, true);
        }
        List<DataCategory> categories = jdbc.sql("SELECT category FROM subject_key WHERE subject_id = ?")
                .param(id.value()).query(String.class).list().stream().map(DataCategory::valueOf).toList();
        List<KekVersion> versions = jdbc.sql("SELECT DISTINCT kek_version FROM subject_key WHERE subject_id = ?")
                .param(id.value()).query(Integer.class).list().stream().map(KekVersion::new).toList();
        int destroyed = keyring.destroy(id);
        ledger.keysDestroyed(categories, versions);
        ledger.removed(ErasedItem.BLIND_INDEX_ROWS,
                jdbc.sql("DELETE FROM individual_blind_index WHERE individual_id = ?").param(id.value()).update());
        ledger.removed(ErasedItem.STATISTICAL_PROJECTION_ROWS, statistics.delete(id));
        jdbc.sql("UPDATE individual SET status = 'ERASED' WHERE id = ?").param(id.value()).update();
        return new Erasure(destroyed, false);
    }

    private Row row(SubjectId id, boolean lock) {
        Row row = jdbc.sql("SELECT id, status, current_version, created_at FROM individual WHERE id = ?"
                        + (lock ? " FOR UPDATE" : ""))
                .param(id.value())
                .query((rs, n) -> new Row(new SubjectId(rs.getObject(1, UUID.class)), rs.getString(2), rs.getInt(3),
                        instant(rs, "created_at")))
                .optional()
                .orElseThrow(() -> new RecordNotFoundException("individual"));
        if (row.status().equals("ERASED")) {
            throw new SubjectErasedException();
        }
        return row;
    }

    private void insertVersion(FieldCipher cipher, SubjectId id, int version, IndividualDetails details,
                               Optional<String> reason, String actor, Instant now) {
        RecordBinding row = new RecordBinding(id.value(), version);
        Map<Column, byte[]> encrypted = IndividualCodec.encrypt(cipher, row, details);
        List<Object> params = new ArrayList<>();
        params.add(id.value());
        params.add(version);
        for (Column c : Column.values()) {
            params.add(encrypted.get(c));
        }
        params.add(reason.map(r -> PaddedPayload.seal(cipher, IndividualCodec.CHANGE_REASON, PaddedPayload.Block.TEXT,
                row, r)).orElse(null));
        params.add(actor);
        params.add(utc(now));
        jdbc.sql("INSERT INTO individual_version (individual_id, version, " + COLUMNS
                        + ", change_reason, changed_by, changed_at) VALUES (?, ?, " + PLACEHOLDERS + ", ?, ?, ?)")
                .params(params).update();
    }

    private IndividualVersion version(FieldCipher cipher, SubjectId id, int version) {
        RecordBinding row = new RecordBinding(id.value(), version);
        return jdbc.sql("SELECT " + COLUMNS + ", change_reason, changed_by, changed_at FROM individual_version"
                        + " WHERE individual_id = ? AND version = ?")
                .params(id.value(), version)
                .query((rs, n) -> {
                    Map<Column, byte[]> encrypted = new EnumMap<>(Column.class);
                    for (Column c : Column.values()) {
                        encrypted.put(c, rs.getBytes(c.column()));
                    }
                    byte[] reason = rs.getBytes("change_reason");
                    Optional<String> plainReason = reason == null ? Optional.empty()
                            : Optional.of(PaddedPayload.open(cipher, IndividualCodec.CHANGE_REASON, row, reason,
                            new TypeReference<String>() { }));
                    VersionInfo info = new VersionInfo(version, rs.getString("changed_by"),
                            instant(rs, "changed_at"), plainReason);
                    return new IndividualVersion(info, IndividualCodec.decrypt(cipher, row, encrypted));
                })
                .single();
    }

    private void writeIndexes(SubjectId id, IndividualDetails details, ResolvedLocation location) {
        Set<String> numbers = new LinkedHashSet<>();
        details.documents().forEach(d -> numbers.add(IdentityDocument.normaliseNumber(d.number())));
        for (String number : numbers) {
            insertIndex(IndexKind.DOCUMENT, indexes.document(number), id);
        }
        String name = details.names().normalisedFullName();
        details.birth().flatMap(b -> b.dateOfBirth())
                .filter(dob -> !name.isEmpty())
                .ifPresent(dob -> insertIndex(IndexKind.NAME_DOB, indexes.nameAndBirthDate(name, dob), id));
        for (AdminUnit unit : location.chain()) {
            insertIndex(IndexKind.LOCATION, indexes.location(unit.pcode()), id);
        }
    }

    private void insertIndex(IndexKind kind, byte[] bidx, SubjectId id) {
        jdbc.sql("INSERT INTO individual_blind_index (kind, bidx, individual_id) VALUES (?, ?, ?)")
                .params(kind.name(), bidx, id.value()).update();
    }

    /** Whether {@code ref} is the admin unit {@code pcode} or below it (set of the subtree's P-codes). */
    public static boolean within(Optional<LocationRef> ref, Set<String> subtree) {
        return ref.isPresent() && subtree.contains(ref.get().adminPcode());
    }

    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}
