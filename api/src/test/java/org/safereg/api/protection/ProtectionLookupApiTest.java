package org.safereg.api.protection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.safereg.api.support.ApiClient;
import org.safereg.api.support.ApiIntegrationTest;
import org.safereg.api.support.Samples;
import org.safereg.privacy.Role;
import tools.jackson.databind.JsonNode;

/**
 * Protection officers look people up under PROT.CASE (by id, document, or name and date of birth) only when the
 * person consented to PROT.CASE, and see only PROT.CASE's fields: never biometrics, never case notes.
 */
class ProtectionLookupApiTest extends ApiIntegrationTest {
    private static final String PROBLEM = "urn:safereg:problem:";

    private ApiClient officer() {
        return as(Role.PROTECTION_OFFICER).purpose("PROT.CASE");
    }

    /** A family name no other test uses, so name searches find only this test's people. */
    private static String uniqueName() {
        StringBuilder b = new StringBuilder("Q");
        for (char c : UUID.randomUUID().toString().replace("-", "").substring(0, 10).toCharArray()) {
            b.append((char) ('a' + Character.digit(c, 16)));
        }
        return b.toString();
    }

    private JsonNode search(Map<String, Object> criteria) {
        ApiClient.Response r = officer().post("/api/v1/individuals/search", criteria);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().get("items");
    }

    @Test
    void aPersonWhoConsentedToCaseWorkIsFoundByIdDocumentAndNameWithTheCaseFieldsOnly() {
        String family = uniqueName();
        String passport = Samples.passport();
        String id = ProtectionFixtures.enrolConsentingTo(ProtectionFixtures.registrar(api()),
                Samples.individual("Ayan", family, passport), "PROT.CASE");

        ApiClient.Response read = officer().get("/api/v1/individuals/" + id);
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        JsonNode details = read.json().get("details");
        assertThat(details.get("names").get("familyName").asString()).isEqualTo(family);
        assertThat(details.has("specificNeeds")).isTrue();
        assertThat(read.text()).doesNotContainIgnoringCase("biometric").doesNotContainIgnoringCase("caseNote");

        assertThat(search(Map.of("documentNumber", passport)).findValuesAsString("id")).containsExactly(id);
        assertThat(search(Map.of("fullName", "Ayan " + family, "dateOfBirth", "1990-04-12"))
                .findValuesAsString("id")).containsExactly(id);
    }

    @Test
    void aPersonWhoDidNotConsentIsNeitherReadNorFound() {
        String family = uniqueName();
        String passport = Samples.passport();
        String id = ProtectionFixtures.enrolConsentingTo(ProtectionFixtures.registrar(api()),
                Samples.individual("Ayan", family, passport), "PROT.FAMILY_TRACING");

        ApiClient.Response read = officer().get("/api/v1/individuals/" + id);
        assertThat(read.status()).isEqualTo(403);
        assertThat(read.json().get("type").asString()).isEqualTo(PROBLEM + "no-consent");
        assertThat(read.text()).doesNotContain(family);
        assertThat(search(Map.of("documentNumber", passport))).isEmpty();
        assertThat(search(Map.of("fullName", "Ayan " + family, "dateOfBirth", "1990-04-12"))).isEmpty();
        assertThat(as(Role.PROTECTION_OFFICER).purpose("PROT.FAMILY_TRACING").get("/api/v1/individuals/" + id)
                .status()).as("the purpose consented to still works").isEqualTo(200);
    }

    @Test
    void anUpdateUnderFamilyTracingKeepsTheFieldsTracingDoesNotSee() {
        String family = uniqueName();
        String passport = Samples.passport();
        ApiClient registrar = ProtectionFixtures.registrar(api());
        String id = ProtectionFixtures.enrolConsentingTo(registrar, Samples.individual("Ayan", family, passport),
                "PROT.FAMILY_TRACING");
        Map<String, Object> traced = new java.util.LinkedHashMap<>();
        traced.put("registrationMethod", "FULL");
        traced.put("names", Map.of("givenName", "Ayan", "familyName", family));
        traced.put("sex", "FEMALE");
        traced.put("birth", Map.of("dateOfBirth", "1990-04-12"));
        traced.put("location", Map.of("adminPcode", "ZZ0101", "siteId", "ZZ-S1"));
        traced.put("contact", Map.of("phone", "+252 61 555 0177"));
        traced.put("documents", java.util.List.of());
        traced.put("populationCategory", "REFUGEE");

        ApiClient.Response put = as(Role.PROTECTION_OFFICER).purpose("PROT.FAMILY_TRACING").put(
                "/api/v1/individuals/" + id, Map.of("expectedVersion", 1, "reason", "phone found by tracing",
                        "details", traced));
        assertThat(put.status()).as(put.toString()).isEqualTo(200);

        ApiClient.Response read = registrar.purpose("REG.ENROL").get("/api/v1/individuals/" + id);
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        JsonNode details = read.json().get("details");
        assertThat(read.json().get("version").asInt()).isEqualTo(2);
        assertThat(details.get("contact").get("phone").asString()).isEqualTo("+252 61 555 0177");
        assertThat(details.get("documents").findValuesAsString("number")).containsExactly(passport);
        assertThat(details.get("populationCategory").asString()).isEqualTo("IDP");
        assertThat(details.get("nationalities").get(0).asString()).isEqualTo("SOM");
        assertThat(details.get("specificNeeds").get(0).asString()).isEqualTo("DISABILITY");
    }

    @Test
    void caseWorkAndConsentedPeopleFoundTogetherListOnlyTheConsented() {
        String family = uniqueName();
        String passport = Samples.passport();
        ApiClient registrar = ProtectionFixtures.registrar(api());
        String consented = ProtectionFixtures.enrolConsentingTo(registrar, Samples.individual("Ayan", family, passport),
                "PROT.CASE");
        ProtectionFixtures.enrolConsentingTo(registrar, Samples.individual("Ayan", family, passport));
        assertThat(search(Map.of("documentNumber", passport)).findValuesAsString("id")).containsExactly(consented);
    }
}
