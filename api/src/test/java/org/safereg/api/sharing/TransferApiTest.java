package org.safereg.api.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.safereg.api.sharing.AgreementApiTest.agreement;
import static org.safereg.api.sharing.AgreementApiTest.assertProblem;
import static org.safereg.api.sharing.AgreementApiTest.uniqueRecipient;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.safereg.api.support.ApiClient;
import org.safereg.api.support.ApiIntegrationTest;
import org.safereg.api.support.Samples;
import org.safereg.privacy.LegalBasis;
import org.safereg.privacy.Role;
import org.safereg.privacy.consent.ConsentStatus;
import org.safereg.registration.model.AdminUnit;
import org.safereg.registration.testing.TestConsents;
import tools.jackson.databind.JsonNode;

/**
 * Transfers to recipients over real HTTP and a real database: refused without an active agreement covering the
 * purpose and the fields (none, expired, revoked, not yet valid, other purpose), projected to the purpose's fields
 * intersected with the agreement's, subjects without a basis withheld, every transfer recorded per subject and
 * audited with the recipient, transborder agreements recorded with their country, and the roles that may
 * transfer.
 */
class TransferApiTest extends ApiIntegrationTest {
    private static final String PHONE = "+252 61 555 0100";

    private ApiClient dpo() {
        return as(Role.DATA_PROTECTION_OFFICER).purpose("ADMIN.AGREEMENTS");
    }

    private ApiClient cashOfficer() {
        return as(Role.REGISTRATION_OFFICER).purpose("ASSIST.CASH");
    }

