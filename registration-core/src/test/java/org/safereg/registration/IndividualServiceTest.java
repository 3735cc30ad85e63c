package org.safereg.registration;

import org.safereg.registration.testing.TestConsents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.safereg.registration.individuals.IndividualService;
import org.safereg.registration.model.Birth;
import org.safereg.registration.model.EnrolmentResult;
import org.safereg.registration.model.Individual;
import org.safereg.registration.model.IndividualDetails;
import org.safereg.registration.model.IndividualVersion;
import org.safereg.registration.model.LocationRef;
import org.safereg.registration.model.Names;
import org.safereg.registration.model.RegistrationMethod;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndividualServiceTest {
    @TempDir
    static Path keys;
    CoreFixture f;
    IndividualService individuals;

    @AfterAll
    void closeFixture() {
        f.close();
    }

    @BeforeAll
    void setUp() {
        f = new CoreFixture(keys);
        individuals = f.core.individuals();
    }

    @Test
    void enrolThenReadReturnsTheSameDetailsAndAuditsBoth() {
        IndividualDetails details = CoreFixture.person("Amina", "Farah", LocalDate.of(1990, 3, 14), "P1234567", "+252 61 555 0101");
        long before = f.auditCount();

        EnrolmentResult enrolled = individuals.enrol(f.registrar(), TestConsents.standard(), details, Optional.empty());
        Individual read = individuals.read(f.registrar(), enrolled.id());

        assertThat(enrolled.replayed()).isFalse();
        assertThat(enrolled.version()).isEqualTo(1);
        assertThat(read.details()).isEqualTo(details);
        assertThat(read.version()).isEqualTo(1);
        assertThat(read.current().changedBy()).isEqualTo("registrar");
        assertThat(read.current().reason()).isEmpty();
        assertThat(read.household()).isEmpty();
        assertThat(f.auditAfter(before)).containsExactly("ENROL/SUCCESS", "READ/SUCCESS");
    }

    @Test
    void updateCreatesVersionsWithWhoWhenWhyAndHistoryKeepsEveryVersion() {
        IndividualDetails v1 = CoreFixture.person("Hodan", "Ali", LocalDate.of(1985, 1, 2), "P7000001", "+252 61 555 0102");
        SubjectId id = individuals.enrol(f.registrar(), TestConsents.standard(), v1, Optional.empty()).id();
        IndividualDetails v2 = IndividualDetails.builder(RegistrationMethod.FULL, Names.of("Hodan", "Ali Warsame"))
                .sex(v1.sex().orElseThrow()).birth(v1.birth().orElseThrow()).nationalities("SOM")
                .populationCategory(v1.populationCategory().orElseThrow())
                .location(LocationRef.of(CoreFixture.OTHER_DISTRICT)).build();

        Individual updated = individuals.update(f.protection(), id, 1, v2, "family name corrected at verification");
        IndividualVersion[] history = individuals.history(f.protection(), id).toArray(IndividualVersion[]::new);

        assertThat(updated.version()).isEqualTo(2);
        assertThat(individuals.read(f.registrar(), id).details()).isEqualTo(v2);
        assertThat(history).hasSize(2);
        assertThat(history[0].details()).isEqualTo(v1);
        assertThat(history[0].info().reason()).isEmpty();
        assertThat(history[1].details()).isEqualTo(v2);
        assertThat(history[1].info().changedBy()).isEqualTo("protection");
        assertThat(history[1].info().reason()).contains("family name corrected at verification");
        assertThat(history[1].info().changedAt()).isAfterOrEqualTo(history[0].info().changedAt());
    }

    @Test
    void updateUnderANarrowPurposeChangesOnlyTheFieldsItSeesAndKeepsTheOthers() {
        IndividualDetails v1 = CoreFixture.person("Fadumo", "Yusuf", LocalDate.of(1979, 8, 9), "P7000913", "+252 61 555 0104");
        SubjectId id = individuals.enrol(f.registrar(), TestConsents.standard(), v1, Optional.empty()).id();
        // PROT.FAMILY_TRACING sees names, sex, birth, household, location, contact and change history: not the
        // documents, nationalities, population category or specific needs (absent from this body).
        IndividualDetails body = IndividualDetails.builder(RegistrationMethod.RAPID_EMERGENCY, Names.of("Fadumo", "Yusuf Ahmed"))
                .sex(v1.sex().orElseThrow()).birth(v1.birth().orElseThrow())
                .location(LocationRef.of(CoreFixture.OTHER_DISTRICT))
                .contact(new org.safereg.registration.model.Contact(Optional.of("+252 61 555 0199"), Optional.empty(), Optional.empty()))
                .build();

        Individual updated = individuals.update(f.context("tracer", org.safereg.privacy.Role.PROTECTION_OFFICER,
                "PROT.FAMILY_TRACING"), id, 1, body, "new address and phone after tracing");
        IndividualDetails stored = individuals.read(f.registrar(), id).details();

        assertThat(updated.version()).isEqualTo(2);
        assertThat(stored.names()).isEqualTo(body.names());
        assertThat(stored.location()).isEqualTo(body.location());
        assertThat(stored.contact()).isEqualTo(body.contact());
        assertThat(stored.registrationMethod()).isEqualTo(v1.registrationMethod());
        assertThat(stored.documents()).isEqualTo(v1.documents()).isNotEmpty();
        assertThat(stored.nationalities()).isEqualTo(v1.nationalities()).isNotEmpty();
        assertThat(stored.populationCategory()).isEqualTo(v1.populationCategory()).isPresent();
        assertThat(stored.specificNeeds()).isEqualTo(v1.specificNeeds()).isNotEmpty();
        assertThat(individuals.searchByDocument(f.registrar(),
                new org.safereg.registration.model.DocumentQuery("P7000913", Optional.empty(), Optional.empty())))
                .extracting(Individual::id).containsExactly(id);
    }

    @Test
    void staleExpectedVersionIsAConflictAndWritesNothing() {
        IndividualDetails v1 = CoreFixture.person("Ayaan", "Noor", LocalDate.of(2001, 5, 6), "P7000002", "+252 61 555 0103");
        SubjectId id = individuals.enrol(f.registrar(), TestConsents.standard(), v1, Optional.empty()).id();
        individuals.update(f.registrar(), id, 1, v1, "first correction");
        long before = f.auditCount();

        assertThatThrownBy(() -> individuals.update(f.registrar(), id, 1, v1, "based on a stale read"))
                .isInstanceOfSatisfying(VersionConflictException.class, e -> {
                    assertThat(e.expectedVersion()).isEqualTo(1);
                    assertThat(e.currentVersion()).isEqualTo(2);
                });
        assertThat(individuals.history(f.protection(), id)).hasSize(2);
        assertThat(f.auditAfter(before)).containsExactly("UPDATE/FAILED", "READ_HISTORY/SUCCESS");
    }

    @Test
    void rapidRegistrationNeedsOnlyNameCategoryAndLocationWithEstimatedAgeDatedToday() {
        IndividualDetails rapid = IndividualDetails.builder(RegistrationMethod.RAPID_EMERGENCY, Names.of(null, "Osman"))
                .birth(new Birth(Optional.empty(), Optional.of(34), Optional.empty()))
                .populationCategory(org.safereg.registration.model.PopulationCategory.RETURNEE)
                .location(LocationRef.of(CoreFixture.REGION)).build();

        Individual read = individuals.read(f.registrar(), individuals.enrol(f.registrar(), TestConsents.standard(), rapid, Optional.empty()).id());

        assertThat(read.details().birth().orElseThrow().estimatedAge()).contains(34);
        assertThat(read.details().birth().orElseThrow().estimatedAgeOn()).contains(LocalDate.now(java.time.ZoneOffset.UTC));
    }

    @Test
    void invalidDetailsListEveryFieldWithoutEchoingValues() {
        String secret = "Zz\u0007Secret";
        IndividualDetails bad = IndividualDetails.builder(RegistrationMethod.FULL, Names.of(secret, "x".repeat(201)))
                .birth(Birth.on(LocalDate.now().plusDays(2)))
                .nationalities("QQQ")
                .location(LocationRef.of("bad pcode")).build();
        long before = f.auditCount();

        assertThatThrownBy(() -> individuals.enrol(f.registrar(), TestConsents.standard(), bad, Optional.empty()))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.errors()).extracting(FieldError::path).containsExactlyInAnyOrder(
                            "names.givenName", "names.familyName", "sex", "birth.dateOfBirth", "nationalities[0]",
                            "populationCategory", "location.adminPcode");
                    assertThat(e.errors()).allSatisfy(err -> assertThat(err.message()).doesNotContain("Secret", "QQQ", "bad pcode"));
                });
        assertThat(f.auditAfter(before)).containsExactly("ENROL/FAILED");
        assertThat(f.jdbc.sql("SELECT count(*) FROM individual").query(Long.class).single())
                .isEqualTo(f.jdbc.sql("SELECT count(DISTINCT individual_id) FROM individual_version").query(Long.class).single());
    }

    @Test
    void unknownLocationOrSiteOutsideTheUnitIsAReferenceError() {
        IndividualDetails unknown = CoreFixture.rapid("Faduma", "SO9999");
        IndividualDetails siteElsewhere = IndividualDetails.builder(RegistrationMethod.RAPID_EMERGENCY, Names.of("Faduma", null))
                .populationCategory(org.safereg.registration.model.PopulationCategory.IDP)
                .location(LocationRef.of(CoreFixture.OTHER_REGION, CoreFixture.CAMP)).build();

        assertThatThrownBy(() -> individuals.enrol(f.registrar(), TestConsents.standard(), unknown, Optional.empty()))
                .isInstanceOfSatisfying(UnknownReferenceException.class,
                        e -> assertThat(e.field()).isEqualTo("location.adminPcode"));
        assertThatThrownBy(() -> individuals.enrol(f.registrar(), TestConsents.standard(), siteElsewhere, Optional.empty()))
                .isInstanceOfSatisfying(UnknownReferenceException.class,
                        e -> assertThat(e.field()).isEqualTo("location.siteId"));
    }

    @Test
    void namesWithSqlAndAnyScriptAreStoredVerbatim() {
        String sqlName = "Robert'); DROP TABLE individual; --";
        String arabic = "\u0639\u0628\u062f \u0627\u0644\u0644\u0647";
        IndividualDetails details = IndividualDetails.builder(RegistrationMethod.RAPID_EMERGENCY, Names.of(sqlName, arabic))
                .populationCategory(org.safereg.registration.model.PopulationCategory.MIGRANT)
                .location(LocationRef.of(CoreFixture.DISTRICT)).build();

        Individual read = individuals.read(f.registrar(), individuals.enrol(f.registrar(), TestConsents.standard(), details, Optional.empty()).id());

        assertThat(read.details().names().givenName()).contains(sqlName);
        assertThat(read.details().names().familyName()).contains(arabic);
    }

    @Test
    void unknownIndividualIsNotFoundAndAudited() {
        long before = f.auditCount();
        assertThatThrownBy(() -> individuals.read(f.registrar(), SubjectId.random()))
                .isInstanceOf(RecordNotFoundException.class);
        assertThat(f.auditAfter(before)).containsExactly("READ/NOT_FOUND");
        assertThat(f.lastAudit().get("subject_pseudonym")).isNotNull();
    }

    @Test
    void enrolmentWritesOneStatisticalRowWithoutLinkToTheIndividual() {
        long rowsBefore = f.jdbc.sql("SELECT count(*) FROM stat_projection").query(Long.class).single();
        individuals.enrol(f.registrar(), TestConsents.standard(), CoreFixture.person("Sahra", "Yusuf", LocalDate.of(2015, 7, 1), "P7000003", "+252 61 555 0104"), Optional.empty());

        List<String> columns = f.jdbc.sql("SELECT column_name FROM information_schema.columns WHERE table_name = 'stat_projection'")
                .query(String.class).list();
        assertThat(f.jdbc.sql("SELECT count(*) FROM stat_projection").query(Long.class).single()).isEqualTo(rowsBefore + 1);
        assertThat(columns).doesNotContain("individual_id", "subject_id", "id", "created_at");
        assertThat(f.jdbc.sql("SELECT count(*) FROM stat_projection WHERE birth_year = 2015 AND admin2_pcode = ? AND site_type = 'CAMP_OR_SITE'"
                        + " AND 'SINGLE_PARENT' = ANY (specific_needs)")
                .param(CoreFixture.DISTRICT).query(Long.class).single()).isEqualTo(1);
    }
}
