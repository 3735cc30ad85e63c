package org.safereg.api.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safereg.api.support.ApiClient;
import org.safereg.api.support.ApiIntegrationTest;
import org.safereg.api.support.Samples;
import org.safereg.privacy.Role;
import tools.jackson.databind.JsonNode;

/**
 * Case notes over real HTTP and the real database: a category of their own (own data key, own purpose
 * PROT.CASE_NOTES), readable only with the subject's basis for that purpose or an active break-glass grant,
 * append-only, encrypted and padded, and gone with the subject's erasure.
 */
class CaseNoteApiTest extends ApiIntegrationTest {
    private static final String PROBLEM = "urn:safereg:problem:";
    private static final String NOTE = "Disclosed threats from a relative; prefers female caseworker";

    @BeforeEach
    void secondProtectionOfficer() {
        ProtectionFixtures.createSecondOfficer(accounts, password(ProtectionFixtures.SECOND_OFFICER));
    }

    private ApiClient officer() {
        return as(Role.PROTECTION_OFFICER).purpose("PROT.CASE_NOTES");
    }

    private ApiClient secondOfficer() {
        return api().as(ProtectionFixtures.SECOND_OFFICER, password(ProtectionFixtures.SECOND_OFFICER))
                .purpose("PROT.CASE_NOTES");
    }

    private static String notes(String subject) {
        return "/api/v1/individuals/" + subject + "/case-notes";
    }

    /** A subject without consent, for whom the protection officer holds an approved PROT.CASE_NOTES grant. */
    private String subjectUnderGrant() {
        String subject = ProtectionFixtures.unconsented(ProtectionFixtures.registrar(api()));
        ApiClient.Response denied = officer().post(notes(subject), Map.of("text", NOTE));
        assertThat(denied.status()).as(denied.toString()).isEqualTo(403);
        assertThat(denied.json().get("type").asString()).isEqualTo(PROBLEM + "no-consent");
        ApiClient.Response request = officer().post("/api/v1/break-glass",
                Map.of("subjectId", subject, "reason", "Imminent risk reported by the outreach team"));
        assertThat(request.status()).as(request.toString()).isEqualTo(201);
        ApiClient.Response approval = secondOfficer().post("/api/v1/break-glass/" + request.json().get("id").asString()
                + "/approve", null);
        assertThat(approval.status()).as(approval.toString()).isEqualTo(200);
        return subject;
    }

    @Test
    void notesAreWrittenAndReadUnderAGrantAndStoredEncryptedUnderTheirOwnKey() {
        String subject = subjectUnderGrant();
        ApiClient.Response first = officer().post(notes(subject), Map.of("text", NOTE));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.text()).doesNotContain("threats");
        assertThat(officer().post(notes(subject), Map.of("text", "Referred to the safe house")).status())
                .isEqualTo(201);

        ApiClient.Response read = officer().get(notes(subject));
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        JsonNode items = read.json().get("items");
        assertThat(items.findValuesAsString("text")).containsExactly(NOTE, "Referred to the safe house");
        assertThat(items.get(0).get("author").asString()).isEqualTo(username(Role.PROTECTION_OFFICER));
        assertThat(jdbc().sql("SELECT action, outcome FROM audit_event WHERE request_id = ?")
                .param(read.header("X-Request-Id")).query().listOfRows())
                .singleElement().satisfies(row -> assertThat(row.get("action")).isEqualTo("CASE_NOTE_READ"));

