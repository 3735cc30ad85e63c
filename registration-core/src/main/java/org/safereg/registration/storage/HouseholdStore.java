package org.safereg.registration.storage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.safereg.keys.DataCategory;
import org.safereg.keys.FieldCipher;
import org.safereg.keys.FieldName;
import org.safereg.keys.SubjectId;
import org.safereg.keys.SubjectKeyring;
import org.safereg.registration.HouseholdMembershipException;
import org.safereg.registration.RecordNotFoundException;
import org.safereg.registration.VersionConflictException;
import org.safereg.registration.model.Household;
import org.safereg.registration.model.HouseholdId;
import org.safereg.registration.model.HouseholdMember;
import org.safereg.registration.model.HouseholdStatus;
import org.safereg.registration.model.Relationship;
import org.safereg.registration.model.VersionInfo;
import org.safereg.registration.statistics.StatisticsProjection;
import org.safereg.registration.storage.PaddedPayload.RecordBinding;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.type.TypeReference;

/**
 * Encrypted persistence of households (internal). A membership row spans household versions
 * [joined_version, left_version); the relationship to the head is encrypted under the member's own key, the
 * change reasons under the household's own key, both padded ({@link PaddedPayload}: every relationship has the
 * same ciphertext length) and bound to their row (household id and version, or joined version) (the household id doubles as a key-owning subject). The partial
 * unique index {@code household_member_one_active} guarantees one active household per person even under
 * concurrency. Every method runs in the caller's transaction. Thread-safe.
 */
public final class HouseholdStore {
    /** Schema version 2: the padded layout of {@link PaddedPayload}. */
    static final FieldName RELATIONSHIP = FieldName.of("household_member.relationship", 2);
    static final FieldName CHANGE_REASON = FieldName.of("household.change_reason", 2);

    private final JdbcClient jdbc;
    private final SubjectKeyring keyring;
    private final IndividualStore individuals;
    private final StatisticsProjection statistics;

    public HouseholdStore(JdbcClient jdbc, SubjectKeyring keyring, IndividualStore individuals,
                          StatisticsProjection statistics) {
        this.jdbc = jdbc;
        this.keyring = keyring;
        this.individuals = individuals;
        this.statistics = statistics;
    }

    /** The plaintext household row. */
    public record Row(HouseholdId id, HouseholdStatus status, int currentVersion, Instant createdAt) {
    }

    /** A member to record, head first. */
    public record NewMember(SubjectId individual, Relationship relationship) {
    }

    /** Creates version 1 with {@code members} (the first is the head). */
    public void create(HouseholdId id, List<NewMember> members, String actor, Instant now) {
        jdbc.sql("INSERT INTO household (id, status, current_version, created_at) VALUES (?, 'ACTIVE', 1, ?)")
                .params(id.value(), IndividualStore.utc(now)).update();
        insertVersion(id, 1, Optional.empty(), actor, now);
        for (int i = 0; i < members.size(); i++) {
            insertMember(id, members.get(i).individual(), members.get(i).relationship(), i == 0, i, 1);
        }
        refreshSizes(id);
    }

    /** The household row, locked until the transaction ends if {@code lock}. */
    public Row row(HouseholdId id, boolean lock) {
        return jdbc.sql("SELECT status, current_version, created_at FROM household WHERE id = ?" + (lock ? " FOR UPDATE" : ""))
                .param(id.value())
                .query((rs, n) -> new Row(id, HouseholdStatus.valueOf(rs.getString(1)), rs.getInt(2),
                        IndividualStore.instant(rs, "created_at")))
                .optional()
                .orElseThrow(() -> new RecordNotFoundException("household"));
    }

    /** Locks the row and checks the expected version and that the household is active. */
    public Row lockForChange(HouseholdId id, int expectedVersion) {
        Row row = row(id, true);
        if (row.currentVersion() != expectedVersion) {
            throw new VersionConflictException(expectedVersion, row.currentVersion());
        }
        if (row.status() != HouseholdStatus.ACTIVE) {
            throw new HouseholdMembershipException("the household is dissolved");
        }
        return row;
    }

