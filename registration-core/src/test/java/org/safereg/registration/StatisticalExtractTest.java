package org.safereg.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.safereg.keys.SubjectId;
import org.safereg.privacy.DenialReason;
import org.safereg.privacy.PseudonymDomain;
import org.safereg.privacy.PurposeCode;
import org.safereg.privacy.Role;
import org.safereg.privacy.sharing.RecipientId;
import org.safereg.privacy.statistics.extract.ExtractEpoch;
import org.safereg.privacy.statistics.extract.RecipientPseudonyms;
import org.safereg.privacy.statistics.extract.RefusalReason;
import org.safereg.registration.model.AdminUnit;
import org.safereg.registration.model.Birth;
import org.safereg.registration.model.IndividualDetails;
import org.safereg.registration.model.LocationRef;
import org.safereg.registration.model.Names;
import org.safereg.registration.model.PopulationCategory;
import org.safereg.registration.model.RegistrationMethod;
import org.safereg.registration.model.Sex;
import org.safereg.registration.rights.CanonicalJson;
import org.safereg.registration.sharing.AgreementDraft;
import org.safereg.registration.statistics.ExtractDraft;
import org.safereg.registration.statistics.ExtractRelease;
import org.safereg.registration.statistics.ExtractService;
import org.safereg.registration.statistics.ExtractSettings;
import org.safereg.registration.statistics.ReleaseKind;
import org.safereg.registration.statistics.StatisticalExtractRefusedException;
import org.safereg.registration.statistics.StatisticalReleaseRefusedException;
import org.safereg.registration.statistics.StatisticsSettings;
import org.safereg.registration.testing.TestConsents;
import tools.jackson.databind.JsonNode;

