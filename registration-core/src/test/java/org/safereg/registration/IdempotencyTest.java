package org.safereg.registration;

import org.safereg.registration.testing.TestConsents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.safereg.privacy.Actor;
import org.safereg.privacy.Role;
import org.safereg.registration.model.EnrolmentResult;
import org.safereg.registration.model.HouseholdEnrolment;
import org.safereg.registration.model.HouseholdEnrolmentResult;
import org.safereg.registration.model.IdempotencyKey;
import org.safereg.registration.model.IndividualDetails;
import org.safereg.registration.model.NewHouseholdMember;
import org.safereg.registration.model.Relationship;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdempotencyTest {
    @TempDir
    static Path keys;
    CoreFixture f;
    ExecutorService pool = Executors.newFixedThreadPool(2);

    @AfterAll
    void closeFixture() {
        pool.shutdownNow();
        f.close();
    }

    @BeforeAll
    void setUp() {
        f = new CoreFixture(keys);
    }


    long individuals() {
        return f.jdbc.sql("SELECT count(*) FROM individual").query(Long.class).single();
    }

    @Test
    void theSameEnrolmentSentTwiceConcurrentlyCreatesOneRecord() throws Exception {
        IndividualDetails details = CoreFixture.person("Concurrent", "Twin", LocalDate.of(1995, 4, 4), "CT-1", "+252 61 555 0200");
        Optional<IdempotencyKey> key = Optional.of(new IdempotencyKey("enrol-7f3a"));
        long before = individuals();
        for (int round = 0; round < 5; round++) {
            Optional<IdempotencyKey> roundKey = Optional.of(new IdempotencyKey(key.get().value() + "-" + round));
            CountDownLatch start = new CountDownLatch(1);
            List<Future<EnrolmentResult>> calls = List.of(
                    pool.submit(() -> { start.await(); return f.core.individuals().enrol(f.registrar(), TestConsents.standard(), details, roundKey); }),
                    pool.submit(() -> { start.await(); return f.core.individuals().enrol(f.registrar(), TestConsents.standard(), details, roundKey); }));
            start.countDown();
            EnrolmentResult a = calls.get(0).get(30, TimeUnit.SECONDS);
            EnrolmentResult b = calls.get(1).get(30, TimeUnit.SECONDS);

            assertThat(a.id()).isEqualTo(b.id());
            assertThat(List.of(a.replayed(), b.replayed())).containsExactlyInAnyOrder(true, false);
        }
        assertThat(individuals()).isEqualTo(before + 5);
    }

    @Test
    void recordsOlderThanTheRetentionArePurgedAndTheirKeysForgotten() {
        IndividualDetails old = CoreFixture.person("Purged", "Retry", LocalDate.of(1992, 2, 2), "PR-1", "+252 61 555 0210");
        IndividualDetails recent = CoreFixture.person("Kept", "Retry", LocalDate.of(1993, 3, 3), "PR-2", "+252 61 555 0211");
        Optional<IdempotencyKey> oldKey = Optional.of(new IdempotencyKey("purge-old"));
        Optional<IdempotencyKey> recentKey = Optional.of(new IdempotencyKey("purge-recent"));
        EnrolmentResult first = f.core.individuals().enrol(f.registrar(), TestConsents.standard(), old, oldKey);
        EnrolmentResult kept = f.core.individuals().enrol(f.registrar(), TestConsents.standard(), recent, recentKey);
        f.jdbc.sql("UPDATE idempotency SET created_at = created_at - interval '8 days' WHERE result_id = ?")
                .param(first.id().value()).update();
        f.jdbc.sql("UPDATE idempotency SET created_at = created_at - interval '6 days' WHERE result_id = ?")
                .param(kept.id().value()).update();

        assertThat(f.core.idempotencyRetention().purge()).isEqualTo(1);
        assertThat(f.jdbc.sql("SELECT count(*) FROM idempotency WHERE result_id = ?").param(first.id().value())
                .query(Long.class).single()).isZero();

        EnrolmentResult retriedKept = f.core.individuals().enrol(f.registrar(), TestConsents.standard(), recent, recentKey);
        assertThat(retriedKept.replayed()).isTrue();
        assertThat(retriedKept.id()).isEqualTo(kept.id());
        EnrolmentResult afterRetention = f.core.individuals().enrol(f.registrar(), TestConsents.standard(), recent, oldKey);
        assertThat(afterRetention.replayed()).as("a forgotten key is a new request, not a conflict").isFalse();
        assertThat(afterRetention.id()).isNotEqualTo(first.id());

        assertThat(f.core.idempotencyRetention().purge(java.time.Duration.ofDays(5))).isEqualTo(1);
        assertThatThrownBy(() -> f.core.idempotencyRetention().purge(java.time.Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRetryReturnsTheFirstResultAndADifferentPayloadIsAConflict() {
        IndividualDetails details = CoreFixture.person("Retry", "Once", LocalDate.of(1991, 1, 1), "RT-1", "+252 61 555 0201");
        Optional<IdempotencyKey> key = Optional.of(new IdempotencyKey("retry-1"));
        EnrolmentResult first = f.core.individuals().enrol(f.registrar(), TestConsents.standard(), details, key);
        long before = individuals();

        EnrolmentResult retry = f.core.individuals().enrol(f.registrar(), TestConsents.standard(), details, key);
        assertThat(retry.id()).isEqualTo(first.id());
        assertThat(retry.replayed()).isTrue();

        IndividualDetails different = CoreFixture.person("Retry", "Twice", LocalDate.of(1991, 1, 1), "RT-1", "+252 61 555 0201");
        assertThatThrownBy(() -> f.core.individuals().enrol(f.registrar(), TestConsents.standard(), different, key))
                .isInstanceOf(IdempotencyConflictException.class);
        assertThat(individuals()).isEqualTo(before);
    }

    @Test
    void keysAreScopedToTheActor() {
        IndividualDetails details = CoreFixture.rapid("Scoped", CoreFixture.DISTRICT);
        Optional<IdempotencyKey> key = Optional.of(new IdempotencyKey("shared-key"));
        RequestContext other = RequestContext.of(new Actor("other-registrar", java.util.Set.of(Role.REGISTRATION_OFFICER)),
                "REG.ENROL", "r-1");
        EnrolmentResult mine = f.core.individuals().enrol(f.registrar(), TestConsents.standard(), details, key);
        EnrolmentResult theirs = f.core.individuals().enrol(other, TestConsents.standard(), details, key);
        assertThat(theirs.id()).isNotEqualTo(mine.id());
        assertThat(theirs.replayed()).isFalse();
    }

    @Test
    void householdEnrolmentIsIdempotentToo() {
        HouseholdEnrolment family = new HouseholdEnrolment(CoreFixture.rapid("Idem head", CoreFixture.DISTRICT),
                List.of(new NewHouseholdMember(CoreFixture.rapid("Idem child", CoreFixture.DISTRICT), Relationship.CHILD)));
        Optional<IdempotencyKey> key = Optional.of(new IdempotencyKey("household-1"));
        HouseholdEnrolmentResult first = f.core.households().enrol(f.registrar(), TestConsents.standard(), family, key);
        HouseholdEnrolmentResult again = f.core.households().enrol(f.registrar(), TestConsents.standard(), family, key);

        assertThat(again.replayed()).isTrue();
        assertThat(again.household()).isEqualTo(first.household());
        assertThat(again.head()).isEqualTo(first.head());
        assertThat(again.members()).isEqualTo(first.members());
        assertThatThrownBy(() -> f.core.individuals().enrol(f.registrar(), TestConsents.standard(), CoreFixture.rapid("Idem head", CoreFixture.DISTRICT), key))
                .isInstanceOf(IdempotencyConflictException.class);
    }

    @Test
    void theStoredKeyAndFingerprintAreKeyedHashes() {
        f.core.individuals().enrol(f.registrar(), TestConsents.standard(), CoreFixture.rapid("Hashed", CoreFixture.DISTRICT),
                Optional.of(new IdempotencyKey("visible-key-text")));
        assertThat(f.jdbc.sql("SELECT count(*) FROM idempotency WHERE encode(key_hash, 'escape') LIKE '%visible-key-text%'")
                .query(Long.class).single()).isZero();
        assertThat(f.jdbc.sql("SELECT DISTINCT length(key_hash) || '/' || length(fingerprint) FROM idempotency")
                .query(String.class).list()).containsExactly("16/16");
    }
}
