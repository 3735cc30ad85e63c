package org.safereg.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.safereg.api.support.ApiClient;
import org.safereg.api.support.ApiIntegrationTest;
import org.safereg.api.support.Samples;
import org.safereg.privacy.Role;

class SmokeTest extends ApiIntegrationTest {
    @Test
    void enrolAndRead() {
        ApiClient ro = as(Role.REGISTRATION_OFFICER).purpose("REG.ENROL");
        ApiClient.Response created = ro.post("/api/v1/individuals", Samples.individual("Amina", "Yusuf", Samples.passport()));
        System.out.println(created);
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asString();
        ApiClient.Response read = ro.get("/api/v1/individuals/" + id);
        System.out.println(read);
        assertThat(read.status()).isEqualTo(200);
    }
}
