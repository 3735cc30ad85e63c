package org.safereg.registration;

import org.safereg.registration.testing.TestConsents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.safereg.keys.KekProvider;
import org.safereg.keys.KekRotation;
import org.safereg.keys.KekVersion;
import org.safereg.keys.SubjectId;
import org.safereg.privacy.PurposePolicy;
import org.safereg.registration.keys.KeyManagementService;
import org.safereg.registration.keys.KeyStatus;
import org.safereg.registration.model.HouseholdEnrolment;
import org.safereg.registration.model.NewHouseholdMember;
import org.safereg.registration.model.Relationship;

/**
 * KEK rotation, batched re-wrap and retirement through the key management service. With the local provider the
 * application rotates and retires; with Vault the operator does both in Vault (rotate the Transit key, raise its
 * {@code min_decryption_version}) and the application refuses them, re-wraps and reports the versions in use.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KekRotationServiceTest {
    @TempDir
    static Path keys;
    CoreFixture f;
    KeyManagementService keyManagement;
    final List<SubjectId> people = new ArrayList<>();

    @AfterAll
    void closeFixture() {
        f.close();
    }

    @BeforeAll
    void setUp() {
        f = new CoreFixture(keys);
        keyManagement = f.core.keyManagement();
        for (int i = 0; i < 5; i++) {
            people.add(f.core.individuals().enrol(f.registrar(), TestConsents.standard(),
                    CoreFixture.person("Rotate" + i, "Kek", LocalDate.of(1990, 1, 1 + i), "ROT-" + i, "+252 61 555 06" + i + "0"),
                    Optional.empty()).id());
        }
        var household = f.core.households().enrol(f.registrar(), TestConsents.standard(), new HouseholdEnrolment(
                CoreFixture.rapid("Rotate head", CoreFixture.DISTRICT),
                List.of(new NewHouseholdMember(CoreFixture.rapid("Rotate child", CoreFixture.DISTRICT), Relationship.CHILD))),
                Optional.empty());
        f.core.households().removeMember(f.protection(), household.household(), 1, household.members().get(0), "left");
    }

    private RequestContext officer() {
        return f.dpo("ADMIN.KEYS");
    }

    @Test
    void rotateRewrapRetireKeepsEverythingReadable() {
        Map<String, byte[]> wrappedBefore = wrapped();
        long keyCount = wrappedBefore.size();
        assertThat(keyCount).isEqualTo(5 + 2 + 1);
        KeyStatus initial = keyManagement.status(officer());
        assertThat(initial.primary()).isEqualTo(new KekVersion(1));
        assertThat(initial.wrappedKeysByVersion()).containsEntry(new KekVersion(1), keyCount);

        KekVersion v2;
        if (f.keys.rotatedByOperator()) {
            // Vault: the application refuses (audited as FAILED); the operator rotates the Transit key
            assertThatThrownBy(() -> keyManagement.rotate(officer())).isInstanceOf(OperatorActionRequiredException.class);
            v2 = f.keys.rotateAsOperator();
        } else {
            v2 = keyManagement.rotate(officer());
        }
        assertThat(v2).isEqualTo(new KekVersion(2));
        // not yet re-wrapped: still readable through v1, and v1 cannot be retired
        assertThat(f.core.individuals().read(f.registrar(), people.get(0)).details().names().givenName()).contains("Rotate0");
        assertThatThrownBy(() -> keyManagement.retire(officer(), new KekVersion(1)))
                .isInstanceOf(KekVersionInUseException.class);
        assertThatThrownBy(() -> keyManagement.retire(officer(), v2)).isInstanceOf(KekVersionInUseException.class);
        SubjectId newcomer = f.core.individuals().enrol(f.registrar(), TestConsents.standard(), CoreFixture.rapid("Newcomer", CoreFixture.DISTRICT), Optional.empty()).id();
        assertThat(keyManagement.status(officer()).wrappedKeysByVersion()).containsEntry(v2, 1L);
        assertThat(keyManagement.status(officer()).pendingRewrap()).isEqualTo(keyCount);

        List<KekRotation.Progress> batches = new ArrayList<>();
        KekRotation.Progress done = keyManagement.rewrapAll(officer(), 3, batches::add);

        assertThat(done.done()).isTrue();
        assertThat(done.rewrapped()).isEqualTo((int) keyCount);
        assertThat(batches).extracting(KekRotation.Progress::rewrapped).containsExactly(3, 3, 2);
        assertThat(batches).extracting(KekRotation.Progress::remaining).containsExactly(keyCount - 3, keyCount - 6, 0L);
        Map<String, byte[]> wrappedAfter = wrapped();
        wrappedBefore.forEach((k, v) -> assertThat(wrappedAfter.get(k)).isNotEqualTo(v));

        if (f.keys.rotatedByOperator()) {
            // no key uses v1 any more, but only the operator can retire it (min_decryption_version in Vault)
            assertThatThrownBy(() -> keyManagement.retire(officer(), new KekVersion(1)))
                    .isInstanceOf(OperatorActionRequiredException.class);
            f.keys.retireAsOperator(v2);
        } else {
            keyManagement.retire(officer(), new KekVersion(1));
        }
        KeyStatus status = keyManagement.status(officer());
        assertThat(status.active()).containsExactly(v2);
        assertThat(status.wrappedKeysByVersion()).containsOnlyKeys(v2);

        for (int i = 0; i < people.size(); i++) {
            assertThat(f.core.individuals().read(f.registrar(), people.get(i)).details().names().givenName()).contains("Rotate" + i);
        }
        assertThat(f.core.individuals().read(f.registrar(), newcomer).details().names().givenName()).contains("Newcomer");
        assertThat(f.auditAfter(0)).filteredOn(a -> a.startsWith("KEY_MANAGEMENT/")).contains("KEY_MANAGEMENT/SUCCESS", "KEY_MANAGEMENT/FAILED");

        // a fresh process over the same KEK and database (no cached data keys) reads everything, without v1
        KekProvider reopened = f.keys.reopen();
        RegistrationCore restarted = RegistrationCore.create(f.dataSource, reopened, PurposePolicy.defaults(), Clock.systemUTC());
        assertThat(reopened.activeVersions()).containsExactly(v2);
        assertThat(restarted.individuals().read(f.registrar(), people.get(4)).details().names().givenName()).contains("Rotate4");
        assertThat(restarted.households().read(f.registrar(), householdId()).current().reason()).contains("left");
    }

    @Test
    void batchSizeIsValidated() {
        assertThatThrownBy(() -> keyManagement.rewrapBatch(officer(), 0)).isInstanceOf(ValidationException.class);
    }

    private org.safereg.registration.model.HouseholdId householdId() {
        return new org.safereg.registration.model.HouseholdId(
                f.jdbc.sql("SELECT id FROM household").query(java.util.UUID.class).single());
    }

    private Map<String, byte[]> wrapped() {
        Map<String, byte[]> out = new java.util.HashMap<>();
        f.jdbc.sql("SELECT subject_id::text || category, wrapped FROM subject_key")
                .query((rs, n) -> out.put(rs.getString(1), rs.getBytes(2))).list();
        return out;
    }
}
