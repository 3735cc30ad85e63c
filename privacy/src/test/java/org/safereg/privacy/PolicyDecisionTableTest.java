package org.safereg.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.safereg.keys.DataCategory;
import org.safereg.keys.SubjectId;
import org.safereg.privacy.breakglass.BreakGlassGrant;
import org.safereg.privacy.breakglass.BreakGlassId;
import org.safereg.privacy.consent.BasisRecord;
import org.safereg.privacy.consent.ConsentStatus;
import org.safereg.privacy.sharing.AgreementId;
import org.safereg.privacy.sharing.DataSharingAgreement;
import org.safereg.privacy.sharing.RecipientId;

/** The consent, break-glass and agreement steps of {@link PurposePolicy#decide}, on a fixed clock. */
class PolicyDecisionTableTest {
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final Set<DataCategory> DEMOGRAPHIC = Set.of(DataCategory.DEMOGRAPHIC);
    private static final Set<DataCategory> WITH_BIOMETRIC = Set.of(DataCategory.DEMOGRAPHIC, DataCategory.BIOMETRIC);
    private static final Actor REGISTRAR = new Actor("registrar", Set.of(Role.REGISTRATION_OFFICER));
    private static final Actor PROTECTION = new Actor("protection", Set.of(Role.PROTECTION_OFFICER));
    private static final Actor ADJUDICATOR = new Actor("adjudicator", Set.of(Role.ADJUDICATOR));
    private static final Actor DPO = new Actor("dpo", Set.of(Role.DATA_PROTECTION_OFFICER));

    private final PurposePolicy policy = new PurposePolicy(PurposeCatalogue.defaults(),
            Clock.fixed(NOW, ZoneOffset.UTC));
    private final SubjectId subject = SubjectId.random();

    @Test
    void aValidConsentPermitsWithThePurposesFieldsAndTheBasisReliedOn() {
        AccessDecision d = decide(REGISTRAR, "ASSIST.CASH", Action.READ, bases(given("ASSIST.CASH", LegalBasis.CONSENT)));

        AccessDecision.Permit permit = (AccessDecision.Permit) d;
        assertThat(permit.basis()).contains(LegalBasis.CONSENT);
        assertThat(permit.breakGlass()).isEmpty();
        assertThat(permit.agreement()).isEmpty();
        assertThat(permit.fields()).containsExactlyInAnyOrder(PersonalField.NAMES, PersonalField.SEX,
                PersonalField.BIRTH, PersonalField.HOUSEHOLD, PersonalField.CONTACT, PersonalField.LOCATION);
    }

    @Test
    void withoutASubjectNoBasisIsNeeded() {
        AccessDecision.Permit permit = (AccessDecision.Permit) policy.decide(new AccessRequest(REGISTRAR,
                Optional.of("ASSIST.CASH"), Action.SEARCH, Optional.empty()));
        assertThat(permit.basis()).isEmpty();
        assertThat(permit.fields()).doesNotContain(PersonalField.DOCUMENTS, PersonalField.SPECIFIC_NEEDS,
                PersonalField.BIOMETRICS, PersonalField.CASE_NOTES);
    }

    @Test
    void noRecordRefusalOrAnUnacceptedBasisIsNoConsent() {
        assertThat(decide(REGISTRAR, "ASSIST.CASH", Action.READ, SubjectBases.none())).isEqualTo(deny(DenialReason.NO_CONSENT));
        assertThat(decide(REGISTRAR, "ASSIST.CASH", Action.READ,
                bases(record("ASSIST.CASH", LegalBasis.CONSENT, ConsentStatus.REFUSED, DEMOGRAPHIC, NOW.minusSeconds(5), null))))
                .isEqualTo(deny(DenialReason.NO_CONSENT));
        assertThat(decide(REGISTRAR, "ASSIST.CASH", Action.READ, bases(given("ASSIST.CASH", LegalBasis.LEGITIMATE_INTEREST))))
                .isEqualTo(deny(DenialReason.NO_CONSENT));
        // a basis for another purpose does not count
        assertThat(decide(REGISTRAR, "ASSIST.CASH", Action.READ, bases(given("ASSIST.NFI", LegalBasis.CONSENT))))
                .isEqualTo(deny(DenialReason.NO_CONSENT));
    }