    /** Records the agreement as the DPO and returns its id. */
    private String recordAgreement(Map<String, Object> body) {
        ApiClient.Response r = dpo().post("/api/v1/agreements", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    /** Enrols a person with the standard consent, its disclosure purposes naming {@code recipients}. */
    private String enrolPerson(String given, String... recipients) {
        return enrolNaming(Samples.individual(given, "Transfer", Samples.passport()), recipients);
    }

    private String enrolNaming(Map<String, Object> details, String... recipients) {
        ApiClient.Response r = as(Role.REGISTRATION_OFFICER).purpose("REG.ENROL").post("/api/v1/individuals",
                Samples.enrolment(details, TestConsents.standardJsonNaming(recipients)));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    private static Map<String, Object> transfer(String recipient, List<String> subjects) {
        return Map.of("recipient", recipient, "subjects", subjects);
    }

    private long audited(String recipient, String outcome) {
        return jdbc().sql("SELECT count(*) FROM audit_event WHERE action = 'TRANSFER' AND recipient = ? AND outcome = ?")
                .params(recipient, outcome).query(Long.class).single();
    }

    private long transfersTo(String recipient) {
        return jdbc().sql("SELECT count(*) FROM transfer WHERE recipient = ?").param(recipient).query(Long.class)
                .single();
    }

    @Test
    void withoutAnyAgreementTheTransferIsRefusedAsNoAgreementAndAuditedWithTheRecipient() {
        String recipient = uniqueRecipient("NOBODY");
        String person = enrolPerson("Amina", recipient);

        JsonNode p = assertProblem(cashOfficer().post("/api/v1/transfers", transfer(recipient, List.of(person))),
                403, "no-agreement");

        assertThat(p.toString()).doesNotContain("Amina", PHONE);
        assertThat(audited(recipient, "DENIED")).isEqualTo(1);
        assertThat(transfersTo(recipient)).isZero();
    }

    @Test
    void expiredRevokedNotYetValidAndOtherPurposeAgreementsAllowNothing() {
        String recipient = uniqueRecipient("WFP");
        String person = enrolPerson("Hodan", recipient);
        Instant now = Instant.now();
        insertAgreement(recipient, "ASSIST.CASH", now.minus(400, ChronoUnit.DAYS), now.minus(1, ChronoUnit.DAYS));
        Map<String, Object> future = agreement(recipient);
        future.put("validFrom", now.plus(10, ChronoUnit.DAYS).toString());
        recordAgreement(future);
        Map<String, Object> nfi = agreement(recipient);
        nfi.put("purposes", List.of("ASSIST.NFI"));
        recordAgreement(nfi);
        String revoked = recordAgreement(agreement(recipient));
        assertThat(cashOfficer().post("/api/v1/transfers", transfer(recipient, List.of(person))).status())
                .isEqualTo(201);
        dpo().post("/api/v1/agreements/" + revoked + "/revoke", Map.of("reason", "ended"));

        assertProblem(cashOfficer().post("/api/v1/transfers", transfer(recipient, List.of(person))), 403,
                "no-agreement");
        assertThat(audited(recipient, "DENIED")).isEqualTo(1);
        assertThat(transfersTo(recipient)).isEqualTo(1);
    }

    @Test
    void theDocumentHoldsOnlyFieldsBothThePurposeAndTheAgreementAllow() {
        String recipient = uniqueRecipient("CASH");
        Map<String, Object> body = agreement(recipient);
        body.put("fields", List.of("NAMES", "LOCATION", "DOCUMENTS"));
        String agreementId = recordAgreement(body);
        String person = enrolPerson("Fadumo", recipient);

        ApiClient.Response r = cashOfficer().post("/api/v1/transfers", transfer(recipient, List.of(person)));

        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.header("Content-Disposition")).startsWith("attachment; filename=\"transfer-");
        JsonNode doc = r.json();
        assertThat(doc.get("transfer").get("agreement").asString()).isEqualTo(agreementId);
        assertThat(doc.get("transfer").get("fields").toString()).isEqualTo("[\"NAMES\",\"LOCATION\"]");
        JsonNode subject = doc.get("subjects").get(0);
        List<String> keys = new ArrayList<>(subject.propertyNames());
        assertThat(keys).containsExactly("id", "names", "location");
        assertThat(subject.get("names").get("givenName").asString()).isEqualTo("Fadumo");
        assertThat(r.text()).doesNotContain(PHONE, "PASSPORT", "1990-04-12", "DISABILITY", "IDP");

        ApiClient.Response contact = cashOfficer().post("/api/v1/transfers",
                Map.of("recipient", recipient, "subjects", List.of(person), "fields", List.of("NAMES", "CONTACT")));
        assertProblem(contact, 403, "no-agreement");
        assertThat(contact.text()).doesNotContain(PHONE);
        ApiClient.Response documents = cashOfficer().post("/api/v1/transfers",
                Map.of("recipient", recipient, "subjects", List.of(person), "fields", List.of("DOCUMENTS")));
        assertProblem(documents, 400, "validation");
        assertThat(documents.text()).doesNotContain("PASSPORT");
    }

    @Test
    void aTransferIsRecordedPerSubjectAuditedWithTheRecipientAndListedForTheSubject() {
        String recipient = uniqueRecipient("WFP");
        Map<String, Object> body = agreement(recipient);
        body.put("destinationCountry", "KEN");
        String agreementId = recordAgreement(body);
        String first = enrolPerson("Ayaan", recipient);
        String second = enrolPerson("Deeqa", recipient);
        String unknown = UUID.randomUUID().toString();

        JsonNode doc = cashOfficer().post("/api/v1/transfers", transfer(recipient, List.of(first, second, unknown)))
                .json();

        JsonNode t = doc.get("transfer");
        assertThat(t.get("transferred").asInt()).isEqualTo(2);
        assertThat(t.get("withheld").asInt()).isZero();
        assertThat(t.get("notFound").asInt()).isEqualTo(1);
        assertThat(t.get("transborder").asBoolean()).isTrue();
        assertThat(t.get("destinationCountry").asString()).isEqualTo("KEN");
        assertThat(t.get("purpose").asString()).isEqualTo("ASSIST.CASH");
        assertThat(t.get("actor").asString()).isEqualTo(username(Role.REGISTRATION_OFFICER));
        assertThat(doc.get("subjects").size()).isEqualTo(2);
        String transferId = t.get("id").asString();
        assertThat(jdbc().sql("SELECT destination_country || '/' || agreement_id FROM transfer WHERE id = ?")
                .param(UUID.fromString(transferId)).query(String.class).single()).isEqualTo("KEN/" + agreementId);
        assertThat(jdbc().sql("SELECT count(*) FROM transfer_subject WHERE transfer_id = ?")
                .param(UUID.fromString(transferId)).query(Long.class).single()).isEqualTo(2);
        assertThat(audited(recipient, "SUCCESS")).isEqualTo(2);

        ApiClient.Response listed = as(Role.DATA_PROTECTION_OFFICER).purpose("SUBJECT_REQUEST")
                .get("/api/v1/transfers?subject=" + first);
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        assertThat(listed.json().size()).isEqualTo(1);
        assertThat(listed.json().get(0).get("id").asString()).isEqualTo(transferId);
        assertThat(listed.json().get(0).get("recipient").asString()).isEqualTo(recipient);
        assertThat(listed.json().get(0).get("destinationCountry").asString()).isEqualTo("KEN");
        assertThat(core.transferLedger().transfersOf(new org.safereg.keys.SubjectId(UUID.fromString(second))))
                .extracting(r -> r.id().toString()).containsExactly(transferId);
        JsonNode export = as(Role.DATA_PROTECTION_OFFICER).purpose("SUBJECT_REQUEST")
                .get("/api/v1/individuals/" + first + "/export").json();
        JsonNode disclosed = export.get("more").get("transfers");
        assertThat(disclosed.size()).as("the subject's export lists the transfer").isEqualTo(1);
        assertThat(disclosed.get(0).get("recipient").asString()).isEqualTo(recipient);
        assertThat(disclosed.get(0).get("destinationCountry").asString()).isEqualTo("KEN");
        assertThat(disclosed.get(0).get("purpose").asString()).isEqualTo("ASSIST.CASH");
        assertThat(export.get("disclosures").toString()).as("the audited transfer names the recipient")
                .contains("\"recipient\":\"" + recipient + "\"");
        JsonNode record = dpo().get("/api/v1/transfers/" + transferId).json();
        assertThat(record.get("transferred").asInt()).isEqualTo(2);
        assertThat(record.toString()).doesNotContain("Ayaan", "Deeqa");

        for (String tamper : List.of("UPDATE transfer SET recipient = 'OTHER' WHERE id = ?",
                "DELETE FROM transfer_subject WHERE transfer_id = ?", "DELETE FROM transfer WHERE id = ?")) {
            assertThatThrownBy(() -> jdbc().sql(tamper).param(UUID.fromString(transferId)).update())
                    .as(tamper).isInstanceOf(org.springframework.dao.DataAccessException.class);
        }
        JsonNode verification = as(Role.DATA_PROTECTION_OFFICER).purpose("AUDIT").get("/api/v1/audit/verification")
                .json();
        assertThat(verification.get("intact").asBoolean()).as(verification.toString()).isTrue();

        assertProblem(cashOfficer().get("/api/v1/transfers?subject=" + first), 403, "action-not-covered");
        assertProblem(as(Role.DATA_PROTECTION_OFFICER).purpose("AUDIT")
                .get("/api/v1/transfers?subject=" + UUID.randomUUID()), 404, "not-found");
    }

    @Test
    void subjectsWhoWithdrewOrNeverGaveConsentForThePurposeAreWithheldWithoutAnyOfTheirData() {
        String recipient = uniqueRecipient("WFP");
        recordAgreement(agreement(recipient));
        String consenting = enrolPerson("Nasra", recipient);
        String withdrawing = enrolPerson("Warsan", recipient);
        ApiClient.Response enrolled = as(Role.REGISTRATION_OFFICER).purpose("REG.ENROL").post("/api/v1/individuals",
                Samples.enrolment(Samples.individual("Maryan", "Transfer", Samples.passport()), TestConsents.json(
                        List.of(TestConsents.answer("REG.ENROL", LegalBasis.CONSENT, ConsentStatus.GIVEN)))));
        assertThat(enrolled.status()).as(enrolled.toString()).isEqualTo(201);
        String enrolOnly = enrolled.json().get("id").asString();
        ApiClient.Response withdrawal = as(Role.REGISTRATION_OFFICER).purpose("REG.ENROL")
                .post("/api/v1/individuals/" + withdrawing + "/consents/withdrawals", Map.of("purpose", "ASSIST.CASH"));
        assertThat(withdrawal.status()).as(withdrawal.toString()).isEqualTo(201);

        ApiClient.Response r = cashOfficer().post("/api/v1/transfers",
                transfer(recipient, List.of(consenting, withdrawing, enrolOnly)));

        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        JsonNode t = r.json().get("transfer");
        assertThat(t.get("transferred").asInt()).isEqualTo(1);
        assertThat(t.get("withheld").asInt()).isEqualTo(2);
        assertThat(r.json().get("subjects").size()).isEqualTo(1);
        assertThat(r.json().get("subjects").get(0).get("id").asString()).isEqualTo(consenting);
        assertThat(r.text()).doesNotContain(withdrawing, enrolOnly, "Warsan", "Maryan");
        assertThat(audited(recipient, "DENIED")).isEqualTo(2);
        assertThat(audited(recipient, "SUCCESS")).isEqualTo(1);
        UUID transferId = UUID.fromString(t.get("id").asString());
        assertThat(jdbc().sql("SELECT subject_id FROM transfer_subject WHERE transfer_id = ?").param(transferId)
                .query(UUID.class).list()).containsExactly(UUID.fromString(consenting));
        JsonNode none = as(Role.DATA_PROTECTION_OFFICER).purpose("SUBJECT_REQUEST")
                .get("/api/v1/transfers?subject=" + withdrawing).json();
        assertThat(none.size()).isZero();
    }

    @Test
    void aSubjectsDataGoesOnlyToTheRecipientsTheirConsentNames() {
        String named = uniqueRecipient("NAMED");
        String other = uniqueRecipient("OTHER");
        recordAgreement(agreement(named));
        recordAgreement(agreement(other));
        String person = enrolPerson("Ubah", named);

        ApiClient.Response toOther = cashOfficer().post("/api/v1/transfers", transfer(other, List.of(person)));

        assertThat(toOther.status()).as(toOther.toString()).isEqualTo(201);
        assertThat(toOther.json().get("transfer").get("transferred").asInt()).isZero();
        assertThat(toOther.json().get("transfer").get("withheld").asInt()).isEqualTo(1);
        assertThat(toOther.text()).doesNotContain(person, "Ubah", PHONE);
        assertThat(audited(other, "DENIED")).isEqualTo(1);

        ApiClient.Response toNamed = cashOfficer().post("/api/v1/transfers", transfer(named, List.of(person)));

        assertThat(toNamed.status()).as(toNamed.toString()).isEqualTo(201);
        assertThat(toNamed.json().get("transfer").get("transferred").asInt()).isEqualTo(1);
        assertThat(toNamed.json().get("subjects").get(0).get("id").asString()).isEqualTo(person);
        assertThat(audited(named, "SUCCESS")).isEqualTo(1);
    }

    @Test
    void anAdminUnitTransferSendsEveryoneRegisteredThereWithABasis() {
        String recipient = uniqueRecipient("SHELTER");
        Map<String, Object> body = agreement(recipient);
        body.put("purposes", List.of("ASSIST.SHELTER"));
        body.put("fields", List.of("NAMES", "HOUSEHOLD", "LOCATION"));
        recordAgreement(body);
        String unit = "ZZT" + Long.toString(System.nanoTime(), 36).toUpperCase();
        core.locations().createAdminUnit(AdminUnit.of(unit, 1, "ZZ", "Transfer district"));
        Map<String, Object> details = Samples.individual("Sagal", "Transfer", Samples.passport());
        details.put("location", Map.of("adminPcode", unit));
        String person = enrolNaming(details, recipient);
        Map<String, Object> elsewhere = Samples.individual("Idil", "Transfer", Samples.passport());
        String other = enrolNaming(elsewhere, recipient);

        JsonNode doc = as(Role.REGISTRATION_OFFICER).purpose("ASSIST.SHELTER").post("/api/v1/transfers",
                Map.of("recipient", recipient, "adminPcode", unit)).json();

        JsonNode t = doc.get("transfer");
        assertThat(t.get("transferred").asInt()).as(doc.toString()).isEqualTo(1);
        assertThat(t.get("withheld").asInt()).isZero();
        assertThat(t.get("notFound").asInt()).isZero();
        assertThat(doc.get("subjects").get(0).get("id").asString()).isEqualTo(person);
        assertThat(doc.toString()).doesNotContain(other, "Idil");
        assertThat(t.get("transborder").asBoolean()).isFalse();
        assertThat(doc.get("subjects").get(0).has("contact")).isFalse();
        assertProblem(as(Role.REGISTRATION_OFFICER).purpose("ASSIST.SHELTER").post("/api/v1/transfers",
                Map.of("recipient", recipient, "adminPcode", "QQ99")), 422, "unknown-reference");
        assertProblem(as(Role.REGISTRATION_OFFICER).purpose("ASSIST.SHELTER").post("/api/v1/transfers",
                Map.of("recipient", recipient, "adminPcode", "ZZ01", "subjects", List.of())), 400, "validation");
    }

    @Test
    void onlyTheRolesAndPurposesMeantToTransferMay() {
        String recipient = uniqueRecipient("ICRC");
        Map<String, Object> body = agreement(recipient);
        body.put("purposes", List.of("PROT.FAMILY_TRACING", "ASSIST.CASH"));
        recordAgreement(body);
        String person = enrolPerson("Ifrah", recipient);
        Map<String, Object> request = transfer(recipient, List.of(person));

        assertProblem(as(Role.PROTECTION_OFFICER).purpose("ASSIST.CASH").post("/api/v1/transfers", request), 403,
                "purpose-not-allowed");
        assertProblem(as(Role.REGISTRATION_OFFICER).purpose("PROT.FAMILY_TRACING").post("/api/v1/transfers",
                request), 403, "purpose-not-allowed");
        assertProblem(as(Role.PROTECTION_OFFICER).purpose("PROT.CASE").post("/api/v1/transfers", request), 403,
                "action-not-covered");
        assertProblem(as(Role.REGISTRATION_OFFICER).purpose("REG.ENROL").post("/api/v1/transfers", request), 403,
                "action-not-covered");
        assertProblem(as(Role.DATA_PROTECTION_OFFICER).purpose("SUBJECT_REQUEST").post("/api/v1/transfers",
                request), 403, "action-not-covered");
        assertProblem(as(Role.REGISTRATION_OFFICER).purpose("LAW_ENFORCEMENT").post("/api/v1/transfers", request),
                403, "prohibited-purpose");
        assertProblem(as(Role.REGISTRATION_OFFICER).post("/api/v1/transfers", request), 403, "no-purpose");
        assertThat(transfersTo(recipient)).isZero();
    }

    /** An agreement row as it would stand after its validity (the API refuses to record one already over). */
    private void insertAgreement(String recipient, String purpose, Instant from, Instant until) {
        jdbc().sql("""
                        INSERT INTO sharing_agreement (id, recipient, recipient_name, purposes, fields, valid_from,
                            valid_until, legal_basis, signatory, created_at, created_by)
                        VALUES (?, ?, 'Expired partner', ?, '{NAMES,LOCATION,CONTACT}', ?, ?, 'CONSENT', 'S', ?, 'dpo')""")
                .params(UUID.randomUUID(), recipient, new String[] {purpose}, OffsetDateTime.ofInstant(from, ZoneOffset.UTC),
                        OffsetDateTime.ofInstant(until, ZoneOffset.UTC), OffsetDateTime.ofInstant(from, ZoneOffset.UTC))
                .update();
    }
}