    /** The household with its active members (head first), relationships decrypted. */
    public Household read(HouseholdId id) {
        Row row = row(id, false);
        VersionInfo info = jdbc.sql("SELECT change_reason, changed_by, changed_at FROM household_version WHERE household_id = ? AND version = ?")
                .params(id.value(), row.currentVersion())
                .query((rs, n) -> {
                    byte[] reason = rs.getBytes(1);
                    return new VersionInfo(row.currentVersion(), rs.getString(2), IndividualStore.instant(rs, "changed_at"),
                            reason == null ? Optional.empty()
                                    : Optional.of(decryptReason(id, row.currentVersion(), reason)));
                })
                .single();
        List<HouseholdMember> members = new ArrayList<>();
        for (ActiveMember m : activeMembers(id)) {
            FieldCipher cipher = individuals.open(m.individual());
            Relationship r = PaddedPayload.open(cipher, RELATIONSHIP, new RecordBinding(id.value(), m.joinedVersion()),
                    m.relationship(), new TypeReference<Relationship>() { });
            members.add(new HouseholdMember(m.individual(), r));
        }
        return new Household(id, row.status(), row.createdAt(), info, members);
    }

    /** Adds an existing active individual; the household row must be locked ({@link #lockForChange}). */
    public void addMember(Row row, SubjectId member, Relationship relationship, String reason, String actor,
                          Instant now) {
        if (individuals.activeHousehold(member).isPresent()) {
            throw new HouseholdMembershipException("the individual is already a member of an active household");
        }
        int next = row.currentVersion() + 1;
        Integer order = jdbc.sql("SELECT coalesce(max(member_order), -1) + 1 FROM household_member WHERE household_id = ?")
                .param(row.id().value()).query(Integer.class).single();
        insertMember(row.id(), member, relationship, false, order, next);
        newVersion(row.id(), next, Optional.of(reason), actor, now);
        refreshSizes(row.id());
    }

    /**
     * Ends a membership; the household row must be locked. The head can leave only as the last member, which
     * dissolves the household.
     */
    public void removeMember(Row row, SubjectId member, String reason, String actor, Instant now) {
        List<ActiveMember> active = activeMembers(row.id());
        ActiveMember leaving = active.stream().filter(m -> m.individual().equals(member)).findFirst()
                .orElseThrow(() -> new HouseholdMembershipException("the individual is not an active member of the household"));
        if (leaving.head() && active.size() > 1) {
            throw new HouseholdMembershipException("the head cannot leave while other members remain");
        }
        endMembership(row, member, Optional.of(reason), actor, now, active.size() == 1);
    }

    /**
     * On erasure of {@code member}: ends their active membership, if any, in a new household version without
     * a reason. The household stays with its other members; when the head is erased it is left without a head
     * (the others' relationships stay as recorded, relative to the former head); it is dissolved when nobody
     * remains. Returns whether a membership was ended.
     */
    public boolean removeErased(SubjectId member, String actor, Instant now) {
        Optional<HouseholdId> household = individuals.activeHousehold(member);
        if (household.isPresent()) {
            Row row = row(household.get(), true);
            endMembership(row, member, Optional.empty(), actor, now, activeMembers(row.id()).size() == 1);
        }
        return household.isPresent();
    }

    /**
     * One membership of an individual, with the relationship to the head decrypted under the member's key.
     *
     * @param leftVersion the household version that ended it, empty while it is active
     */
    public record Membership(HouseholdId household, HouseholdStatus householdStatus, boolean head,
                             Relationship relationshipToHead, int joinedVersion, Optional<Integer> leftVersion) {
    }

    /** Every membership the individual ever had, oldest first (subject export). */
    public List<Membership> membershipsOf(SubjectId member) {
        FieldCipher cipher = individuals.open(member);
        return jdbc.sql("""
                        SELECT m.household_id, h.status, m.is_head, m.relationship, m.joined_version, m.left_version
                        FROM household_member m JOIN household h ON h.id = m.household_id
                        WHERE m.individual_id = ? ORDER BY h.created_at, m.household_id, m.joined_version""")
                .param(member.value())
                .query((rs, n) -> {
                    UUID household = rs.getObject(1, UUID.class);
                    int joined = rs.getInt(5);
                    Relationship relationship = PaddedPayload.open(cipher, RELATIONSHIP,
                            new RecordBinding(household, joined), rs.getBytes(4), new TypeReference<Relationship>() { });
                    return new Membership(new HouseholdId(household), HouseholdStatus.valueOf(rs.getString(2)),
                            rs.getBoolean(3), relationship, joined, Optional.ofNullable(rs.getObject(6, Integer.class)));
                })
                .list();
    }