    @Test
    void theCurrentRecordDecidesAndSubjectBasesHoldOnePerPurpose() {
        BasisRecord given = record("PROT.CASE", LegalBasis.CONSENT, ConsentStatus.GIVEN, DEMOGRAPHIC, NOW.minusSeconds(60), null);
        BasisRecord withdrawn = record("PROT.CASE", LegalBasis.CONSENT, ConsentStatus.WITHDRAWN, DEMOGRAPHIC, NOW.minusSeconds(30), null);

        assertThat(decide(PROTECTION, "PROT.CASE", Action.READ, bases(withdrawn)))
                .isEqualTo(deny(DenialReason.CONSENT_WITHDRAWN));
        assertThat(decide(PROTECTION, "PROT.CASE", Action.READ, bases(given)).permitted()).isTrue();
        // the loader resolves the latest entry per purpose: two current bases for one purpose are a caller's error
        assertThatThrownBy(() -> bases(given, withdrawn)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aConsentPastItsValidityIsExpired() {
        assertThat(decide(REGISTRAR, "REG.ENROL", Action.READ, bases(record("REG.ENROL", LegalBasis.CONSENT,
                ConsentStatus.GIVEN, DEMOGRAPHIC, NOW.minusSeconds(600), NOW))))
                .isEqualTo(deny(DenialReason.CONSENT_EXPIRED));
        assertThat(decide(REGISTRAR, "REG.ENROL", Action.READ, bases(record("REG.ENROL", LegalBasis.CONSENT,
                ConsentStatus.GIVEN, DEMOGRAPHIC, NOW.minusSeconds(600), NOW.plusSeconds(1)))).permitted()).isTrue();
        // a non-consent basis lapses at its validity too
        assertThat(decide(REGISTRAR, "REG.ENROL", Action.READ, bases(record("REG.ENROL",
                LegalBasis.PUBLIC_INTEREST_MANDATE, ConsentStatus.GIVEN, DEMOGRAPHIC, NOW.minusSeconds(600), NOW.minusSeconds(1)))))
                .isEqualTo(deny(DenialReason.CONSENT_EXPIRED));
    }

    @Test
    void nonConsentBasesAndExplicitConsentAreAcceptedWhereThePurposeListsThem() {
        AccessDecision.Permit mandate = (AccessDecision.Permit) decide(REGISTRAR, "REG.ENROL", Action.UPDATE,
                bases(given("REG.ENROL", LegalBasis.PUBLIC_INTEREST_MANDATE)));
        assertThat(mandate.basis()).contains(LegalBasis.PUBLIC_INTEREST_MANDATE);
        AccessDecision.Permit explicit = (AccessDecision.Permit) decide(REGISTRAR, "ASSIST.SHELTER", Action.READ,
                bases(given("ASSIST.SHELTER", LegalBasis.EXPLICIT_CONSENT)));
        assertThat(explicit.basis()).contains(LegalBasis.EXPLICIT_CONSENT);
        // REG.DEDUP accepts explicit consent, not plain consent
        assertThat(decide(REGISTRAR, "REG.DEDUP", Action.READ, bases(given("REG.DEDUP", LegalBasis.CONSENT))))
                .isEqualTo(deny(DenialReason.NO_CONSENT));
    }

    @Test
    void biometricActionsNeedBiometricCategoryAndExplicitConsent() {
        BasisRecord explicitBiometric = record("REG.DEDUP", LegalBasis.EXPLICIT_CONSENT, ConsentStatus.GIVEN,
                WITH_BIOMETRIC, NOW.minusSeconds(5), null);
        BasisRecord explicitDemographicOnly = record("REG.DEDUP", LegalBasis.EXPLICIT_CONSENT, ConsentStatus.GIVEN,
                DEMOGRAPHIC, NOW.minusSeconds(5), null);
        assertThat(decide(ADJUDICATOR, "REG.DEDUP", Action.BIOMETRIC_IMAGE_VIEW, bases(explicitBiometric)).permitted()).isTrue();
        assertThat(decide(ADJUDICATOR, "REG.DEDUP", Action.BIOMETRIC_IMAGE_VIEW, bases(explicitDemographicOnly)))
                .isEqualTo(deny(DenialReason.NO_CONSENT));
        // the same demographic-only basis suffices for a non-biometric action
        assertThat(decide(REGISTRAR, "REG.DEDUP", Action.READ, bases(explicitDemographicOnly)).permitted()).isTrue();

        BasisRecord plainConsentBiometric = record("REG.VERIFY", LegalBasis.CONSENT, ConsentStatus.GIVEN,
                WITH_BIOMETRIC, NOW.minusSeconds(5), null);
        assertThat(decide(REGISTRAR, "REG.VERIFY", Action.BIOMETRIC_VERIFY, bases(plainConsentBiometric)))
                .isEqualTo(deny(DenialReason.NO_CONSENT));
        assertThat(decide(REGISTRAR, "REG.VERIFY", Action.READ, bases(plainConsentBiometric)).permitted()).isTrue();
        BasisRecord mandateBiometric = record("REG.VERIFY", LegalBasis.PUBLIC_INTEREST_MANDATE, ConsentStatus.GIVEN,
                WITH_BIOMETRIC, NOW.minusSeconds(5), null);
        assertThat(decide(REGISTRAR, "REG.VERIFY", Action.BIOMETRIC_VERIFY, bases(mandateBiometric)).permitted()).isTrue();
        // biometric capture under REG.ENROL: explicit consent (a consent REG.ENROL accepts) covering BIOMETRIC
        assertThat(decide(REGISTRAR, "REG.ENROL", Action.BIOMETRIC_ENROL, bases(record("REG.ENROL",
                LegalBasis.EXPLICIT_CONSENT, ConsentStatus.GIVEN, WITH_BIOMETRIC, NOW.minusSeconds(5), null))).permitted()).isTrue();
        assertThat(decide(REGISTRAR, "REG.ENROL", Action.BIOMETRIC_ENROL, bases(record("REG.ENROL",
                LegalBasis.CONSENT, ConsentStatus.GIVEN, WITH_BIOMETRIC, NOW.minusSeconds(5), null))))
                .isEqualTo(deny(DenialReason.NO_CONSENT));
    }

    @Test
    void anApprovedBreakGlassGrantStandsInForVitalInterestWhereThePurposeAllowsIt() {
        BreakGlassGrant grant = grant(subject, "PROT.CASE", "protection", NOW.minusSeconds(60), NOW.plusSeconds(3600));
        SubjectBases withdrawnWithGrant = new SubjectBases(List.of(record("PROT.CASE", LegalBasis.CONSENT,
                ConsentStatus.WITHDRAWN, DEMOGRAPHIC, NOW.minusSeconds(600), null)), List.of(grant));

        AccessDecision.Permit permit = (AccessDecision.Permit) decide(PROTECTION, "PROT.CASE", Action.READ, withdrawnWithGrant);
        assertThat(permit.basis()).contains(LegalBasis.VITAL_INTEREST);
        assertThat(permit.breakGlass()).contains(grant.id());
        assertThat(permit.fields()).doesNotContain(PersonalField.BIOMETRICS, PersonalField.CASE_NOTES);

        // another user, an expired grant, a grant for another subject or purpose: the consent reason stands
        Actor colleague = new Actor("colleague", Set.of(Role.PROTECTION_OFFICER));
        assertThat(decide(colleague, "PROT.CASE", Action.READ, withdrawnWithGrant)).isEqualTo(deny(DenialReason.CONSENT_WITHDRAWN));
        SubjectBases expired = new SubjectBases(List.of(), List.of(
                grant(subject, "PROT.CASE", "protection", NOW.minusSeconds(7200), NOW)));
        assertThat(decide(PROTECTION, "PROT.CASE", Action.READ, expired)).isEqualTo(deny(DenialReason.NO_CONSENT));
        SubjectBases otherSubject = new SubjectBases(List.of(), List.of(
                grant(SubjectId.random(), "PROT.CASE", "protection", NOW.minusSeconds(60), NOW.plusSeconds(60))));
        assertThat(decide(PROTECTION, "PROT.CASE", Action.READ, otherSubject)).isEqualTo(deny(DenialReason.NO_CONSENT));
        SubjectBases otherPurpose = new SubjectBases(List.of(), List.of(
                grant(subject, "PROT.FAMILY_TRACING", "protection", NOW.minusSeconds(60), NOW.plusSeconds(60))));
        assertThat(decide(PROTECTION, "PROT.CASE", Action.READ, otherPurpose)).isEqualTo(deny(DenialReason.NO_CONSENT));
        // SOLUTIONS.RESETTLEMENT does not allow break-glass
        SubjectBases resettlementGrant = new SubjectBases(List.of(), List.of(
                grant(subject, "SOLUTIONS.RESETTLEMENT", "protection", NOW.minusSeconds(60), NOW.plusSeconds(60))));
        assertThat(decide(PROTECTION, "SOLUTIONS.RESETTLEMENT", Action.READ, resettlementGrant))
                .isEqualTo(deny(DenialReason.NO_CONSENT));
    }

    @Test
    void purposesWithoutASubjectBasisAndConsentManagementNeedNone() {
        assertThat(decide(DPO, "SUBJECT_REQUEST", Action.READ, SubjectBases.none()).permitted()).isTrue();
        assertThat(decide(DPO, "AUDIT", Action.READ_HISTORY, SubjectBases.none()).permitted()).isTrue();
        SubjectBases withdrawn = bases(record("REG.ENROL", LegalBasis.CONSENT, ConsentStatus.WITHDRAWN, DEMOGRAPHIC,
                NOW.minusSeconds(5), null));
        assertThat(decide(REGISTRAR, "REG.ENROL", Action.READ, withdrawn)).isEqualTo(deny(DenialReason.CONSENT_WITHDRAWN));
        for (Action consent : List.of(Action.CONSENT_READ, Action.CONSENT_RECORD, Action.CONSENT_WITHDRAW)) {
            assertThat(decide(REGISTRAR, "REG.ENROL", consent, withdrawn).permitted()).as("%s", consent).isTrue();
        }
    }

    @Test
    void aDisclosureNeedsACoveringAgreementAndIsNarrowedToItsFields() {
        RecipientId wfp = RecipientId.of("WFP-SO");
        SubjectBases consented = bases(new BasisRecord(PurposeCode.of("ASSIST.CASH"), LegalBasis.CONSENT,
                ConsentStatus.GIVEN, DEMOGRAPHIC, Set.of(wfp), NOW.minusSeconds(5), Optional.empty()));
        DataSharingAgreement cash = agreement(wfp, "ASSIST.CASH", Set.of(PersonalField.NAMES, PersonalField.CONTACT,
                PersonalField.DOCUMENTS), NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(30)));

        AccessDecision.Permit permit = (AccessDecision.Permit) disclose(consented, new Disclosure(wfp, List.of(cash)));
        assertThat(permit.agreement()).contains(cash.id());
        assertThat(permit.fields()).containsExactlyInAnyOrder(PersonalField.NAMES, PersonalField.CONTACT);

        assertThat(disclose(consented, new Disclosure(wfp, List.of()))).isEqualTo(deny(DenialReason.NO_AGREEMENT));
        DataSharingAgreement ended = agreement(wfp, "ASSIST.CASH", Set.of(PersonalField.NAMES),
                NOW.minus(Duration.ofDays(30)), NOW);
        assertThat(disclose(consented, new Disclosure(wfp, List.of(ended)))).isEqualTo(deny(DenialReason.NO_AGREEMENT));
        DataSharingAgreement otherPurpose = agreement(wfp, "ASSIST.NFI", Set.of(PersonalField.NAMES),
                NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(1)));
        assertThat(disclose(consented, new Disclosure(wfp, List.of(otherPurpose)))).isEqualTo(deny(DenialReason.NO_AGREEMENT));
        DataSharingAgreement otherRecipient = agreement(RecipientId.of("UNICEF"), "ASSIST.CASH",
                Set.of(PersonalField.NAMES), NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(1)));
        assertThat(disclose(consented, new Disclosure(wfp, List.of(otherRecipient)))).isEqualTo(deny(DenialReason.NO_AGREEMENT));
        // the subject's basis is checked first
        assertThat(disclose(SubjectBases.none(), new Disclosure(wfp, List.of(cash)))).isEqualTo(deny(DenialReason.NO_CONSENT));
    }

    @Test
    void aDisclosureOnConsentGoesOnlyToARecipientTheConsentNames() {
        RecipientId wfp = RecipientId.of("WFP-SO");
        RecipientId other = RecipientId.of("CASH-PARTNER");
        DataSharingAgreement toWfp = agreement(wfp, "ASSIST.CASH", Set.of(PersonalField.NAMES),
                NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(30)));
        DataSharingAgreement toOther = agreement(other, "ASSIST.CASH", Set.of(PersonalField.NAMES),
                NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(30)));
        SubjectBases namingWfp = bases(new BasisRecord(PurposeCode.of("ASSIST.CASH"), LegalBasis.CONSENT,
                ConsentStatus.GIVEN, DEMOGRAPHIC, Set.of(wfp), NOW.minusSeconds(5), Optional.empty()));

        assertThat(disclose(namingWfp, new Disclosure(wfp, List.of(toWfp))).permitted()).isTrue();
        assertThat(disclose(namingWfp, new Disclosure(other, List.of(toOther))))
                .isEqualTo(deny(DenialReason.RECIPIENT_NOT_CONSENTED));
        // a consent naming no recipient allows no disclosure at all
        assertThat(disclose(bases(given("ASSIST.CASH", LegalBasis.CONSENT)), new Disclosure(wfp, List.of(toWfp))))
                .isEqualTo(deny(DenialReason.RECIPIENT_NOT_CONSENTED));
        // a non-consent basis is not limited to recipients (the agreement is what governs it)
        assertThat(disclose(bases(given("ASSIST.CASH", LegalBasis.PUBLIC_INTEREST_MANDATE)),
                new Disclosure(other, List.of(toOther))).permitted()).isTrue();
        assertThat(DenialReason.RECIPIENT_NOT_CONSENTED.slug()).isEqualTo("recipient-not-consented");
    }

    @Test
    void aBreakGlassGrantNeverPermitsADisclosure() {
        RecipientId icrc = RecipientId.of("ICRC");
        DataSharingAgreement tracing = agreement(icrc, "PROT.FAMILY_TRACING", Set.of(PersonalField.NAMES),
                NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(30)));
        SubjectBases grantOnly = new SubjectBases(List.of(), List.of(
                grant(subject, "PROT.FAMILY_TRACING", "protection", NOW.minusSeconds(60), NOW.plusSeconds(3600))));

        assertThat(policy.decide(new AccessRequest(PROTECTION, Optional.of("PROT.FAMILY_TRACING"), Action.TRANSFER,
                Optional.of(subject), grantOnly, Optional.of(new Disclosure(icrc, List.of(tracing))))))
                .isEqualTo(deny(DenialReason.NO_CONSENT));
        // the same grant still stands in for the requester's own work on the person
        AccessDecision.Permit own = (AccessDecision.Permit) decide(PROTECTION, "PROT.FAMILY_TRACING", Action.READ,
                grantOnly);
        assertThat(own.basis()).contains(LegalBasis.VITAL_INTEREST);
    }

    @Test
    void aConsentLetsThePurposeSeeOnlyTheCategoriesItCovers() {
        SubjectBases demographicOnly = bases(given("PROT.CASE_NOTES", LegalBasis.CONSENT));
        assertThat(decide(PROTECTION, "PROT.CASE_NOTES", Action.CASE_NOTE_READ, demographicOnly))
                .isEqualTo(deny(DenialReason.NO_CONSENT));
        assertThat(decide(PROTECTION, "PROT.CASE_NOTES", Action.CASE_NOTE_WRITE, demographicOnly))
                .isEqualTo(deny(DenialReason.NO_CONSENT));
        SubjectBases withNotes = bases(record("PROT.CASE_NOTES", LegalBasis.CONSENT, ConsentStatus.GIVEN,
                Set.of(DataCategory.DEMOGRAPHIC, DataCategory.CASE_NOTES), NOW.minusSeconds(5), null));
        AccessDecision.Permit notes = (AccessDecision.Permit) decide(PROTECTION, "PROT.CASE_NOTES",
                Action.CASE_NOTE_READ, withNotes);
        assertThat(notes.fields()).containsExactlyInAnyOrder(PersonalField.CASE_NOTES, PersonalField.NAMES);
        SubjectBases notesOnly = bases(record("PROT.CASE_NOTES", LegalBasis.CONSENT, ConsentStatus.GIVEN,
                Set.of(DataCategory.CASE_NOTES), NOW.minusSeconds(5), null));
        assertThat(((AccessDecision.Permit) decide(PROTECTION, "PROT.CASE_NOTES", Action.CASE_NOTE_READ, notesOnly))
                .fields()).containsExactly(PersonalField.CASE_NOTES);

        // REG.DEDUP on an explicit consent to biometrics only: the biometric fields, none of the demographic ones
        SubjectBases biometricOnly = bases(record("REG.DEDUP", LegalBasis.EXPLICIT_CONSENT, ConsentStatus.GIVEN,
                Set.of(DataCategory.BIOMETRIC), NOW.minusSeconds(5), null));
        assertThat(((AccessDecision.Permit) decide(ADJUDICATOR, "REG.DEDUP", Action.BIOMETRIC_IMAGE_VIEW,
                biometricOnly)).fields()).containsExactly(PersonalField.BIOMETRICS);
        // a consent covering none of the purpose's categories is no basis
        SubjectBases notesForCase = bases(record("PROT.CASE", LegalBasis.CONSENT, ConsentStatus.GIVEN,
                Set.of(DataCategory.CASE_NOTES), NOW.minusSeconds(5), null));
        assertThat(decide(PROTECTION, "PROT.CASE", Action.READ, notesForCase)).isEqualTo(deny(DenialReason.NO_CONSENT));
        // a non-consent basis is not narrowed by categories; a grant stands in with the purpose's fields
        SubjectBases mandate = bases(record("REG.DEDUP", LegalBasis.PUBLIC_INTEREST_MANDATE, ConsentStatus.GIVEN,
                Set.of(DataCategory.BIOMETRIC), NOW.minusSeconds(5), null));
        assertThat(((AccessDecision.Permit) decide(REGISTRAR, "REG.DEDUP", Action.READ, mandate)).fields())
                .contains(PersonalField.NAMES, PersonalField.BIOMETRICS);
        SubjectBases notesWithGrant = new SubjectBases(demographicOnly.records(), List.of(
                grant(subject, "PROT.CASE_NOTES", "protection", NOW.minusSeconds(60), NOW.plusSeconds(60))));
        assertThat(((AccessDecision.Permit) decide(PROTECTION, "PROT.CASE_NOTES", Action.CASE_NOTE_READ,
                notesWithGrant)).basis()).contains(LegalBasis.VITAL_INTEREST);
    }

    @Test
    void roleAndPurposeReasonsComeBeforeConsentReasons() {
        assertThat(decide(REGISTRAR, "PROT.CASE", Action.READ, SubjectBases.none()))
                .isEqualTo(deny(DenialReason.PURPOSE_NOT_ALLOWED_FOR_ROLE));
        assertThat(decide(REGISTRAR, "MILITARY", Action.READ, SubjectBases.none()))
                .isEqualTo(deny(DenialReason.PROHIBITED_PURPOSE));
        assertThat(decide(REGISTRAR, "ASSIST.CASH", Action.UPDATE, SubjectBases.none()))
                .isEqualTo(deny(DenialReason.ACTION_NOT_COVERED_BY_PURPOSE));
    }

    @Test
    void definitionsAcceptExplicitConsentWhereTheyAcceptConsent() {
        PurposeDefinition cash = PurposeCatalogue.defaults().definition(PurposeCode.of("ASSIST.CASH")).orElseThrow();
        assertThat(cash.accepts(LegalBasis.EXPLICIT_CONSENT)).isTrue();
        assertThat(cash.accepts(LegalBasis.LEGAL_OBLIGATION)).isFalse();
        PurposeDefinition dedup = PurposeCatalogue.defaults().definition(PurposeCode.of("REG.DEDUP")).orElseThrow();
        assertThat(dedup.accepts(LegalBasis.CONSENT)).isFalse();
        assertThat(EnumSet.copyOf(cash.fields())).doesNotContain(PersonalField.DOCUMENTS, PersonalField.SPECIFIC_NEEDS);
    }

    private AccessDecision decide(Actor actor, String purpose, Action action, SubjectBases bases) {
        return policy.decide(new AccessRequest(actor, Optional.of(purpose), action, Optional.of(subject), bases,
                Optional.empty()));
    }

    private AccessDecision disclose(SubjectBases bases, Disclosure disclosure) {
        return policy.decide(new AccessRequest(REGISTRAR, Optional.of("ASSIST.CASH"), Action.READ,
                Optional.of(subject), bases, Optional.of(disclosure)));
    }

    private static SubjectBases bases(BasisRecord... records) {
        return new SubjectBases(List.of(records), List.of());
    }

    private static BasisRecord given(String purpose, LegalBasis basis) {
        return record(purpose, basis, ConsentStatus.GIVEN, DEMOGRAPHIC, NOW.minusSeconds(5), null);
    }

    private static BasisRecord record(String purpose, LegalBasis basis, ConsentStatus status,
                                      Set<DataCategory> categories, Instant at, Instant validUntil) {
        return new BasisRecord(PurposeCode.of(purpose), basis, status, categories, at, Optional.ofNullable(validUntil));
    }

    private static BreakGlassGrant grant(SubjectId subject, String purpose, String user, Instant from, Instant until) {
        return new BreakGlassGrant(BreakGlassId.random(), subject, PurposeCode.of(purpose), user, "approver", from, until);
    }

    private static DataSharingAgreement agreement(RecipientId recipient, String purpose, Set<PersonalField> fields,
                                                  Instant from, Instant until) {
        return new DataSharingAgreement(AgreementId.random(), recipient, Set.of(PurposeCode.of(purpose)), fields,
                from, until, Optional.empty(), LegalBasis.CONSENT, "signatory", Optional.empty());
    }

    private static AccessDecision deny(DenialReason reason) {
        return new AccessDecision.Deny(reason);
    }
}
