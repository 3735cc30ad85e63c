package org.safereg.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PurposePolicyTest {
    private final PurposePolicy policy = PurposePolicy.defaults();

    @Test
    void missingOrBlankPurposeIsNoPurpose() {
        assertThat(decide(Set.of(Role.REGISTRATION_OFFICER), null, Action.READ)).isEqualTo(deny(DenialReason.NO_PURPOSE));
        assertThat(decide(Set.of(Role.REGISTRATION_OFFICER), "", Action.READ)).isEqualTo(deny(DenialReason.NO_PURPOSE));
        assertThat(decide(Set.of(Role.REGISTRATION_OFFICER), "  ", Action.READ)).isEqualTo(deny(DenialReason.NO_PURPOSE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"reg.enrol", "REG..ENROL", "REG.ENROL ", "REG-ENROL", ".REG", "REG.ENROL;DROP", "X.UNKNOWN", "REG"})
    void malformedOrUnknownPurposeIsInvalid(String purpose) {
        assertThat(decide(Set.of(Role.values()), purpose, Action.READ)).isEqualTo(deny(DenialReason.INVALID_PURPOSE));
    }

    @Test
    void overlongPurposeIsInvalid() {
        assertThat(decide(Set.of(Role.values()), "A".repeat(65), Action.READ)).isEqualTo(deny(DenialReason.INVALID_PURPOSE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"LAW_ENFORCEMENT", "IMMIGRATION_ENFORCEMENT", "MILITARY", "COMMERCIAL"})
    void prohibitedPurposesAreDeniedForEveryone(String purpose) {
        assertThat(decide(Set.of(Role.values()), purpose, Action.READ)).isEqualTo(deny(DenialReason.PROHIBITED_PURPOSE));
    }

    @Test
    void purposeNotAllowedForAnyRoleOfTheActor() {
        assertThat(decide(Set.of(Role.STATISTICIAN), "REG.ENROL", Action.ENROL))
                .isEqualTo(deny(DenialReason.PURPOSE_NOT_ALLOWED_FOR_ROLE));
        assertThat(decide(Set.of(Role.ADMIN), "AUDIT", Action.AUDIT_VERIFY))
                .isEqualTo(deny(DenialReason.PURPOSE_NOT_ALLOWED_FOR_ROLE));
        assertThat(decide(Set.of(), "REG.VERIFY", Action.READ)).isEqualTo(deny(DenialReason.PURPOSE_NOT_ALLOWED_FOR_ROLE));
        assertThat(decide(Set.of(Role.values()), "FRAUD", Action.READ)).isEqualTo(deny(DenialReason.PURPOSE_NOT_ALLOWED_FOR_ROLE));
    }

    @Test
    void actionNotCoveredByPurpose() {
        assertThat(decide(Set.of(Role.REGISTRATION_OFFICER), "ASSIST.CASH", Action.UPDATE))
                .isEqualTo(deny(DenialReason.ACTION_NOT_COVERED_BY_PURPOSE));
        assertThat(decide(Set.of(Role.STATISTICIAN), "STATS.RELEASE", Action.READ))
                .isEqualTo(deny(DenialReason.ACTION_NOT_COVERED_BY_PURPOSE));
        assertThat(decide(Set.of(Role.REGISTRATION_OFFICER), "REG.VERIFY", Action.ERASE))
                .isEqualTo(deny(DenialReason.ACTION_NOT_COVERED_BY_PURPOSE));
    }

    @Test
    void permitsNameThePurposeAndTheFirstAllowingRoleInEnumOrder() {
        assertThat(decide(Set.of(Role.REGISTRATION_OFFICER), "REG.ENROL", Action.ENROL))
                .satisfies(permits("REG.ENROL", Role.REGISTRATION_OFFICER));
        assertThat(decide(Set.of(Role.PROTECTION_OFFICER, Role.REGISTRATION_OFFICER), "REG.VERIFY", Action.READ))
                .satisfies(permits("REG.VERIFY", Role.REGISTRATION_OFFICER));
        assertThat(decide(Set.of(Role.PROTECTION_OFFICER, Role.REGISTRATION_OFFICER), "PROT.CASE", Action.READ_HISTORY))
                .satisfies(permits("PROT.CASE", Role.PROTECTION_OFFICER));
        assertThat(decide(Set.of(Role.DATA_PROTECTION_OFFICER), "ADMIN.KEYS", Action.KEY_MANAGEMENT))
                .satisfies(permits("ADMIN.KEYS", Role.DATA_PROTECTION_OFFICER));
        assertThat(decide(Set.of(Role.DATA_PROTECTION_OFFICER), "SUBJECT_REQUEST", Action.ERASE).permitted()).isTrue();
        assertThat(decide(Set.of(Role.DATA_PROTECTION_OFFICER), "AUDIT", Action.AUDIT_VERIFY).permitted()).isTrue();
    }

    @Test
    void defaultTablesAreAsDocumented() {
        assertThat(policy.allowedFor(Role.REGISTRATION_OFFICER)).containsExactlyInAnyOrderElementsOf(codes(
                "REG.ENROL", "REG.DEDUP", "REG.VERIFY", "ASSIST.CASH", "ASSIST.NFI", "ASSIST.SHELTER"));
        assertThat(policy.allowedFor(Role.PROTECTION_OFFICER)).containsExactlyInAnyOrderElementsOf(codes(
                "PROT.CASE", "PROT.CASE_NOTES", "PROT.FAMILY_TRACING", "SOLUTIONS.RESETTLEMENT", "REG.VERIFY"));
        assertThat(policy.allowedFor(Role.STATISTICIAN)).containsExactlyInAnyOrderElementsOf(codes(
                "STATS.OPS", "STATS.PUBLIC", "STATS.RELEASE"));
        assertThat(policy.allowedFor(Role.DATA_PROTECTION_OFFICER)).containsExactlyInAnyOrderElementsOf(codes(
                "AUDIT", "SUBJECT_REQUEST", "ADMIN.KEYS", "ADMIN.BIOMETRICS", "ADMIN.RETENTION", "ADMIN.AGREEMENTS",
                "ADMIN.STATISTICS"));
        assertThat(policy.allowedFor(Role.ADMIN)).isEmpty();
        assertThat(policy.allowedFor(Role.ADJUDICATOR)).containsExactlyInAnyOrderElementsOf(codes("REG.DEDUP"));
        assertThat(policy.knownPurposes()).containsExactlyInAnyOrderElementsOf(codes("REG.ENROL", "REG.DEDUP",
                "REG.VERIFY", "ASSIST.CASH", "ASSIST.NFI", "ASSIST.SHELTER", "PROT.CASE", "PROT.CASE_NOTES",
                "PROT.FAMILY_TRACING", "SOLUTIONS.RESETTLEMENT", "FRAUD", "STATS.OPS", "STATS.PUBLIC", "STATS.RELEASE", "AUDIT",
                "SUBJECT_REQUEST", "ADMIN.KEYS", "ADMIN.BIOMETRICS", "ADMIN.RETENTION", "ADMIN.AGREEMENTS",
                "ADMIN.STATISTICS"));
        assertThat(policy.actionsCoveredBy(PurposeCode.of("REG.ENROL"))).containsExactlyInAnyOrder(
                Action.ENROL, Action.HOUSEHOLD_CHANGE, Action.READ, Action.UPDATE, Action.SEARCH, Action.LIST,
                Action.BIOMETRIC_ENROL, Action.ADJUDICATION_VIEW, Action.ADJUDICATION_DECIDE,
                Action.CONSENT_READ, Action.CONSENT_RECORD, Action.CONSENT_WITHDRAW);
        assertThat(policy.actionsCoveredBy(PurposeCode.of("REG.DEDUP"))).containsExactlyInAnyOrder(
                Action.SEARCH, Action.READ, Action.BIOMETRIC_ENROL, Action.ADJUDICATION_VIEW,
                Action.ADJUDICATION_DECIDE, Action.BIOMETRIC_IMAGE_VIEW, Action.BIOMETRIC_IDENTIFY);
        assertThat(policy.actionsCoveredBy(PurposeCode.of("REG.VERIFY")))
                .containsExactlyInAnyOrder(Action.READ, Action.SEARCH, Action.BIOMETRIC_VERIFY);
        assertThat(policy.actionsCoveredBy(PurposeCode.of("PROT.CASE"))).contains(Action.BIOMETRIC_IDENTIFY);
        assertThat(policy.actionsCoveredBy(PurposeCode.of("PROT.FAMILY_TRACING"))).doesNotContain(Action.BIOMETRIC_IDENTIFY);
        assertThat(policy.actionsCoveredBy(PurposeCode.of("ADMIN.BIOMETRICS"))).containsExactly(Action.BIOMETRIC_REEXTRACT);
        assertThat(policy.actionsCoveredBy(PurposeCode.of("FRAUD")))
                .containsExactlyInAnyOrder(Action.READ, Action.SEARCH, Action.READ_HISTORY);
        assertThat(policy.actionsCoveredBy(PurposeCode.of("STATS.PUBLIC"))).containsExactlyInAnyOrder(
                Action.STATS_RELEASE, Action.STATS_RELEASE_READ, Action.STATS_BUDGET_READ);
        assertThat(policy.actionsCoveredBy(PurposeCode.of("STATS.OPS"))).containsExactlyInAnyOrder(
                Action.STATS_RELEASE, Action.STATS_RELEASE_READ, Action.STATS_EXTRACT, Action.STATS_BUDGET_READ);
        assertThat(policy.actionsCoveredBy(PurposeCode.of("STATS.RELEASE"))).isEmpty();
        assertThat(policy.actionsCoveredBy(PurposeCode.of("ADMIN.STATISTICS"))).containsExactlyInAnyOrder(
                Action.STATS_BUDGET_MANAGE, Action.STATS_BUDGET_READ, Action.STATS_REGISTER, Action.STATS_RELEASE_READ);
        // the statistician's purposes cover statistical outputs only, never an action on identified records
        policy.allowedFor(Role.STATISTICIAN).forEach(p -> assertThat(policy.actionsCoveredBy(p))
                .allMatch(a -> a.name().startsWith("STATS_")));
        assertThat(policy.catalogue().mayPerform(Role.DATA_PROTECTION_OFFICER, Action.STATS_RELEASE)).isFalse();
        assertThat(policy.catalogue().mayPerform(Role.STATISTICIAN, Action.STATS_BUDGET_MANAGE)).isFalse();
        assertThat(policy.catalogue().mayPerform(Role.STATISTICIAN, Action.STATS_REGISTER)).isFalse();
        assertThat(policy.knownPurposes().stream().filter(p -> policy.actionsCoveredBy(p).contains(Action.TRANSFER)))
                .containsExactlyInAnyOrderElementsOf(codes("ASSIST.CASH", "ASSIST.NFI", "ASSIST.SHELTER",
                        "PROT.FAMILY_TRACING", "SOLUTIONS.RESETTLEMENT"));
        assertThat(policy.actionsCoveredBy(PurposeCode.of("ADMIN.AGREEMENTS"))).containsExactly(Action.AGREEMENT_MANAGE);
        assertThat(policy.catalogue().mayPerform(Role.ADJUDICATOR, Action.TRANSFER)).isFalse();
        assertThat(policy.catalogue().mayPerform(Role.ADMIN, Action.AGREEMENT_MANAGE)).isFalse();
    }

    @Test
    void everyRoleActionPurposeCombinationOfTheDefaultsMatchesTheTables() {
        for (Role role : Role.values()) {
            for (PurposeCode purpose : policy.knownPurposes()) {
                for (Action action : Action.values()) {
                    AccessDecision decision = decide(Set.of(role), purpose.value(), action);
                    boolean expected = policy.allowedFor(role).contains(purpose)
                            && policy.actionsCoveredBy(purpose).contains(action)
                            && policy.catalogue().mayPerform(role, action);
                    assertThat(decision.permitted()).as("%s %s %s", role, purpose, action).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void biometricCaptureIsForRegistrationOfficersAndAdjudicationForAdjudicators() {
        assertThat(decide(Set.of(Role.REGISTRATION_OFFICER), "REG.ENROL", Action.BIOMETRIC_ENROL))
                .satisfies(permits("REG.ENROL", Role.REGISTRATION_OFFICER));
        assertThat(decide(Set.of(Role.REGISTRATION_OFFICER), "REG.DEDUP", Action.BIOMETRIC_ENROL).permitted()).isTrue();
        // the adjudicator may use REG.DEDUP, which covers capture, but capture is restricted to registration officers
        assertThat(decide(Set.of(Role.ADJUDICATOR), "REG.DEDUP", Action.BIOMETRIC_ENROL))
                .isEqualTo(deny(DenialReason.ACTION_NOT_ALLOWED_FOR_ROLE));
        for (Action adjudication : List.of(Action.ADJUDICATION_VIEW, Action.ADJUDICATION_DECIDE, Action.BIOMETRIC_IMAGE_VIEW)) {
            assertThat(decide(Set.of(Role.ADJUDICATOR), "REG.DEDUP", adjudication))
                    .satisfies(permits("REG.DEDUP", Role.ADJUDICATOR));
            assertThat(decide(Set.of(Role.REGISTRATION_OFFICER), "REG.DEDUP", adjudication))
                    .isEqualTo(deny(DenialReason.ACTION_NOT_ALLOWED_FOR_ROLE));
        }
        // an officer holding both roles is permitted through the role that may perform the action
        assertThat(decide(Set.of(Role.REGISTRATION_OFFICER, Role.ADJUDICATOR), "REG.DEDUP", Action.ADJUDICATION_DECIDE))
                .satisfies(permits("REG.DEDUP", Role.ADJUDICATOR));
        // images only for deduplication, never under REG.ENROL
        assertThat(decide(Set.of(Role.ADJUDICATOR), "REG.ENROL", Action.BIOMETRIC_IMAGE_VIEW))
                .isEqualTo(deny(DenialReason.PURPOSE_NOT_ALLOWED_FOR_ROLE));
        assertThat(decide(Set.of(Role.PROTECTION_OFFICER), "PROT.CASE", Action.BIOMETRIC_IDENTIFY).permitted()).isTrue();
        assertThat(decide(Set.of(Role.PROTECTION_OFFICER), "REG.VERIFY", Action.BIOMETRIC_VERIFY).permitted()).isTrue();
        assertThat(decide(Set.of(Role.PROTECTION_OFFICER), "REG.VERIFY", Action.BIOMETRIC_IDENTIFY))
                .isEqualTo(deny(DenialReason.ACTION_NOT_COVERED_BY_PURPOSE));
        assertThat(decide(Set.of(Role.DATA_PROTECTION_OFFICER), "ADMIN.BIOMETRICS", Action.BIOMETRIC_REEXTRACT).permitted()).isTrue();
    }

    @Test
    void actionRestrictionsCanBeReplaced() {
        PurposeCatalogue dedupOnly = PurposeCatalogue.defaults().withRoles(Map.of(Role.REGISTRATION_OFFICER, codes("REG.DEDUP")));
        PurposePolicy open = new PurposePolicy(dedupOnly.withActionRoles(Map.of()), Clock.systemUTC());
        assertThat(open.decide(request(Set.of(Role.REGISTRATION_OFFICER), "REG.DEDUP", Action.ADJUDICATION_DECIDE))
                .permitted()).isTrue();
        PurposePolicy nobody = new PurposePolicy(dedupOnly.withActionRoles(Map.of(Action.SEARCH, Set.of())),
                Clock.systemUTC());
        assertThat(nobody.decide(request(Set.of(Role.REGISTRATION_OFFICER), "REG.DEDUP", Action.SEARCH)))
                .isEqualTo(deny(DenialReason.ACTION_NOT_ALLOWED_FOR_ROLE));
    }

    @Test
    void prohibitedPurposesCannotBeConfigured() {
        PurposeCode military = PurposeCode.of("MILITARY");
        assertThatThrownBy(() -> PurposeCatalogue.defaults().withRoles(Map.of(Role.ADMIN, Set.of(military))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("prohibited");
        assertThatThrownBy(() -> new PurposeDefinition(military, Set.of(), Set.of(Action.READ), Set.of(), Set.of(),
                false, false, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("prohibited");
        assertThatThrownBy(() -> PurposePolicy.fromConfiguration(Map.of("STATISTICIAN", List.of("COMMERCIAL"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("prohibited");
        assertThatThrownBy(() -> PurposePolicy.fromConfiguration(Map.of(), Map.of("LAW_ENFORCEMENT", List.of("READ"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("prohibited");
    }

    @Test
    void rolesCannotBeAllowedUnknownPurposes() {
        assertThatThrownBy(() -> PurposeCatalogue.defaults().withRoles(Map.of(Role.ADMIN, Set.of(PurposeCode.of("ASSIST.WASH")))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a known purpose");
    }

    @Test
    void fromConfigurationParsesRoleNamesAndKeepsDefaultCoverage() {
        PurposePolicy configured = PurposePolicy.fromConfiguration(Map.of(
                "registration-officer", List.of("REG.ENROL", " REG.VERIFY "),
                "Protection_Officer", List.of("FRAUD")));

        assertThat(configured.allowedFor(Role.REGISTRATION_OFFICER)).containsExactlyInAnyOrderElementsOf(codes("REG.ENROL", "REG.VERIFY"));
        assertThat(configured.allowedFor(Role.PROTECTION_OFFICER)).containsExactly(PurposeCode.of("FRAUD"));
        assertThat(configured.allowedFor(Role.STATISTICIAN)).isEmpty();
        assertThat(configured.decide(request(Set.of(Role.PROTECTION_OFFICER), "FRAUD", Action.READ_HISTORY)))
                .satisfies(permits("FRAUD", Role.PROTECTION_OFFICER));
        assertThat(configured.decide(request(Set.of(Role.PROTECTION_OFFICER), "PROT.CASE", Action.READ)))
                .isEqualTo(deny(DenialReason.PURPOSE_NOT_ALLOWED_FOR_ROLE));
        assertThat(configured.decide(request(Set.of(Role.REGISTRATION_OFFICER), "REG.VERIFY", Action.UPDATE)))
                .isEqualTo(deny(DenialReason.ACTION_NOT_COVERED_BY_PURPOSE));
    }

    @Test
    void fromConfigurationCanAddPurposes() {
        PurposePolicy configured = PurposePolicy.fromConfiguration(
                Map.of("REGISTRATION_OFFICER", List.of("ASSIST.WASH")), Map.of("ASSIST.WASH", List.of("read", "search")));

        assertThat(configured.decide(request(Set.of(Role.REGISTRATION_OFFICER), "ASSIST.WASH", Action.SEARCH)).permitted()).isTrue();
        assertThat(configured.decide(request(Set.of(Role.REGISTRATION_OFFICER), "ASSIST.WASH", Action.LIST)))
                .isEqualTo(deny(DenialReason.ACTION_NOT_COVERED_BY_PURPOSE));
        assertThat(configured.knownPurposes()).containsAll(PurposeCatalogue.defaults().knownPurposes());
    }

    @Test
    void fromConfigurationRejectsUnknownRolesMalformedPurposesAndUnknownActions() {
        assertThatThrownBy(() -> PurposePolicy.fromConfiguration(Map.of("SUPERUSER", List.of("AUDIT"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown role");
        assertThatThrownBy(() -> PurposePolicy.fromConfiguration(Map.of("ADMIN", List.of("audit"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PurposePolicy.fromConfiguration(Map.of("ADMIN", List.of("X.Y"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PurposePolicy.fromConfiguration(Map.of(), Map.of("X.Y", List.of("FLY"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void constructorTablesAreCopied() {
        java.util.HashMap<Role, Set<PurposeCode>> table = new java.util.HashMap<>();
        java.util.HashSet<PurposeCode> purposes = new java.util.HashSet<>(codes("REG.VERIFY"));
        table.put(Role.ADMIN, purposes);
        PurposeCatalogue custom = PurposeCatalogue.defaults().withRoles(table);

        purposes.add(PurposeCode.of("REG.ENROL"));
        table.put(Role.STATISTICIAN, purposes);

        assertThat(custom.allowedFor(Role.ADMIN)).containsExactly(PurposeCode.of("REG.VERIFY"));
        assertThat(custom.allowedFor(Role.STATISTICIAN)).isEmpty();
        assertThat(custom.actionsCoveredBy(PurposeCode.of("REG.VERIFY")))
                .isEqualTo(EnumSet.of(Action.READ, Action.SEARCH, Action.BIOMETRIC_VERIFY));
    }

    private AccessDecision decide(Set<Role> roles, String purpose, Action action) {
        return policy.decide(request(roles, purpose, action));
    }

    private static AccessRequest request(Set<Role> roles, String purpose, Action action) {
        return new AccessRequest(new Actor("officer-1", roles), Optional.ofNullable(purpose), action, Optional.empty());
    }

    private static java.util.function.Consumer<AccessDecision> permits(String purpose, Role role) {
        return decision -> {
            assertThat(decision).isInstanceOf(AccessDecision.Permit.class);
            AccessDecision.Permit permit = (AccessDecision.Permit) decision;
            assertThat(permit.purpose()).isEqualTo(PurposeCode.of(purpose));
            assertThat(permit.role()).isEqualTo(role);
        };
    }

    private static AccessDecision deny(DenialReason reason) {
        return new AccessDecision.Deny(reason);
    }

    private static Set<PurposeCode> codes(String... values) {
        return java.util.Arrays.stream(values).map(PurposeCode::of).collect(java.util.stream.Collectors.toSet());
    }
}