    /** Every household the individual ever belonged to. */
    public List<HouseholdId> householdsEverOf(SubjectId member) {
        return jdbc.sql("SELECT DISTINCT household_id FROM household_member WHERE individual_id = ?")
                .param(member.value()).query(UUID.class).list().stream().map(HouseholdId::new).toList();
    }

    /** Active members, head first then in joining order. */
    public List<SubjectId> activeMemberIds(HouseholdId id) {
        return activeMembers(id).stream().map(ActiveMember::individual).toList();
    }

    /** Number of active members of the individual's household, 1 if they have none. */
    public int householdSizeOf(SubjectId member) {
        return individuals.activeHousehold(member).map(h -> activeMembers(h).size()).orElse(1);
    }

    private record ActiveMember(SubjectId individual, byte[] relationship, boolean head, int joinedVersion) {
    }

    private List<ActiveMember> activeMembers(HouseholdId id) {
        return jdbc.sql("""
                        SELECT individual_id, relationship, is_head, joined_version FROM household_member
                        WHERE household_id = ? AND left_version IS NULL ORDER BY is_head DESC, member_order""")
                .param(id.value())
                .query((rs, n) -> new ActiveMember(new SubjectId(rs.getObject(1, UUID.class)), rs.getBytes(2),
                        rs.getBoolean(3), rs.getInt(4)))
                .list();
    }

    private void endMembership(Row row, SubjectId member, Optional<String> reason, String actor, Instant now,
                               boolean last) {
        int next = row.currentVersion() + 1;
        jdbc.sql("UPDATE household_member SET left_version = ? WHERE household_id = ? AND individual_id = ? AND left_version IS NULL")
                .params(next, row.id().value(), member.value()).update();
        newVersion(row.id(), next, reason, actor, now);
        if (last) {
            jdbc.sql("UPDATE household SET status = 'DISSOLVED' WHERE id = ?").param(row.id().value()).update();
        }
        statistics.setHousehold(member, Optional.empty(), false, 1);
        refreshSizes(row.id());
    }

    private void insertMember(HouseholdId id, SubjectId member, Relationship relationship, boolean head, int order,
                              int version) {
        byte[] encrypted = PaddedPayload.seal(individuals.open(member), RELATIONSHIP, PaddedPayload.Block.CODE,
                new RecordBinding(id.value(), version), relationship);
        try {
            jdbc.sql("""
                            INSERT INTO household_member (household_id, individual_id, relationship, is_head, member_order,
                                                          joined_version)
                            VALUES (?, ?, ?, ?, ?, ?)""")
                    .params(id.value(), member.value(), encrypted, head, order, version).update();
        } catch (DuplicateKeyException e) {
            throw new HouseholdMembershipException("the individual is already a member of an active household");
        }
    }

    private void newVersion(HouseholdId id, int version, Optional<String> reason, String actor, Instant now) {
        insertVersion(id, version, reason, actor, now);
        jdbc.sql("UPDATE household SET current_version = ? WHERE id = ?").params(version, id.value()).update();
    }

    private void insertVersion(HouseholdId id, int version, Optional<String> reason, String actor, Instant now) {
        byte[] encrypted = reason.map(r -> PaddedPayload.seal(householdCipher(id), CHANGE_REASON, PaddedPayload.Block.TEXT,
                new RecordBinding(id.value(), version), r)).orElse(null);
        jdbc.sql("INSERT INTO household_version (household_id, version, change_reason, changed_by, changed_at) VALUES (?, ?, ?, ?, ?)")
                .params(id.value(), version, encrypted, actor, IndividualStore.utc(now)).update();
    }

    private String decryptReason(HouseholdId id, int version, byte[] reason) {
        return PaddedPayload.open(householdCipher(id), CHANGE_REASON, new RecordBinding(id.value(), version), reason,
                new TypeReference<String>() { });
    }

    private FieldCipher householdCipher(HouseholdId id) {
        return keyring.openOrCreate(new SubjectId(id.value()), DataCategory.DEMOGRAPHIC);
    }

    /** Writes the household (pseudonym, head flag, size) onto every active member's statistical row. */
    private void refreshSizes(HouseholdId id) {
        List<ActiveMember> active = activeMembers(id);
        for (ActiveMember m : active) {
            statistics.setHousehold(m.individual(), Optional.of(id), m.head(), active.size());
        }
    }
}
