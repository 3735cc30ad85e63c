package org.safereg.privacy.breakglass;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.safereg.keys.SubjectId;
import org.safereg.privacy.PurposeCode;

class BreakGlassRequestTest {
    private static final PurposeCode CASE = PurposeCode.of("PROT.CASE");
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    private final BreakGlassRequest pending = BreakGlassRequest.open(BreakGlassId.random(), SubjectId.random(), CASE,
            "alice", T0);

    @Test
    void approvalByASecondUserStartsAGrantOfTheDuration() {
        BreakGlassRequest approved = pending.approve("bob", CASE, T0.plusSeconds(60), Duration.ofHours(24));
        BreakGlassGrant grant = approved.grant().orElseThrow();
        assertEquals(BreakGlassStatus.APPROVED, approved.status());
        assertEquals(T0.plusSeconds(60).plus(Duration.ofHours(24)), grant.expiresAt());
        assertTrue(grant.allows("alice", CASE, T0.plusSeconds(61)));
        assertFalse(grant.allows("bob", CASE, T0.plusSeconds(61)), "only the requester uses the grant");
        assertFalse(grant.allows("alice", PurposeCode.of("PROT.FAMILY_TRACING"), T0.plusSeconds(61)));
        assertFalse(grant.allows("alice", CASE, grant.expiresAt()), "expiry ends access");
        assertFalse(grant.allows("alice", CASE, T0), "nothing before approval");
    }

    @Test
    void theRequesterCannotDecideTheirOwnRequest() {
        assertEquals(BreakGlassViolation.SELF_APPROVAL, assertThrows(BreakGlassRuleException.class,
                () -> pending.approve("alice", CASE, T0, Duration.ofHours(1))).violation());
        assertEquals(BreakGlassViolation.SELF_APPROVAL, assertThrows(BreakGlassRuleException.class,
                () -> pending.reject("alice", CASE, T0)).violation());
    }

    @Test
    void aRequestIsDecidedOnceUnderItsOwnPurpose() {
        assertEquals(BreakGlassViolation.PURPOSE_MISMATCH, assertThrows(BreakGlassRuleException.class,
                () -> pending.approve("bob", PurposeCode.of("PROT.FAMILY_TRACING"), T0, Duration.ofHours(1)))
                .violation());
        BreakGlassRequest rejected = pending.reject("bob", CASE, T0);
        assertTrue(rejected.grant().isEmpty());
        assertEquals(BreakGlassViolation.NOT_PENDING, assertThrows(BreakGlassRuleException.class,
                () -> rejected.approve("carol", CASE, T0, Duration.ofHours(1))).violation());
        assertThrows(IllegalArgumentException.class, () -> pending.approve("bob", CASE, T0, Duration.ZERO));
    }

    @Test
    void onlyAnUninvolvedUserReviewsAnApprovedGrantOnce() {
        assertEquals(BreakGlassViolation.NOT_APPROVED, assertThrows(BreakGlassRuleException.class,
                () -> pending.review("dpo", ReviewOutcome.JUSTIFIED, T0)).violation());
        BreakGlassRequest approved = pending.approve("bob", CASE, T0, Duration.ofHours(1));
        for (String involved : new String[] {"alice", "bob"}) {
            assertEquals(BreakGlassViolation.REVIEWER_INVOLVED, assertThrows(BreakGlassRuleException.class,
                    () -> approved.review(involved, ReviewOutcome.JUSTIFIED, T0)).violation());
        }
        BreakGlassRequest reviewed = approved.review("dpo", ReviewOutcome.NOT_JUSTIFIED, T0.plusSeconds(5));
        assertEquals(ReviewOutcome.NOT_JUSTIFIED, reviewed.review().orElseThrow().outcome());
        assertEquals(BreakGlassViolation.ALREADY_REVIEWED, assertThrows(BreakGlassRuleException.class,
                () -> reviewed.review("dpo2", ReviewOutcome.JUSTIFIED, T0)).violation());
    }

    @Test
    void reasonsAreBoundedAndNeverPrinted() {
        assertThrows(IllegalArgumentException.class, () -> BreakGlassReason.of(" "));
        assertThrows(IllegalArgumentException.class, () -> BreakGlassReason.of("x".repeat(501)));
        BreakGlassReason reason = BreakGlassReason.of("x".repeat(500));
        assertFalse(reason.toString().contains("xx"));
    }
}
