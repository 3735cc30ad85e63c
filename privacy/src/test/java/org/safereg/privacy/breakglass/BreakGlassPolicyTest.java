package org.safereg.privacy.breakglass;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.safereg.keys.SubjectId;
import org.safereg.privacy.AccessDecision;
import org.safereg.privacy.AccessRequest;
import org.safereg.privacy.Action;
import org.safereg.privacy.Actor;
import org.safereg.privacy.DenialReason;
import org.safereg.privacy.LegalBasis;
import org.safereg.privacy.PersonalField;
import org.safereg.privacy.PurposeCatalogue;
import org.safereg.privacy.PurposeCode;
import org.safereg.privacy.PurposePolicy;
import org.safereg.privacy.Role;
import org.safereg.privacy.SubjectBases;

/** The default catalogue's break-glass and case-note entries, decided by the policy with a grant in hand. */
class BreakGlassPolicyTest {
    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    private static final PurposePolicy POLICY = new PurposePolicy(PurposeCatalogue.defaults(),
            Clock.fixed(NOW, ZoneOffset.UTC));
    private static final Actor ALICE = new Actor("alice", Set.of(Role.PROTECTION_OFFICER));
    private static final Actor BOB = new Actor("bob", Set.of(Role.PROTECTION_OFFICER));
    private static final SubjectId SUBJECT = SubjectId.random();

    private static BreakGlassGrant grant(String purpose, Instant approvedAt) {
        return BreakGlassRequest.open(BreakGlassId.random(), SUBJECT, PurposeCode.of(purpose), "alice", approvedAt)
                .approve("bob", PurposeCode.of(purpose), approvedAt, Duration.ofHours(24)).grant().orElseThrow();
    }

    private static AccessDecision decide(Actor actor, String purpose, Action action, BreakGlassGrant grant) {
        return POLICY.decide(new AccessRequest(actor, Optional.of(purpose), action, Optional.of(SUBJECT),
                new SubjectBases(List.of(), List.of(grant)), Optional.empty()));
    }

    @Test
    void anActiveGrantPermitsTheRequesterOnVitalInterestWithThePurposesFields() {
        BreakGlassGrant grant = grant("PROT.CASE_NOTES", NOW.minusSeconds(60));
        AccessDecision decision = decide(ALICE, "PROT.CASE_NOTES", Action.CASE_NOTE_READ, grant);
        assertThat(decision).isInstanceOfSatisfying(AccessDecision.Permit.class, permit -> {
            assertThat(permit.basis()).contains(LegalBasis.VITAL_INTEREST);
            assertThat(permit.breakGlass()).contains(grant.id());
            assertThat(permit.fields()).containsExactlyInAnyOrder(PersonalField.CASE_NOTES, PersonalField.NAMES);
        });
        assertThat(decide(BOB, "PROT.CASE_NOTES", Action.CASE_NOTE_READ, grant))
                .isEqualTo(new AccessDecision.Deny(DenialReason.NO_CONSENT));
        assertThat(decide(ALICE, "PROT.CASE", Action.READ, grant))
                .isEqualTo(new AccessDecision.Deny(DenialReason.NO_CONSENT));
    }

    @Test
    void anExpiredGrantOrAPurposeWithoutBreakGlassPermitsNothing() {
        BreakGlassGrant expired = grant("PROT.CASE", NOW.minus(Duration.ofHours(25)));
        assertThat(decide(ALICE, "PROT.CASE", Action.READ, expired))
                .isEqualTo(new AccessDecision.Deny(DenialReason.NO_CONSENT));
        BreakGlassGrant resettlement = new BreakGlassGrant(BreakGlassId.random(), SUBJECT,
                PurposeCode.of("SOLUTIONS.RESETTLEMENT"), "alice", "bob", NOW.minusSeconds(5), NOW.plusSeconds(60));
        assertThat(decide(ALICE, "SOLUTIONS.RESETTLEMENT", Action.READ, resettlement))
                .isEqualTo(new AccessDecision.Deny(DenialReason.NO_CONSENT));
    }

    @Test
    void breakGlassStepsAreCoveredOnlyWhereBreakGlassIsAllowedAndNeedNoSubjectBasis() {
        for (PurposeCode purpose : PurposeCatalogue.defaults().knownPurposes()) {
            boolean allowed = PurposeCatalogue.defaults().definition(purpose).orElseThrow().breakGlassAllowed();
            assertThat(PurposeCatalogue.defaults().actionsCoveredBy(purpose).contains(Action.BREAK_GLASS_REQUEST))
                    .as(purpose.value()).isEqualTo(allowed);
        }
        assertThat(POLICY.decide(new AccessRequest(ALICE, Optional.of("PROT.FAMILY_TRACING"),
                Action.BREAK_GLASS_REQUEST, Optional.empty())).permitted()).isTrue();
        assertThat(POLICY.decide(new AccessRequest(new Actor("dpo", Set.of(Role.DATA_PROTECTION_OFFICER)),
                Optional.of("AUDIT"), Action.BREAK_GLASS_REVIEW, Optional.empty())).permitted()).isTrue();
        assertThat(POLICY.decide(new AccessRequest(ALICE, Optional.of("PROT.CASE"), Action.BREAK_GLASS_REVIEW,
                Optional.empty()))).isEqualTo(new AccessDecision.Deny(DenialReason.ACTION_NOT_COVERED_BY_PURPOSE));
    }
}
