package org.safereg.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.safereg.registration.testing.BiometricSamples.syntheticPair;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.safereg.keys.SubjectId;
import org.safereg.matching.FingerPosition;
import org.safereg.privacy.PseudonymDomain;
import org.safereg.registration.biometrics.BiometricRecords;
import org.safereg.registration.model.HouseholdEnrolment;
import org.safereg.registration.model.HouseholdEnrolmentResult;
import org.safereg.registration.model.Individual;
import org.safereg.registration.model.IndividualDetails;
import org.safereg.registration.model.IndividualVersion;
import org.safereg.registration.model.NewHouseholdMember;
import org.safereg.registration.model.RegistrationStatus;
import org.safereg.registration.model.Relationship;
import org.safereg.registration.rights.SubjectExport;
import org.safereg.registration.testing.TestConsents;

/** Interested-person access: the complete export with the disclosure list, and rectification by the DPO. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SubjectRightsTest {
    static final LocalDate DOB = LocalDate.of(1979, 9, 30);
    @TempDir
    static Path keys;
    CoreFixture f;

    @BeforeAll
    void setUp() {
        f = new CoreFixture(keys);
        assertThat(f.core.biometrics().loadGallery().ready()).isTrue();
    }

    @AfterAll
    void closeFixture() {
        f.close();
    }

    @Test
    void aRectificationIsANewVersionWithItsReasonAndTheOldVersionStaysInTheHistory() {
        IndividualDetails wrong = CoreFixture.person("Fadumo", "Misspelt", DOB, "RECT-1", "+252 61 555 0700");
        SubjectId id = f.core.individuals().enrol(f.registrar(), TestConsents.standard(), wrong, Optional.empty())
                .id();
        IndividualDetails right = CoreFixture.person("Fadumo", "Correctspelling", DOB, "RECT-1", "+252 61 555 0700");

        Individual rectified = f.core.individuals().update(f.dpo("SUBJECT_REQUEST"), id, 1, right,
                "rectification requested by the person: family name misspelt at registration");

        assertThat(rectified.version()).isEqualTo(2);
        assertThat(f.lastAudit()).containsEntry("action", "UPDATE").containsEntry("purpose", "SUBJECT_REQUEST")
                .containsEntry("outcome", "SUCCESS");
        List<IndividualVersion> history = f.core.individuals().history(f.dpo("SUBJECT_REQUEST"), id);
        assertThat(history).hasSize(2);
        assertThat(history.get(0).details()).isEqualTo(wrong);
        assertThat(history.get(0).info().reason()).isEmpty();
        assertThat(history.get(1).details()).isEqualTo(right);
        assertThat(history.get(1).info().reason())
                .contains("rectification requested by the person: family name misspelt at registration");
        assertThat(history.get(1).info().changedBy()).isEqualTo("dpo");
        // a rectification needs a reason, as every update
        assertThatThrownBy(() -> f.core.individuals().update(f.dpo("SUBJECT_REQUEST"), id, 2, wrong, ""))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void theExportHoldsEverythingAboutTheSubjectAndOnlyTheirDisclosures() {
        HouseholdEnrolmentResult family = f.core.households().enrol(f.registrar(), TestConsents.standard(),
                new HouseholdEnrolment(
                        CoreFixture.person("Exporthead", "Family", DOB, "EXP-H", "+252 61 555 0710"),
                        List.of(new NewHouseholdMember(
                                CoreFixture.person("Exportee", "Family", DOB, "EXP-1", "+252 61 555 0711"),
                                Relationship.SPOUSE))),
                Optional.empty());
        SubjectId id = family.members().get(0);
        f.core.individuals().update(f.protection(), id, 1,
                CoreFixture.person("Exportee", "Family", DOB, "EXP-1", "+252 61 555 0799"), "new phone number");
        f.core.individuals().read(f.registrar(), id);
        f.core.individuals().read(f.registrar(), family.head());
        assertThatThrownBy(() -> f.core.individuals().read(f.context("stats", org.safereg.privacy.Role.STATISTICIAN,
                "STATS.OPS"), id)).isInstanceOf(AccessDeniedException.class);
        byte[] pseudonym = f.core.pseudonymizer().of(PseudonymDomain.AUDIT, id).value();
        long eventsNamingThem = f.jdbc.sql("SELECT count(*) FROM audit_event WHERE subject_pseudonym = ?")
                .param(pseudonym).query(Long.class).single();

        SubjectExport export = f.core.subjectRights().export(f.dpo("SUBJECT_REQUEST"), id);

        assertThat(export.subject()).isEqualTo(id);
        assertThat(export.state().status()).isEqualTo(RegistrationStatus.ACTIVE);
        assertThat(export.current().details().contact().orElseThrow().phone()).contains("+252 61 555 0799");
        assertThat(export.versions()).hasSize(2);
        assertThat(export.versions().get(0).details().contact().orElseThrow().phone()).contains("+252 61 555 0711");
        assertThat(export.versions().get(1).info().reason()).contains("new phone number");
        assertThat(export.households()).singleElement().satisfies(m -> {
            assertThat(m.household()).isEqualTo(family.household());
            assertThat(m.relationshipToHead()).isEqualTo(Relationship.SPOUSE);
            assertThat(m.head()).isFalse();
            assertThat(m.leftVersion()).isEmpty();
        });
        assertThat(export.fingerprints()).isEmpty();
        assertThat(export.adjudication()).isEmpty();
        assertThat(export.consents().records()).hasSize(1);
        assertThat(export.consents().current()).extracting(b -> b.purpose().value()).contains("REG.ENROL", "PROT.CASE");
        // the disclosure list: every event naming them (enrolment, update, reads, the denied read), none of others
        assertThat(export.disclosures()).hasSize((int) eventsNamingThem);
        assertThat(export.disclosures()).extracting(SubjectExport.AccessEvent::action)
                .containsExactly("ENROL", "UPDATE", "READ", "READ");
        assertThat(export.disclosures()).extracting(SubjectExport.AccessEvent::outcome)
                .containsExactly("SUCCESS", "SUCCESS", "SUCCESS", "DENIED");
        assertThat(export.disclosures().get(1)).satisfies(e -> {
            assertThat(e.role()).isEqualTo("PROTECTION_OFFICER");
            assertThat(e.purpose()).isEqualTo("PROT.CASE");
        });
        assertThat(export.disclosures().get(3).role()).isEqualTo("STATISTICIAN");
        // the export itself is audited, and listed in the next export
        assertThat(f.lastAudit()).containsEntry("action", "SUBJECT_EXPORT").containsEntry("purpose", "SUBJECT_REQUEST")
                .containsEntry("outcome", "SUCCESS");
        assertThat(f.core.subjectRights().export(f.dpo("SUBJECT_REQUEST"), id).disclosures())
                .last().extracting(SubjectExport.AccessEvent::action).isEqualTo("SUBJECT_EXPORT");
        // only for the DPO acting on a subject request
        assertThatThrownBy(() -> f.core.subjectRights().export(f.registrar(), id))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> f.core.subjectRights().export(f.dpo("AUDIT"), id))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theExportListsFingerprintCaptureMetadataAndTheAdjudicationCaseWithoutCandidates() {
        var bio = f.core.biometrics();
        bio.enrol(f.registrar(), TestConsents.standard(),
                CoreFixture.person("Firstprint", "Biometric", DOB, "FP-1", "+252 61 555 0720"),
                syntheticPair(51, 0), Optional.empty());
        var pending = bio.enrol(f.registrar(), TestConsents.standard(),
                CoreFixture.person("Secondprint", "Biometric", DOB, "FP-2", "+252 61 555 0721"),
                syntheticPair(51, 1), Optional.empty());
        bio.decide(f.adjudicator(), pending.adjudicationCase().orElseThrow(),
                org.safereg.registration.biometrics.AdjudicationDecision.DISTINCT, Optional.empty(),
                "different people: documents checked");

        SubjectExport export = f.core.subjectRights().export(f.dpo("SUBJECT_REQUEST"), pending.id());

        assertThat(export.fingerprints()).extracting(BiometricRecords.Capture::position)
                .containsExactly(FingerPosition.RIGHT_INDEX, FingerPosition.LEFT_INDEX);
        assertThat(export.fingerprints()).allSatisfy(c -> assertThat(c.dpi()).isPositive());
        assertThat(export.adjudication()).hasValueSatisfying(c -> {
            assertThat(c.candidateCount()).isEqualTo(1);
            assertThat(c.decisionReason()).contains("different people: documents checked");
            assertThat(c.decidedBy()).contains("adjudicator");
        });
    }

    @Test
    void anErasedSubjectHasNoExportButTheirReceiptCanBeHandedOverAgain() {
        SubjectId id = f.core.individuals().enrol(f.registrar(), TestConsents.standard(),
                CoreFixture.person("Goneexport", "Family", DOB, "GEX-1", "+252 61 555 0730"), Optional.empty()).id();
        String receipt = f.core.individuals().erase(f.dpo("SUBJECT_REQUEST"), id).receipt().json();

        assertThatThrownBy(() -> f.core.subjectRights().export(f.dpo("SUBJECT_REQUEST"), id))
                .isInstanceOf(SubjectErasedException.class);
        assertThat(f.core.subjectRights().erasureReceipt(f.dpo("SUBJECT_REQUEST"), id).json()).isEqualTo(receipt);
        SubjectId active = f.core.individuals().enrol(f.registrar(), TestConsents.standard(),
                CoreFixture.person("Stillhere", "Family", DOB, "GEX-2", "+252 61 555 0731"), Optional.empty()).id();
        assertThatThrownBy(() -> f.core.subjectRights().erasureReceipt(f.dpo("SUBJECT_REQUEST"), active))
                .isInstanceOf(RecordNotFoundException.class);
    }
}
