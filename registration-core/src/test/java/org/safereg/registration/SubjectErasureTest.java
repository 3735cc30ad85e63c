package org.safereg.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.safereg.registration.testing.BiometricSamples.syntheticPair;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.safereg.keys.DataCategory;
import org.safereg.keys.SigningPublicKey;
import org.safereg.keys.SubjectId;
import org.safereg.registration.biometrics.AdjudicationCase;
import org.safereg.registration.biometrics.AdjudicationDecision;
import org.safereg.registration.biometrics.BiometricEnrolmentResult;
import org.safereg.registration.biometrics.CaseStatus;
import org.safereg.registration.biometrics.MatchCandidate;
import org.safereg.registration.model.ErasureResult;
import org.safereg.registration.model.Household;
import org.safereg.registration.model.HouseholdEnrolment;
import org.safereg.registration.model.HouseholdEnrolmentResult;
import org.safereg.registration.model.HouseholdMember;
import org.safereg.registration.model.HouseholdStatus;
import org.safereg.registration.model.NewHouseholdMember;
import org.safereg.registration.model.RegistrationStatus;
import org.safereg.registration.model.Relationship;
import org.safereg.registration.rights.ErasedItem;
import org.safereg.registration.rights.ErasureReceipt;
import org.safereg.registration.rights.ErasureReceiptVerifier;
import org.safereg.registration.rights.ErasureReceiptVerifier.Outcome;
import org.safereg.registration.testing.TestConsents;
import org.springframework.dao.DataAccessException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Erasure with a signed receipt, and erasure of people in the middle of a workflow: the head of a household,
 * the subject of an open adjudication case, and a candidate of someone else's open case.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SubjectErasureTest {
    static final LocalDate DOB = LocalDate.of(1988, 5, 6);
    static final JsonMapper JSON = JsonMapper.builder().build();
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

    SigningPublicKey publicKey() {
        return SigningPublicKey.fromPem("exported", f.kek.signingPublicKeys().get(0).pem());
    }

    @Test
    void aMalformedRequestIdIsNotCopiedIntoTheReceipt() {
        SubjectId id = f.core.individuals().enrol(f.registrar(), TestConsents.standard(),
                CoreFixture.person("Requestia", "Idwell", DOB, "RQID-1", "+252 61 555 0601"), Optional.empty()).id();
        RequestContext smuggling = RequestContext.of(new org.safereg.privacy.Actor("dpo",
                java.util.Set.of(org.safereg.privacy.Role.DATA_PROTECTION_OFFICER)), "SUBJECT_REQUEST",
                "Requestia Idwell +252 61 555 0601");

        var receipt = f.core.individuals().erase(smuggling, id).receipt();

        assertThat(receipt.receipt().requestId()).isEqualTo("<invalid>");
        assertThat(f.jdbc.sql("SELECT count(*) FROM erasure_receipt WHERE receipt LIKE '%Idwell%'")
                .query(Long.class).single()).isZero();
    }

    @Test
    void theReceiptIsSignedStoredWithoutPersonalDataAndVerifiesOffline() {
        SubjectId id = f.core.individuals().enrol(f.registrar(), TestConsents.standard(),
                CoreFixture.person("Receipta", "Shredwell", DOB, "RCPT-1", "+252 61 555 0600"), Optional.empty()).id();
        RequestContext dpo = f.dpo("SUBJECT_REQUEST");

        ErasureResult erased = f.core.individuals().erase(dpo, id);

        ErasureReceipt receipt = erased.receipt().receipt();
        assertThat(receipt.subject()).isEqualTo(id);
        assertThat(receipt.actor()).isEqualTo("dpo");
        assertThat(receipt.purpose()).isEqualTo("SUBJECT_REQUEST");
        assertThat(receipt.requestId()).isEqualTo(dpo.requestId());
        assertThat(receipt.alreadyErased()).isFalse();
        assertThat(receipt.keyCategoriesDestroyed()).containsExactly(DataCategory.DEMOGRAPHIC);
        assertThat(receipt.kekVersions()).containsExactly(f.kek.primaryVersion().number());
        // document, name + date of birth, and the location chain (country, region, district)
        assertThat(receipt.removed()).containsEntry(ErasedItem.BLIND_INDEX_ROWS, 5)
                .containsEntry(ErasedItem.STATISTICAL_PROJECTION_ROWS, 1)
                .containsEntry(ErasedItem.GALLERY_FINGERS, 0)
                .containsEntry(ErasedItem.HOUSEHOLD_MEMBERSHIPS_ENDED, 0);
        String json = erased.receipt().json();
        // (the phone number as given and normalised; "555" alone can occur in the subject id or the signature)
        assertThat(json).doesNotContain("Receipta", "Shredwell", "RCPT", "555 0600", "5550600");
        assertThat(json).startsWith("{\"receipt\":{\"actor\":\"dpo\",\"alreadyErased\":false,");

        assertThat(ErasureReceiptVerifier.verify(json, publicKey()).outcome()).isEqualTo(Outcome.VALID);
        assertThat(ErasureReceiptVerifier.verify(json, publicKey()).subjectId()).contains(id.value().toString());
        // reformatted (indentation, key order) it still verifies; any changed value does not
        ObjectNode document = (ObjectNode) JSON.readTree(json);
        assertThat(ErasureReceiptVerifier.verify(document.toPrettyString(), publicKey()).valid()).isTrue();
        ((ObjectNode) document.get("receipt")).put("erasedAt", "2020-01-01T00:00:00Z");
        assertThat(ErasureReceiptVerifier.verify(document.toString(), publicKey()).outcome())
                .isEqualTo(Outcome.BAD_SIGNATURE);
        assertThat(ErasureReceiptVerifier.verify(json.replace("\"DEMOGRAPHIC\"", "\"BIOMETRIC\""), publicKey()).outcome())
                .isEqualTo(Outcome.BAD_SIGNATURE);
        assertThat(ErasureReceiptVerifier.verify("{\"receipt\":1}", publicKey()).outcome()).isEqualTo(Outcome.MALFORMED);
        assertThat(ErasureReceiptVerifier.verify("not json", publicKey()).outcome()).isEqualTo(Outcome.MALFORMED);

        // stored once, append-only; erasing again answers the same receipt
        Map<String, Object> row = f.jdbc.sql("SELECT receipt_id, receipt FROM erasure_receipt WHERE subject_id = ?")
                .param(id.value()).query().singleRow();
        assertThat(row.get("receipt_id")).isEqualTo(receipt.receiptId());
        ErasureResult again = f.core.individuals().erase(f.dpo("SUBJECT_REQUEST"), id);
        assertThat(again.alreadyErased()).isTrue();
        assertThat(again.receipt().json()).isEqualTo(json);
        assertThatThrownBy(() -> f.jdbc.sql("UPDATE erasure_receipt SET erased_at = now() WHERE subject_id = ?")
                .param(id.value()).update()).isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> f.jdbc.sql("DELETE FROM erasure_receipt WHERE subject_id = ?")
                .param(id.value()).update()).isInstanceOf(DataAccessException.class);
    }

    @Test
    void erasingTheHeadKeepsTheHouseholdWithItsOtherMembers() {
        HouseholdEnrolmentResult family = f.core.households().enrol(f.registrar(), TestConsents.standard(),
                new HouseholdEnrolment(
                        CoreFixture.person("Headmother", "Erasefamily", DOB, "HEAD-1", "+252 61 555 0610"),
                        List.of(new NewHouseholdMember(CoreFixture.rapid("Firstchild", CoreFixture.DISTRICT), Relationship.CHILD),
                                new NewHouseholdMember(CoreFixture.rapid("Secondchild", CoreFixture.DISTRICT), Relationship.CHILD))),
                Optional.empty());

        ErasureResult erased = f.core.individuals().erase(f.dpo("SUBJECT_REQUEST"), family.head());

        assertThat(erased.receipt().receipt().removed()).containsEntry(ErasedItem.HOUSEHOLD_MEMBERSHIPS_ENDED, 1);
        Household household = f.core.households().read(f.registrar(), family.household());
        assertThat(household.status()).isEqualTo(HouseholdStatus.ACTIVE);
        assertThat(household.version()).isEqualTo(2);
        assertThat(household.members()).containsExactly(
                new HouseholdMember(family.members().get(0), Relationship.CHILD),
                new HouseholdMember(family.members().get(1), Relationship.CHILD));
        assertThat(f.jdbc.sql("SELECT count(*) FROM household_member WHERE household_id = ? AND is_head AND left_version IS NULL")
                .param(family.household().value()).query(Long.class).single()).isZero();
        // the remaining members are counted as a household of two; they can still leave, the last one dissolves it
        for (SubjectId member : family.members()) {
            assertThat(f.core.individuals().read(f.registrar(), member).household()).contains(family.household());
        }
        f.core.households().removeMember(f.protection(), family.household(), 2, family.members().get(0), "moved out");
        f.core.households().removeMember(f.protection(), family.household(), 3, family.members().get(1), "moved out");
        assertThat(f.core.households().read(f.registrar(), family.household()).status())
                .isEqualTo(HouseholdStatus.DISSOLVED);
    }

    @Test
    void erasingACandidateLeavesTheOpenCaseDecidableButNotAsTheirDuplicate() {
        var bio = f.core.biometrics();
        BiometricEnrolmentResult existing = bio.enrol(f.registrar(), TestConsents.standard(),
                CoreFixture.person("Candida", "Biometric", DOB, "CAND-1", "+252 61 555 0620"), syntheticPair(31, 0),
                Optional.empty());
        BiometricEnrolmentResult pending = bio.enrol(f.registrar(), TestConsents.standard(),
                CoreFixture.person("Pendora", "Biometric", DOB, "PEND-1", "+252 61 555 0621"), syntheticPair(31, 1),
                Optional.empty());
        assertThat(pending.status()).isEqualTo(RegistrationStatus.PENDING_ADJUDICATION);

        ErasureResult erased = f.core.individuals().erase(f.dpo("SUBJECT_REQUEST"), existing.id());

        assertThat(erased.receipt().receipt().keyCategoriesDestroyed())
                .containsExactlyInAnyOrder(DataCategory.DEMOGRAPHIC, DataCategory.BIOMETRIC);
        assertThat(erased.receipt().receipt().removed()).containsEntry(ErasedItem.GALLERY_FINGERS, 2)
                .containsEntry(ErasedItem.ADJUDICATION_CASES_WITHDRAWN, 0);
        AdjudicationCase open = bio.adjudicationCase(f.adjudicator(), pending.adjudicationCase().orElseThrow());
        assertThat(open.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(open.candidates()).extracting(MatchCandidate::subject, MatchCandidate::status)
                .containsExactly(Tuple.tuple(existing.id(), RegistrationStatus.ERASED));
        assertThatThrownBy(() -> bio.decide(f.adjudicator(), open.id(), AdjudicationDecision.DUPLICATE,
                Optional.of(existing.id()), "same person")).isInstanceOf(AdjudicationConflictException.class);
        // the gallery no longer finds the erased person's fingers; the pending registration is still searched
        assertThat(bio.identify(f.adjudicator(), syntheticPair(31, 2)).candidates())
                .extracting(MatchCandidate::subject).containsExactly(pending.id());
        AdjudicationCase decided = bio.decide(f.adjudicator(), open.id(), AdjudicationDecision.DISTINCT,
                Optional.empty(), "the earlier registration was erased at the person's request");
        assertThat(decided.subjectStatus()).isEqualTo(RegistrationStatus.ACTIVE);
    }

    @Test
    void erasingTheSubjectOfAnOpenCaseWithdrawsIt() {
        var bio = f.core.biometrics();
        BiometricEnrolmentResult existing = bio.enrol(f.registrar(), TestConsents.standard(),
                CoreFixture.person("Keepa", "Biometric", DOB, "KEEPB-1", "+252 61 555 0630"), syntheticPair(41, 0),
                Optional.empty());
        BiometricEnrolmentResult pending = bio.enrol(f.registrar(), TestConsents.standard(),
                CoreFixture.person("Leavea", "Biometric", DOB, "LEAVE-1", "+252 61 555 0631"), syntheticPair(41, 1),
                Optional.empty());
        assertThat(pending.status()).isEqualTo(RegistrationStatus.PENDING_ADJUDICATION);

        ErasureResult erased = f.core.individuals().erase(f.dpo("SUBJECT_REQUEST"), pending.id());

        assertThat(erased.receipt().receipt().removed()).containsEntry(ErasedItem.ADJUDICATION_CASES_WITHDRAWN, 1)
                .containsEntry(ErasedItem.GALLERY_FINGERS, 2)
                .containsEntry(ErasedItem.STATISTICAL_PROJECTION_ROWS, 0);
        assertThat(f.jdbc.sql("SELECT status FROM adjudication_case WHERE subject_id = ?").param(pending.id().value())
                .query(String.class).single()).isEqualTo("WITHDRAWN");
        assertThatThrownBy(() -> bio.adjudicationCase(f.adjudicator(), pending.adjudicationCase().orElseThrow()))
                .isInstanceOf(SubjectErasedException.class);
        assertThat(bio.adjudicationQueue(f.adjudicator(), new PageRequest(0, 100)).items())
                .noneSatisfy(s -> assertThat(s.id()).isEqualTo(pending.adjudicationCase().orElseThrow()));
        assertThat(bio.identify(f.adjudicator(), syntheticPair(41, 2)).candidates())
                .extracting(MatchCandidate::subject).containsExactly(existing.id());
    }
}