        UUID id = UUID.fromString(subject);
        List<byte[]> stored = jdbc().sql("SELECT text FROM case_note WHERE individual_id = ?").param(id)
                .query(byte[].class).list();
        assertThat(stored).hasSize(2).allSatisfy(bytes -> {
            assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).doesNotContain("threats", "safe house");
            assertThat(bytes.length).as("padded to 256-byte blocks").isEqualTo(1 + 12 + 256 + 16);
        });
        assertThat(jdbc().sql("SELECT category FROM subject_key WHERE subject_id = ? ORDER BY category").param(id)
                .query(String.class).list()).containsExactly("CASE_NOTES", "DEMOGRAPHIC");
    }

    @Test
    void consentToCaseNotesLetsTheOfficerWriteAndReadWithoutAGrantButConsentToCaseWorkDoesNot() {
        ApiClient registrar = ProtectionFixtures.registrar(api());
        String consented = ProtectionFixtures.enrolConsentingTo(registrar,
                Samples.individual("Sahra", "Nur", Samples.passport()), "PROT.CASE_NOTES");
        assertThat(officer().post(notes(consented), Map.of("text", NOTE)).status()).isEqualTo(201);
        assertThat(secondOfficer().get(notes(consented)).json().get("items").findValuesAsString("text"))
                .containsExactly(NOTE);
        // a consent to PROT.CASE_NOTES that does not name the CASE_NOTES category covers no case note
        ApiClient.Response demographicOnly = registrar.purpose("REG.ENROL").post("/api/v1/individuals",
                Samples.enrolment(Samples.individual("Sahra", "Nur", Samples.passport()),
                        org.safereg.registration.testing.TestConsents.json(List.of(
                                org.safereg.registration.testing.TestConsents.answer("REG.ENROL",
                                        org.safereg.privacy.LegalBasis.CONSENT,
                                        org.safereg.privacy.consent.ConsentStatus.GIVEN),
                                org.safereg.registration.testing.TestConsents.answer("PROT.CASE_NOTES",
                                        org.safereg.privacy.LegalBasis.CONSENT,
                                        org.safereg.privacy.consent.ConsentStatus.GIVEN)))));
        assertThat(demographicOnly.status()).as(demographicOnly.toString()).isEqualTo(201);
        String withoutNotes = demographicOnly.json().get("id").asString();
        ApiClient.Response refused = officer().post(notes(withoutNotes), Map.of("text", NOTE));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.json().get("type").asString()).isEqualTo("urn:safereg:problem:no-consent");
        assertThat(officer().get(notes(withoutNotes)).status()).isEqualTo(403);
        String caseWorkOnly = ProtectionFixtures.enrolConsentingTo(registrar,
                Samples.individual("Sahra", "Nur", Samples.passport()), "PROT.CASE");
        ApiClient.Response denied = officer().post(notes(caseWorkOnly), Map.of("text", NOTE));
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.json().get("type").asString()).isEqualTo(PROBLEM + "no-consent");
        assertThat(jdbc().sql("SELECT count(*) FROM case_note WHERE individual_id = ?")
                .param(UUID.fromString(caseWorkOnly)).query(Long.class).single()).isZero();
    }

    @Test
    void withoutConsentOrGrantNoOneReadsTheNotes() {
        String subject = subjectUnderGrant();
        officer().post(notes(subject), Map.of("text", NOTE));
        ApiClient.Response approver = secondOfficer().get(notes(subject));
        assertThat(approver.status()).as("the grant is the requester's only").isEqualTo(403);
        assertThat(approver.json().get("type").asString()).isEqualTo(PROBLEM + "no-consent");
        ApiClient.Response caseWork = as(Role.PROTECTION_OFFICER).purpose("PROT.CASE").get(notes(subject));
        assertThat(caseWork.json().get("type").asString()).isEqualTo(PROBLEM + "action-not-covered");
        ApiClient.Response registrar = as(Role.REGISTRATION_OFFICER).purpose("PROT.CASE_NOTES").get(notes(subject));
        assertThat(registrar.json().get("type").asString()).isEqualTo(PROBLEM + "purpose-not-allowed");
        ApiClient.Response dpo = as(Role.DATA_PROTECTION_OFFICER).purpose("AUDIT").get(notes(subject));
        assertThat(dpo.status()).isEqualTo(403);
        ApiClient.Response record = as(Role.PROTECTION_OFFICER).purpose("PROT.CASE_NOTES")
                .get("/api/v1/individuals/" + subject);
        assertThat(record.status()).as("the notes' purpose does not read the record").isEqualTo(403);
        assertThat(record.json().get("type").asString()).isEqualTo(PROBLEM + "action-not-covered");
    }

    @Test
    void notesAreBoundedAndAppendOnly() {
        String subject = subjectUnderGrant();
        assertThat(officer().post(notes(subject), Map.of("text", " ")).status()).isEqualTo(400);
        ApiClient.Response tooLong = officer().post(notes(subject), Map.of("text", "y".repeat(10_001)));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.text()).doesNotContain("yyyy");
        assertThat(officer().post(notes(subject), Map.of("text", "z".repeat(10_000))).status()).isEqualTo(201);
        assertThat(officer().post(notes(UUID.randomUUID().toString()), Map.of("text", NOTE)).status())
                .isEqualTo(404);
        assertThatThrownBy(() -> jdbc().sql("UPDATE case_note SET author = 'mallory' WHERE individual_id = ?")
                .param(UUID.fromString(subject)).update())
                .as("the application login may not update notes (and a trigger refuses any update)")
                .rootCause().message().containsAnyOf("permission denied", "append-only");
    }

    @Test
    void erasureDestroysTheNotesKeyAndDeletesTheNotes() {
        String subject = subjectUnderGrant();
        officer().post(notes(subject), Map.of("text", NOTE));
        ApiClient.Response erased = as(Role.DATA_PROTECTION_OFFICER).purpose("SUBJECT_REQUEST")
                .delete("/api/v1/individuals/" + subject);
        assertThat(erased.status()).as(erased.toString()).isEqualTo(200);
        assertThat(erased.json().get("keysDestroyed").asInt()).isEqualTo(2);
        UUID id = UUID.fromString(subject);
        assertThat(jdbc().sql("SELECT count(*) FROM case_note WHERE individual_id = ?").param(id)
                .query(Long.class).single()).isZero();
        assertThat(jdbc().sql("SELECT count(*) FROM subject_key WHERE subject_id = ?").param(id)
                .query(Long.class).single()).isZero();
        assertThat(officer().get(notes(subject)).status()).isEqualTo(410);
    }
}