/**
 * Microdata extracts over a real database and a real key provider: per-recipient pseudonyms and epochs, k-anonymity
 * of the CSV, the signed manifest with the risk report in the register, consent withdrawal and erasure, the
 * agreement requirement, refusal above the risk limit, audit. Each test extracts a population (country) of its own.
 * Extracts are made with k = 3 and no expected re-identification limit, except where a test says otherwise.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatisticalExtractTest {
    private static final AtomicInteger COUNTRIES = new AtomicInteger();
    @TempDir
    static Path keys;
    CoreFixture f;
    ExtractService extracts;

    @BeforeAll
    void setUp() {
        f = new CoreFixture(keys, StatisticsSettings.defaults(), new ExtractSettings(3, 1.0 / 3, 1.0, 4096));
        extracts = f.core.extracts();
    }

    @AfterAll
    void closeFixture() {
        f.close();
    }

    // ---------------------------------------------------------------- fixtures

    private String country() {
        return f.newCountry("ZX");
    }

    private SubjectId enrol(String pcode, Sex sex, int birthYear) {
        IndividualDetails details = IndividualDetails.builder(RegistrationMethod.FULL, Names.of("Extract", "Person"))
                .sex(sex).birth(Birth.on(LocalDate.of(birthYear, 6, 1))).nationalities("SOM")
                .populationCategory(PopulationCategory.IDP).location(LocationRef.of(pcode)).build();
        return f.core.individuals().enrol(f.registrar(), TestConsents.withStatistics(), details, Optional.empty()).id();
    }

    /**
     * Twelve people: 5 women of 1990 in A1, 4 men of 1990 in A1, 2 women of 1950 in A2 and one man of 2020 in B
     * (the last three are rare combinations).
     */
    private List<SubjectId> population(String c) {
        List<SubjectId> people = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            people.add(enrol(c + "A1", Sex.FEMALE, 1990));
        }
        for (int i = 0; i < 4; i++) {
            people.add(enrol(c + "A1", Sex.MALE, 1990));
        }
        people.add(enrol(c + "A2", Sex.FEMALE, 1950));
        people.add(enrol(c + "A2", Sex.FEMALE, 1950));
        people.add(enrol(c + "B", Sex.MALE, 2020));
        return people;
    }

    /** An active agreement of {@code recipient} covering STATS.OPS. */
    private void agreement(String recipient) {
        agreement(f, recipient);
    }

    private static void agreement(CoreFixture fixture, String recipient) {
        fixture.core.agreements().create(fixture.dpo("ADMIN.AGREEMENTS"), new AgreementDraft(recipient, "Extract partner",
                List.of("STATS.OPS"), List.of("LOCATION", "SEX"), Instant.now().minusSeconds(60).toString(),
                Instant.now().plusSeconds(86_400).toString(), Optional.empty(), "PUBLIC_INTEREST_MANDATE",
                "Head of Office"));
    }

    private RequestContext statistician(String purpose) {
        return f.context("statistician", Role.STATISTICIAN, purpose);
    }

    private static ExtractDraft draft(String population, String recipient, Optional<Integer> epoch,
                                      String... fields) {
        return new ExtractDraft(List.of(fields), population, recipient, epoch);
    }

    private ExtractRelease extract(String population, String recipient, Optional<Integer> epoch, String... fields) {
        return extracts.extract(statistician("STATS.OPS"), draft(population, recipient, epoch, fields));
    }

    /** The CSV: header, HXL row, then the rows' values. */
    record Csv(List<String> header, List<String> hashtags, List<List<String>> rows) {
        static Csv of(byte[] bytes) {
            String text = new String(bytes, StandardCharsets.UTF_8);
            String[] lines = text.split("\r\n");
            List<List<String>> rows = new ArrayList<>();
            for (int i = 2; i < lines.length; i++) {
                rows.add(List.of(lines[i].split(",", -1)));
            }
            return new Csv(List.of(lines[0].split(",", -1)), List.of(lines[1].split(",", -1)), rows);
        }

        Set<String> pseudonyms() {
            Set<String> p = new HashSet<>();
            rows.forEach(r -> p.add(r.get(0)));
            return p;
        }

        /** How often each combination of the non-pseudonym columns occurs (empty values included as such). */
        Map<List<String>, Integer> classes() {
            Map<List<String>, Integer> counts = new HashMap<>();
            rows.forEach(r -> counts.merge(r.subList(1, r.size()), 1, Integer::sum));
            return counts;
        }
    }

    private Csv csv(ExtractRelease release) {
        return Csv.of(f.core.statistics().csv(statistician("STATS.OPS"), release.release().id()).csv());
    }

    /** The pseudonyms the recipient should see for these people in this epoch, computed independently. */
    private Set<String> expectedPseudonyms(List<SubjectId> people, String recipient, int epoch) {
        RecipientPseudonyms.RecipientPseudonymizer p = new RecipientPseudonyms(f.kek)
                .forRecipient(RecipientId.of(recipient), ExtractEpoch.of(epoch));
        Set<String> expected = new HashSet<>();
        for (SubjectId s : people) {
            expected.add(p.of(f.core.pseudonymizer().of(PseudonymDomain.STATISTICS, s)).value());
        }
        return expected;
    }

    // ---------------------------------------------------------------- tests

    @Test
    void extractIsKAnonymousWithHxlAndRegisteredWithASignedRiskReportAndAudited() {
        String c = country();
        List<SubjectId> people = population(c);
        String recipient = "EXTRACT-A-" + c;
        agreement(recipient);
        long auditBefore = f.auditCount();

        ExtractRelease release = extract(c, recipient, Optional.empty(), "ADMIN2", "SEX", "AGE_BAND");

        Csv csv = csv(release);
        assertThat(csv.header()).containsExactly("pseudonym", "adm1_pcode", "adm2_pcode", "sex", "age_band");
        assertThat(csv.hashtags()).containsExactly("#meta+id", "#adm1+code", "#adm2+code", "#meta+sex",
                "#meta+age_band");
        assertThat(csv.rows()).hasSize(12);
        assertThat(csv.pseudonyms()).isEqualTo(expectedPseudonyms(people, recipient, 1));
        assertThat(csv.classes().values()).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(3));
        List<String> sorted = csv.rows().stream().map(r -> r.get(0)).sorted().toList();
        assertThat(csv.rows().stream().map(r -> r.get(0)).toList()).isEqualTo(sorted);
        // the two large classes are kept as they are; the three rare people are hidden together
        assertThat(csv.classes()).containsEntry(List.of(c + "A", c + "A1", "FEMALE", "18-59"), 5)
                .containsEntry(List.of(c + "A", c + "A1", "MALE", "18-59"), 4);
        assertThat(release.epoch()).isEqualTo(ExtractEpoch.of(1));
        assertThat(release.records()).isEqualTo(12);
        assertThat(release.report().before().recordsViolatingK()).isEqualTo(3);
        assertThat(release.report().after().recordsViolatingK()).isZero();

        JsonNode manifest = CanonicalJson.parse(release.release().manifest());
        assertThat(release.release().kind()).isEqualTo(ReleaseKind.EXTRACT);
        assertThat(manifest.get("kind").asString()).isEqualTo("EXTRACT");
        assertThat(manifest.get("method").asString()).isEqualTo(ExtractService.METHOD);
        assertThat(manifest.get("profile").asString()).isEqualTo("AGREEMENT");
        assertThat(manifest.get("recipient").asString()).isEqualTo(recipient);
        assertThat(manifest.get("agreementId").isString()).isTrue();
        assertThat(manifest.get("specification").get("fields").toString()).isEqualTo("[\"ADMIN2\",\"SEX\",\"AGE_BAND\"]");
        assertThat(manifest.get("specification").get("epoch").asLong()).isEqualTo(1);
        JsonNode protection = manifest.get("protection");
        assertThat(protection.get("k").asLong()).isEqualTo(3);
        // nothing about the untreated data travels with the extract: the register keeps it for the DPO
        assertThat(protection.has("riskBefore")).isFalse();
        assertThat(release.release().manifest()).doesNotContain("Before").doesNotContain("before");
        JsonNode detail = CanonicalJson.parse(release.release().registerDetail());
        assertThat(detail.get("riskBefore").get("recordsViolatingK").asLong()).isEqualTo(3);
        assertThat(detail.get("riskBefore").get("uniqueRecords").asLong()).isEqualTo(1);
        assertThat(detail.get("riskBefore").get("expectedReidentifications").asLong()).isEqualTo(4);
        assertThat(f.jdbc.sql("SELECT register_detail FROM stat_release WHERE id = ?")
                .param(release.release().id()).query(String.class).single()).isEqualTo(release.release().registerDetail());
        assertThat(protection.get("riskAfter").get("recordsViolatingK").asLong()).isZero();
        assertThat(protection.get("riskAfter").get("expectedReidentifications").asLong())
                .isEqualTo(csv.classes().size());
        assertThat(protection.get("fields")).hasSize(3);
        assertThat(protection.get("informationLoss").get("valuesSuppressed").asLong())
                .isEqualTo(release.report().loss().valuesSuppressed());
        assertThat(f.core.statistics().verify(f.dpo("ADMIN.STATISTICS"), release.release().id()).valid()).isTrue();
        assertThat(f.kek.verify(release.release().manifest().getBytes(StandardCharsets.UTF_8),
                release.release().signature())).isTrue();
        // one audited extract naming the recipient, no subject
        assertThat(f.auditAfter(auditBefore)).startsWith("STATS_EXTRACT/SUCCESS");
        assertThat(f.jdbc.sql("SELECT count(*) FROM audit_event WHERE seq > ? AND action = 'STATS_EXTRACT'"
                        + " AND recipient = ? AND subject_pseudonym IS NULL AND purpose = 'STATS.OPS'")
                .params(auditBefore, recipient).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void twoRecipientsShareNoPseudonymAndOneKeepsItsPseudonymsWithinAnEpoch() {
        String c = country();
        List<SubjectId> people = population(c);
        String first = "EXTRACT-B-" + c;
        String second = "EXTRACT-C-" + c;
        agreement(first);
        agreement(second);

        Set<String> firstEpoch1 = csv(extract(c, first, Optional.empty(), "SEX")).pseudonyms();
        Set<String> secondEpoch1 = csv(extract(c, second, Optional.empty(), "SEX")).pseudonyms();
        Set<String> firstAgain = csv(extract(c, first, Optional.empty(), "SEX")).pseudonyms();

        assertThat(firstEpoch1).hasSize(people.size()).doesNotContainAnyElementsOf(secondEpoch1);
        assertThat(firstAgain).isEqualTo(firstEpoch1);

        ExtractRelease newEpoch = extract(c, first, Optional.of(2), "SEX");
        assertThat(newEpoch.epoch()).isEqualTo(ExtractEpoch.of(2));
        assertThat(csv(newEpoch).pseudonyms()).isEqualTo(expectedPseudonyms(people, first, 2))
                .doesNotContainAnyElementsOf(firstEpoch1);
        // the current epoch is now 2: the default follows it, going back is refused
        assertThat(csv(extract(c, first, Optional.empty(), "SEX")).pseudonyms())
                .isEqualTo(csv(newEpoch).pseudonyms());
        assertThatThrownBy(() -> extract(c, first, Optional.of(1), "SEX"))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors()).extracting(FieldError::path).containsExactly("epoch"));
        // the other recipient is still in its own epoch 1
        assertThat(csv(extract(c, second, Optional.empty(), "SEX")).pseudonyms()).isEqualTo(secondEpoch1);
    }

    @Test
    void anEpochKeepsTheFieldsOfItsFirstExtractAndANewEpochMayChangeThem() {
        String c = country();
        population(c);
        String recipient = "EXTRACT-F-" + c;
        agreement(recipient);
        extract(c, recipient, Optional.empty(), "SEX");
        long auditBefore = f.auditCount();

        // joined on the pseudonym, {SEX} and {ADMIN1, SEX} would give ADMIN1 x SEX per person, never checked for k
        assertThatThrownBy(() -> extract(c, recipient, Optional.empty(), "ADMIN1", "SEX"))
                .isInstanceOfSatisfying(StatisticalReleaseRefusedException.class, e -> assertThat(e.reason())
                        .isEqualTo(StatisticalReleaseRefusedException.Reason.NEW_EPOCH_REQUIRED));
        assertThatThrownBy(() -> extract(c, recipient, Optional.of(1), "AGE_BAND"))
                .isInstanceOf(StatisticalReleaseRefusedException.class);
        assertThat(f.auditAfter(auditBefore)).containsExactly("STATS_EXTRACT/FAILED", "STATS_EXTRACT/FAILED");
        assertThat(f.jdbc.sql("SELECT count(*) FROM stat_release WHERE recipient = ?").param(recipient)
                .query(Long.class).single()).isEqualTo(1);

        // the same fields stay allowed in the epoch; another field set starts a new epoch, then pins it
        assertThat(extract(c, recipient, Optional.empty(), "SEX").epoch()).isEqualTo(ExtractEpoch.of(1));
        assertThat(extract(c, recipient, Optional.of(2), "ADMIN1", "SEX").epoch()).isEqualTo(ExtractEpoch.of(2));
        assertThat(extract(c, recipient, Optional.empty(), "SEX", "ADMIN1").epoch()).isEqualTo(ExtractEpoch.of(2));
        assertThatThrownBy(() -> extract(c, recipient, Optional.empty(), "SEX"))
                .isInstanceOf(StatisticalReleaseRefusedException.class);
    }

    @Test
    void withdrawnAndErasedPersonsDisappearFromTheNextExtract() {
        String c = country();
        List<SubjectId> people = population(c);
        String recipient = "EXTRACT-D-" + c;
        agreement(recipient);
        assertThat(extract(c, recipient, Optional.empty(), "SEX").records()).isEqualTo(12);

        f.core.consents().withdraw(f.registrar(), people.get(0), PurposeCode.of("STATS.OPS"));
        f.core.individuals().erase(f.dpo("SUBJECT_REQUEST"), people.get(1));
        // a withdrawal for another statistical purpose is a withdrawal from statistics too
        f.core.consents().withdraw(f.registrar(), people.get(2), PurposeCode.of("STATS.PUBLIC"));

        ExtractRelease next = extract(c, recipient, Optional.empty(), "SEX");
        assertThat(next.records()).isEqualTo(9);
        assertThat(csv(next).pseudonyms()).isEqualTo(expectedPseudonyms(people.subList(3, 12), recipient, 1));
    }

    @Test
    void refusedAboveTheRiskLimitNothingRegisteredAndAuditedFailed() throws Exception {
        // twelve people alike: at best one class of 12, an expected re-identification share of 1/12 > 0.05
        try (CoreFixture strict = new CoreFixture(Files.createDirectories(keys.resolve("strict")),
                StatisticsSettings.defaults(), new ExtractSettings(3, 1.0 / 3, 0.05, 4096))) {
            String s = "ZXS" + COUNTRIES.incrementAndGet();
            strict.core.locations().createAdminUnit(AdminUnit.country(s, "Strict"));
            strict.core.locations().createAdminUnit(AdminUnit.of(s + "A", 1, s, "A"));
            for (int i = 0; i < 12; i++) {
                strict.core.individuals().enrol(strict.registrar(), TestConsents.withStatistics(),
                        CoreFixture.rapid("Rapid", s + "A"), Optional.empty());
            }
            String recipient = "EXTRACT-E-" + s;
            agreement(strict, recipient);
            long auditBefore = strict.auditCount();

            assertThatThrownBy(() -> strict.core.extracts().extract(
                    strict.context("statistician", Role.STATISTICIAN, "STATS.OPS"),
                    draft(s, recipient, Optional.empty(), "ADMIN1", "SEX")))
                    .isInstanceOfSatisfying(StatisticalExtractRefusedException.class, e -> {
                        assertThat(e.reason()).isEqualTo(RefusalReason.EXPECTED_REIDENTIFICATIONS_ABOVE_LIMIT);
                        assertThat(e.report().orElseThrow().after().equivalenceClasses()).isEqualTo(1);
                    });

            assertThat(strict.jdbc.sql("SELECT count(*) FROM stat_release").query(Long.class).single()).isZero();
            assertThat(strict.auditAfter(auditBefore)).containsExactly("STATS_EXTRACT/FAILED");
        }
    }

    @Test
    void anExtractNeedsAnActiveAgreementTheOpsPurposeAndAValidRequest() {
        String c = country();
        population(c);
        String recipient = "EXTRACT-F-" + c;

        assertThatThrownBy(() -> extract(c, recipient, Optional.empty(), "SEX"))
                .isInstanceOfSatisfying(AccessDeniedException.class,
                        e -> assertThat(e.reason()).isEqualTo(DenialReason.NO_AGREEMENT));
        agreement(recipient);
        assertThatThrownBy(() -> extracts.extract(statistician("STATS.PUBLIC"),
                draft(c, recipient, Optional.empty(), "SEX"))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> extracts.extract(f.dpo("ADMIN.STATISTICS"),
                draft(c, recipient, Optional.empty(), "SEX"))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> extracts.extract(statistician("STATS.OPS"),
                new ExtractDraft(List.of("SEX", "SHOE_SIZE", "ADMIN1", "ADMIN2"), "NOWHERE", null, Optional.of(0))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::path)
                        .containsExactlyInAnyOrder("fields[1]", "fields", "population", "recipient", "epoch"));
        assertThat(f.jdbc.sql("SELECT count(*) FROM stat_release WHERE recipient = ?").param(recipient)
                .query(Long.class).single()).isZero();

        assertThat(extract(c, recipient, Optional.empty(), "SEX").records()).isEqualTo(12);
    }
}
