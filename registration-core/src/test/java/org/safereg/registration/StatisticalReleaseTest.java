package org.safereg.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
import org.safereg.privacy.statistics.ProtectionProfile;
import org.safereg.registration.model.Birth;
import org.safereg.registration.model.HouseholdEnrolment;
import org.safereg.registration.model.HouseholdEnrolmentResult;
import org.safereg.registration.model.IndividualDetails;
import org.safereg.registration.model.LocationRef;
import org.safereg.registration.model.Names;
import org.safereg.registration.model.NewHouseholdMember;
import org.safereg.registration.model.PopulationCategory;
import org.safereg.registration.model.RegistrationMethod;
import org.safereg.registration.model.Relationship;
import org.safereg.registration.model.Sex;
import org.safereg.registration.model.SpecificNeed;
import org.safereg.registration.sharing.AgreementDraft;
import org.safereg.registration.statistics.BudgetPeriod;
import org.safereg.registration.statistics.BudgetStatus;
import org.safereg.registration.statistics.IntegerBands;
import org.safereg.registration.statistics.RegisteredRelease;
import org.safereg.registration.statistics.ReleaseRegister;
import org.safereg.registration.statistics.ReleaseVerification;
import org.safereg.registration.statistics.StatisticalReleaseRefusedException;
import org.safereg.registration.statistics.StatisticalReleaseRefusedException.Reason;
import org.safereg.registration.statistics.StatisticsService;
import org.safereg.registration.statistics.StatisticsSettings;
import org.safereg.registration.statistics.TableDraft;
import org.safereg.registration.statistics.TableRelease;
import org.safereg.registration.testing.TestConsents;
import org.safereg.registration.rights.CanonicalJson;
import tools.jackson.databind.JsonNode;

/**
 * Aggregate releases over a real database: the table counted from the projection over every known code, the CSV
 * with its HXL row, the signed manifest and the register, consent withdrawal and erasure, households, the profile
 * rules, read access by purpose. Each test counts a population (country) of its own, so tests sharing the fixture
 * do not see each other's people. k is 2 (PUBLIC) and 2 (AGREEMENT) here so that small hand-made tables publish
 * most cells; the suppression itself is the privacy module's and is tested there.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatisticalReleaseTest {
    @TempDir
    static Path keys;
    CoreFixture f;
    StatisticsService statistics;

    @BeforeAll
    void setUp() {
        f = new CoreFixture(keys, new StatisticsSettings(IntegerBands.parse("0-4,5-11,12-17,18-59,60+", 0),
                IntegerBands.parse("1,2-3,4-6,7+", 1),
                Map.of(ProtectionProfile.PUBLIC, new StatisticsSettings.ProfileSettings(2, 1),
                        ProtectionProfile.AGREEMENT, new StatisticsSettings.ProfileSettings(2, 2)),
                0.9, 1e-6));
        statistics = f.core.statistics();
    }

    @AfterAll
    void closeFixture() {
        f.close();
    }

    // ---------------------------------------------------------------- fixtures

    private String country() {
        return f.newCountry("ZS");
    }

    /** A FULL registration with a disability. */
    private static IndividualDetails person(String pcode, Sex sex, LocalDate dob) {
        return person(pcode, sex, Birth.on(dob), SpecificNeed.DISABILITY);
    }

    private static IndividualDetails person(String pcode, Sex sex, Birth birth, SpecificNeed... needs) {
        return IndividualDetails.builder(RegistrationMethod.FULL, Names.of("Stat", "Person"))
                .sex(sex).birth(birth).nationalities("SOM").populationCategory(PopulationCategory.IDP)
                .location(LocationRef.of(pcode)).specificNeeds(needs).build();
    }

    private SubjectId enrol(IndividualDetails details) {
        return f.core.individuals().enrol(f.registrar(), TestConsents.withStatistics(), details, Optional.empty()).id();
    }

    private RequestContext statistician(String purpose) {
        return f.context("statistician", Role.STATISTICIAN, purpose);
    }

    private RequestContext officer() {
        return f.dpo("ADMIN.STATISTICS");
    }

    private static TableDraft table(String population, List<String> dimensions) {
        return new TableDraft(dimensions, Optional.empty(), "PUBLIC", Optional.empty(), Optional.empty(),
                Optional.empty(), population, Optional.empty());
    }

    private static TableDraft noisy(String population, String sigmaSquared) {
        return new TableDraft(List.of("SEX"), Optional.empty(), "PUBLIC", Optional.of("DIFFERENTIAL_PRIVACY"),
                Optional.of("DISCRETE_GAUSSIAN"), Optional.of(sigmaSquared), population, Optional.empty());
    }

    /** The CSV: header, HXL row, then rows keyed by their dimension values joined with '|'. */
    record Csv(List<String> header, List<String> hashtags, Map<String, String[]> rows) {
        static Csv of(byte[] bytes) {
            String text = new String(bytes, StandardCharsets.UTF_8);
            assertThat(text).endsWith("\r\n");
            String[] lines = text.split("\r\n");
            List<String> header = List.of(lines[0].split(",", -1));
            int dimensions = header.indexOf("persons") >= 0 ? header.indexOf("persons") : header.indexOf("households");
            Map<String, String[]> rows = new LinkedHashMap<>();
            for (int i = 2; i < lines.length; i++) {
                String[] v = lines[i].split(",", -1);
                assertThat(v).hasSameSizeAs(header.toArray());
                rows.put(String.join("|", List.of(v).subList(0, dimensions)), v);
            }
            return new Csv(header, List.of(lines[1].split(",", -1)), rows);
        }

        /** The published count of a row, or null if suppressed. */
        Long count(String key) {
            String[] row = rows.get(key);
            assertThat(row).as("row " + key).isNotNull();
            String v = row[header.indexOf(header.contains("persons") ? "persons" : "households")];
            return v.isEmpty() ? null : Long.parseLong(v);
        }
    }

    private Csv csv(TableRelease release, String purpose) {
        return Csv.of(statistics.csv(statistician(purpose), release.release().id()).csv());
    }

    private long total(TableRelease release, String purpose, String totalKey) {
        return csv(release, purpose).count(totalKey);
    }

    // ---------------------------------------------------------------- tests

    @Test
    void releaseCountsEveryKnownCodeWritesHxlAndRegistersASignedManifest() throws Exception {
        String c = country();
        for (int i = 0; i < 4; i++) {
            enrol(person(c + "A1", Sex.FEMALE, LocalDate.of(1990, 3, 1)));
        }
        for (int i = 0; i < 2; i++) {
            enrol(CoreFixture.rapid("Rapid", c + "B"));
        }
        long before = f.auditCount();

        TableRelease release = statistics.release(statistician("STATS.PUBLIC"), table(c, List.of("ADMIN1", "SEX")));

        Csv csv = csv(release, "STATS.PUBLIC");
        assertThat(csv.header()).containsExactly("adm1_pcode", "sex", "persons", "suppressed");
        assertThat(csv.hashtags()).containsExactly("#adm1+code", "#meta+sex", "#affected+ind", "#meta+suppressed");
        // every known code, the explicit unknown and the margins: (A, B, unknown, total) x (4 sexes + total)
        assertThat(csv.rows()).hasSize(4 * 5);
        assertThat(csv.count("total|total")).isEqualTo(6);
        assertThat(csv.count(c + "A|FEMALE")).isEqualTo(4);
        assertThat(csv.count(c + "B|UNKNOWN")).isEqualTo(2);
        assertThat(csv.count(c + "B|total")).isEqualTo(2);
        assertThat(csv.count("unknown|total")).isZero();
        assertThat(csv.count(c + "A|MALE")).isZero();
        assertThat(release.suppressedCells()).isZero();
        assertThat(release.cells()).isEqualTo(20);

        RegisteredRelease registered = release.release();
        JsonNode manifest = CanonicalJson.parse(registered.manifest());
        assertThat(manifest.get("format").asString()).isEqualTo(ReleaseRegister.FORMAT);
        assertThat(manifest.get("kind").asString()).isEqualTo("TABLE");
        assertThat(manifest.get("purpose").asString()).isEqualTo("STATS.PUBLIC");
        assertThat(manifest.get("profile").asString()).isEqualTo("PUBLIC");
        assertThat(manifest.get("method").asString()).isEqualTo("SUPPRESSION");
        assertThat(manifest.get("population").asString()).isEqualTo(c);
        assertThat(manifest.has("recipient")).isFalse();
        assertThat(manifest.get("specification").get("dimensions").toString()).isEqualTo("[\"ADMIN1\",\"SEX\"]");
        assertThat(manifest.get("protection").get("k").asLong()).isEqualTo(2);
        assertThat(manifest.get("protection").get("suppressedCells").asLong()).isZero();
        byte[] bytes = statistics.csv(statistician("STATS.PUBLIC"), registered.id()).csv();
        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        assertThat(manifest.get("csv").get("sha256").asString()).isEqualTo(digest);
        assertThat(manifest.get("csv").get("bytes").asLong()).isEqualTo(bytes.length);
        // the manifest is canonical and signed by the key provider over exactly its bytes
        assertThat(new String(CanonicalJson.encode(manifest), StandardCharsets.UTF_8)).isEqualTo(registered.manifest());
        assertThat(f.kek.verify(registered.manifest().getBytes(StandardCharsets.UTF_8), registered.signature())).isTrue();
        ReleaseVerification verification = statistics.verify(officer(), registered.id());
        assertThat(verification.valid()).isTrue();
        assertThat(statistics.manifest(statistician("STATS.PUBLIC"), registered.id()).manifest())
                .isEqualTo(registered.manifest());
        // one audited release, without any subject
        assertThat(f.auditAfter(before)).startsWith("STATS_RELEASE/SUCCESS");
        assertThat(f.jdbc.sql("SELECT count(*) FROM audit_event WHERE seq > ? AND action = 'STATS_RELEASE'"
                + " AND subject_pseudonym IS NULL AND purpose = 'STATS.PUBLIC'").param(before).query(Long.class)
                .single()).isEqualTo(1);
    }

    @Test
    void ageBandsAreReachedInTheReferenceYearAndNeedsAreYesOrNo() {
        String c = country();
        int year = Instant.now().atZone(ZoneOffset.UTC).getYear();
        for (int i = 0; i < 3; i++) {
            // reaches 5 this year, whatever the day: band 5-11
            enrol(person(c + "A1", Sex.MALE, LocalDate.of(year - 5, 12, 31)));
        }
        enrol(CoreFixture.rapid("Rapid", c + "A1"));
        enrol(CoreFixture.rapid("Rapid", c + "A1"));

        TableRelease release = statistics.release(statistician("STATS.PUBLIC"),
                table(c, List.of("AGE_BAND", "SPECIFIC_NEED_DISABILITY")));
        Csv csv = csv(release, "STATS.PUBLIC");

        assertThat(csv.header()).containsExactly("age_band", "specific_need_disability", "persons", "suppressed");
        assertThat(csv.hashtags()).containsExactly("#meta+age_band", "#meta+specific_need+disability",
                "#affected+ind", "#meta+suppressed");
        Map<String, Long> truth = new LinkedHashMap<>();
        for (String band : List.of("0-4", "5-11", "12-17", "18-59", "60+", "unknown", "total")) {
            for (String need : List.of("YES", "NO", "total")) {
                truth.put(band + "|" + need, 0L);
            }
        }
        truth.putAll(Map.of("5-11|YES", 3L, "5-11|total", 3L, "unknown|NO", 2L, "unknown|total", 2L,
                "total|YES", 3L, "total|NO", 2L, "total|total", 5L));
        assertThat(csv.rows().keySet()).containsExactlyInAnyOrderElementsOf(truth.keySet());
        truth.forEach((key, value) -> {
            if (csv.count(key) != null) {
                assertThat(csv.count(key)).as(key).isEqualTo(value);
            }
        });
        // the sensitive dimension's group-disclosure rule withholds "everyone aged 5-11 here has a disability"
        assertThat(csv.count("5-11|YES")).isNull();
        // the manifest says how many cells are withheld, never why (that would narrow what each may hold); the
        // register keeps the reasons for the data protection officer
        JsonNode protection = CanonicalJson.parse(release.release().manifest()).get("protection");
        long withheld = csv.rows().keySet().stream().map(csv::count).filter(Objects::isNull).count();
        assertThat(withheld).isPositive();
        assertThat(protection.get("suppressedCells").asLong()).isEqualTo(withheld);
        assertThat(release.release().manifest()).doesNotContain("GROUP_DISCLOSURE").doesNotContain("SMALL_COUNT")
                .doesNotContain("COMPLEMENTARY");
        JsonNode byReason = CanonicalJson.parse(release.release().registerDetail()).get("suppressedCellsByReason");
        assertThat(byReason.get("GROUP_DISCLOSURE").asLong()).isPositive();
        long sum = 0;
        for (JsonNode n : byReason) {
            sum += n.asLong();
        }
        assertThat(sum).isEqualTo(withheld);
    }

    @Test
    void aOneWayTableNeverPublishesAnAdmin1TotalATwoWayTableWithheld() {
        String c = country();
        enrol(person(c + "A1", Sex.FEMALE, LocalDate.of(1990, 3, 1)));
        for (int i = 0; i < 3; i++) {
            enrol(person(c + "B", Sex.MALE, LocalDate.of(1990, 3, 1)));
            enrol(person(c + "B", Sex.MALE, Birth.on(LocalDate.of(1990, 3, 1))));
        }
        Csv twoWay = csv(statistics.release(statistician("STATS.PUBLIC"),
                table(c, List.of("ADMIN1", "SPECIFIC_NEED_DISABILITY"))), "STATS.PUBLIC");
        assertThat(twoWay.count(c + "A|total")).isNull();
        // A grows past k; alone, a one-way ADMIN1 table would publish A, and with it the earlier withheld total
        enrol(person(c + "A2", Sex.FEMALE, Birth.on(LocalDate.of(1990, 3, 1))));
        enrol(person(c + "A2", Sex.FEMALE, Birth.on(LocalDate.of(1990, 3, 1))));

        TableRelease oneWay = statistics.release(statistician("STATS.OPS"), table(c, List.of("ADMIN1")));

        Csv csv = csv(oneWay, "STATS.OPS");
        assertThat(csv.count(c + "A")).isNull();
        // and not recomputable, nor pinned within k, from what the one-way table publishes: other cells are
        // withheld too
        assertThat(csv.rows().keySet().stream().filter(k -> csv.count(k) == null).count()).isGreaterThanOrEqualTo(2);
        assertThat(CanonicalJson.parse(oneWay.release().registerDetail()).get("suppressedCellsByReason")
                .get("PRIOR_RELEASE").asLong()).isPositive();
    }

    @Test
    void aTableWhoseAuditCannotPassIsRefusedNothingRegisteredAndAuditedFailed() {
        String c = country();
        List<SubjectId> women = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            women.add(enrol(person(c + "A1", Sex.FEMALE, LocalDate.of(1990, 3, 1))));
        }
        for (int i = 0; i < 3; i++) {
            enrol(person(c + "A1", Sex.MALE, LocalDate.of(1990, 3, 1)));
        }
        TableDraft bySex = table(c, List.of("SEX"));
        assertThat(csv(statistics.release(statistician("STATS.PUBLIC"), bySex), "STATS.PUBLIC").count("FEMALE"))
                .isEqualTo(2);
        // FEMALE is now a small count, but an earlier release published it: no pattern can protect it
        f.core.consents().withdraw(f.registrar(), women.get(0), PurposeCode.of("STATS.PUBLIC"));
        long before = f.auditCount();

        assertThatThrownBy(() -> statistics.release(statistician("STATS.PUBLIC"), bySex))
                .isInstanceOfSatisfying(StatisticalReleaseRefusedException.class, e -> assertThat(e.reason())
                        .isEqualTo(StatisticalReleaseRefusedException.Reason.AUDIT_FAILED));

        assertThat(f.auditAfter(before)).containsExactly("STATS_RELEASE/FAILED");
        assertThat(f.jdbc.sql("SELECT count(*) FROM stat_release WHERE population = ?").param(c)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aRepeatedTableKeepsWithheldWhatItsFirstReleaseWithheld() {
        String c = country();
        // everyone in A has the disability: the group disclosure is withheld with complements in B
        for (int i = 0; i < 4; i++) {
            enrol(person(c + "A1", Sex.FEMALE, LocalDate.of(1990, 3, 1)));
        }
        for (int i = 0; i < 3; i++) {
            enrol(person(c + "B", Sex.MALE, LocalDate.of(1990, 3, 1)));
            enrol(person(c + "B", Sex.MALE, Birth.on(LocalDate.of(1990, 3, 1))));
        }
        TableDraft draft = table(c, List.of("ADMIN1", "SPECIFIC_NEED_DISABILITY"));
        Csv first = csv(statistics.release(statistician("STATS.PUBLIC"), draft), "STATS.PUBLIC");
        assertThat(first.count(c + "A|YES")).isNull();
        List<String> withheld = first.rows().keySet().stream().filter(k -> first.count(k) == null).toList();
        assertThat(withheld).contains(c + "B|YES");
        // A no longer discloses anything; B is unchanged, so publishing B|YES now gives A|YES of the first release
        // (total|YES - B|YES = A|total: everyone in A)
        for (int i = 0; i < 4; i++) {
            enrol(person(c + "A1", Sex.FEMALE, Birth.on(LocalDate.of(1990, 3, 1))));
        }

        Csv second = csv(statistics.release(statistician("STATS.PUBLIC"), draft), "STATS.PUBLIC");

        assertThat(withheld).allSatisfy(k -> assertThat(second.count(k)).as(k).isNull());
    }

    @Test
    void nationalityIsSensitiveEveryoneInARegionOfOneNationalityIsWithheld() {
        String c = country();
        for (int i = 0; i < 3; i++) {
            enrol(person(c + "A1", Sex.FEMALE, LocalDate.of(1990, 3, 1)));
            enrol(person(c + "B", Sex.FEMALE, LocalDate.of(1990, 3, 1)));
            enrol(IndividualDetails.builder(RegistrationMethod.FULL, Names.of("Stat", "Person")).sex(Sex.MALE)
                    .birth(Birth.on(LocalDate.of(1990, 3, 1))).nationalities("KEN")
                    .populationCategory(PopulationCategory.IDP).location(LocationRef.of(c + "B")).build());
        }

        TableRelease release = statistics.release(statistician("STATS.PUBLIC"),
                table(c, List.of("ADMIN1", "NATIONALITY")));

        // "everyone registered in A is Somali" is withheld although 3 >= k
        Csv csv = csv(release, "STATS.PUBLIC");
        assertThat(csv.count(c + "A|SOM")).isNull();
        assertThat(CanonicalJson.parse(release.release().manifest()).get("protection").get("sensitiveDimensions")
                .toString()).isEqualTo("[\"NATIONALITY\"]");
    }

    @Test
    void withdrawnAndErasedPersonsDisappearFromTheNextRelease() {
        String c = country();
        List<SubjectId> people = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            people.add(enrol(person(c + "A2", Sex.FEMALE, LocalDate.of(1985, 1, 1))));
        }
        TableDraft bySex = table(c, List.of("SEX"));
        assertThat(total(statistics.release(statistician("STATS.PUBLIC"), bySex), "STATS.PUBLIC", "total"))
                .isEqualTo(5);

        f.core.consents().withdraw(f.registrar(), people.get(0), PurposeCode.of("STATS.PUBLIC"));
        f.core.individuals().erase(f.dpo("SUBJECT_REQUEST"), people.get(1));

        assertThat(total(statistics.release(statistician("STATS.PUBLIC"), bySex), "STATS.PUBLIC", "total"))
                .isEqualTo(3);
        // a withdrawal from one statistical purpose is a withdrawal from statistics: STATS.OPS leaves them out too
        assertThat(total(statistics.release(statistician("STATS.OPS"), bySex), "STATS.OPS", "total")).isEqualTo(3);
        assertThat(f.jdbc.sql("SELECT count(*) FROM stat_projection WHERE admin0_pcode = ?").param(c)
                .query(Long.class).single()).isEqualTo(4);
    }

    @Test
    void householdsAreCountedOnceDescribedByTheirHeadAndSizedByTheirIncludedMembers() {
        String c = country();
        List<HouseholdEnrolmentResult> households = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            households.add(f.core.households().enrol(f.registrar(), TestConsents.standard(), new HouseholdEnrolment(
                    person(c + "A1", Sex.MALE, LocalDate.of(1980, 1, 1)), List.of(
                            new NewHouseholdMember(person(c + "A1", Sex.FEMALE, LocalDate.of(2012, 1, 1)),
                                    Relationship.CHILD),
                            new NewHouseholdMember(person(c + "A1", Sex.FEMALE, LocalDate.of(2014, 1, 1)),
                                    Relationship.CHILD))), Optional.empty()));
        }
        enrol(person(c + "A1", Sex.FEMALE, LocalDate.of(1970, 1, 1)));
        enrol(person(c + "A1", Sex.FEMALE, LocalDate.of(1971, 1, 1)));
        TableDraft householdsBySexAndSize = new TableDraft(List.of("SEX", "HOUSEHOLD_SIZE_BAND"),
                Optional.of("HOUSEHOLDS"), "PUBLIC", Optional.empty(), Optional.empty(), Optional.empty(), c,
                Optional.empty());

        Csv units = csv(statistics.release(statistician("STATS.PUBLIC"), householdsBySexAndSize), "STATS.PUBLIC");
        assertThat(units.header()).containsExactly("sex", "household_size_band", "households", "suppressed");
        assertThat(units.hashtags()).contains("#affected+hh", "#meta+household_size");
        assertThat(units.count("total|total")).isEqualTo(4);
        assertThat(units.count("MALE|2-3")).isEqualTo(2);
        assertThat(units.count("FEMALE|1")).isEqualTo(2);
        Csv persons = csv(statistics.release(statistician("STATS.PUBLIC"), table(c, List.of("HOUSEHOLD_SIZE_BAND"))),
                "STATS.PUBLIC");
        assertThat(persons.count("2-3")).isEqualTo(6);
        assertThat(persons.count("1")).isEqualTo(2);

        // a head erased: the household still counts once, described by a remaining member, two members strong
        f.core.individuals().erase(f.dpo("SUBJECT_REQUEST"), households.get(0).head());
        Csv after = csv(statistics.release(statistician("STATS.PUBLIC"), new TableDraft(List.of("HOUSEHOLD_SIZE_BAND"),
                Optional.of("HOUSEHOLDS"), "PUBLIC", Optional.empty(), Optional.empty(), Optional.empty(), c,
                Optional.empty())), "STATS.PUBLIC");
        assertThat(after.count("total")).isEqualTo(4);
        assertThat(after.count("2-3")).isEqualTo(2);
        assertThat(after.count("1")).isEqualTo(2);
    }

    @Test
    void projectionKeepsBirthYearAndTheHouseholdPseudonymNotTheAgeBand() {
        String c = country();
        HouseholdEnrolmentResult h = f.core.households().enrol(f.registrar(), TestConsents.standard(),
                new HouseholdEnrolment(person(c + "A1", Sex.MALE, LocalDate.of(1981, 6, 1)), List.of(
                        new NewHouseholdMember(person(c + "A1", Sex.FEMALE,
                                Birth.estimatedAge(30, LocalDate.of(2020, 5, 1))), Relationship.SPOUSE))),
                Optional.empty());
        List<Map<String, Object>> rows = f.jdbc.sql("""
                        SELECT birth_year, household_pseudonym, household_head, household_size FROM stat_projection
                        WHERE admin0_pcode = ? ORDER BY birth_year""").param(c).query().listOfRows();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("birth_year")).isEqualTo(1981);
        assertThat(rows.get(1).get("birth_year")).isEqualTo(1990);
        assertThat(rows.get(0).get("household_head")).isEqualTo(true);
        assertThat(rows.get(1).get("household_head")).isEqualTo(false);
        assertThat((byte[]) rows.get(0).get("household_pseudonym")).isEqualTo(rows.get(1).get("household_pseudonym"))
                .isEqualTo(f.core.pseudonymizer().of(PseudonymDomain.STATISTICS, new SubjectId(h.household().value()))
                        .value());
        assertThat(rows.get(0).get("household_size")).isEqualTo(2);
        assertThat(f.jdbc.sql("SELECT column_name FROM information_schema.columns WHERE table_name = 'stat_projection'")
                .query(String.class).list()).doesNotContain("age_band");

        f.core.households().removeMember(f.registrar(), h.household(), 1, h.members().get(0), "moved out");
        assertThat(f.jdbc.sql("""
                        SELECT count(*) FROM stat_projection WHERE admin0_pcode = ? AND household_pseudonym IS NULL
                            AND NOT household_head AND household_size = 1""").param(c).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void profileRulesAndInvalidSpecificationsAreRefusedAndAuditedWithNothingRegistered() {
        String c = country();
        enrol(person(c + "A1", Sex.FEMALE, LocalDate.of(1990, 1, 1)));
        long registered = releases(c);
        long before = f.auditCount();

        assertThatThrownBy(() -> statistics.release(statistician("STATS.PUBLIC"), table(c, List.of("ADMIN2"))))
                .isInstanceOfSatisfying(StatisticalReleaseRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.GEOGRAPHY_BELOW_FLOOR));
        TableDraft agreement = new TableDraft(List.of("ADMIN2"), Optional.empty(), "AGREEMENT", Optional.empty(),
                Optional.empty(), Optional.empty(), c, Optional.empty());
        assertThatThrownBy(() -> statistics.release(statistician("STATS.OPS"), agreement))
                .isInstanceOfSatisfying(StatisticalReleaseRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.AGREEMENT_REQUIRED));
        TableDraft invalid = new TableDraft(List.of("ADMIN1", "ADMIN2", "EYE_COLOUR", "SEX", "SEX"),
                Optional.of("FAMILIES"), "SECRET", Optional.of("DIFFERENTIAL_PRIVACY"), Optional.empty(),
                Optional.of("-1"), "NOWHERE", Optional.of("!"));
        assertThatThrownBy(() -> statistics.release(statistician("STATS.OPS"), invalid))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::path).contains("dimensions", "dimensions[2]", "unit", "profile",
                                "mechanism", "scale", "population", "recipient"));
        assertThat(f.auditAfter(before)).containsExactly("STATS_RELEASE/FAILED", "STATS_RELEASE/FAILED",
                "STATS_RELEASE/FAILED");
        // a role without the purpose is denied before anything else
        assertThatThrownBy(() -> statistics.release(f.registrar(), table(c, List.of("SEX"))))
                .isInstanceOfSatisfying(AccessDeniedException.class,
                        e -> assertThat(e.reason()).isEqualTo(DenialReason.ACTION_NOT_COVERED_BY_PURPOSE));
        assertThatThrownBy(() -> statistics.release(f.dpo("ADMIN.STATISTICS"), table(c, List.of("SEX"))))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(releases(c)).isEqualTo(registered);
    }

    @Test
    void aRecipientNeedsAnActiveAgreementCoveringThePurposeAndIsNamedInTheManifest() {
        String c = country();
        for (int i = 0; i < 3; i++) {
            enrol(person(c + "A1", Sex.FEMALE, LocalDate.of(1990, 1, 1)));
        }
        String recipient = "STATPARTNER-" + c;
        TableDraft draft = new TableDraft(List.of("ADMIN2", "SEX"), Optional.empty(), "AGREEMENT", Optional.empty(),
                Optional.empty(), Optional.empty(), c, Optional.of(recipient));
        assertThatThrownBy(() -> statistics.release(statistician("STATS.OPS"), draft))
                .isInstanceOfSatisfying(AccessDeniedException.class,
                        e -> assertThat(e.reason()).isEqualTo(DenialReason.NO_AGREEMENT));
        UUID agreement = f.core.agreements().create(f.dpo("ADMIN.AGREEMENTS"), new AgreementDraft(recipient,
                "Statistics partner", List.of("STATS.OPS"), List.of("LOCATION", "SEX"),
                Instant.now().minusSeconds(60).toString(), Instant.now().plusSeconds(86_400).toString(),
                Optional.empty(), "PUBLIC_INTEREST_MANDATE", "Head of Office")).terms().id().value();
        // the agreement covers STATS.OPS, not STATS.PUBLIC
        assertThatThrownBy(() -> statistics.release(statistician("STATS.PUBLIC"), draft))
                .isInstanceOf(AccessDeniedException.class);

        TableRelease release = statistics.release(statistician("STATS.OPS"), draft);

        JsonNode manifest = CanonicalJson.parse(release.release().manifest());
        assertThat(manifest.get("recipient").asString()).isEqualTo(recipient);
        assertThat(manifest.get("agreementId").asString()).isEqualTo(agreement.toString());
        assertThat(manifest.get("protection").get("geographyFloor").asString()).isEqualTo("ADMIN2");
        Csv csv = csv(release, "STATS.OPS");
        assertThat(csv.header()).startsWith("adm1_pcode", "adm2_pcode", "sex");
        assertThat(csv.hashtags()).startsWith("#adm1+code", "#adm2+code");
        assertThat(csv.rows().keySet()).contains(c + "A|" + c + "A1|FEMALE", c + "A|total|total",
                c + "A|unknown|total", c + "B|unknown|total", "unknown|unknown|total", "total|total|total");
        assertThat(csv.count(c + "A|" + c + "A1|total")).isEqualTo(3);
        assertThat(f.jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'STATS_RELEASE' AND recipient = ?"
                + " AND outcome = 'SUCCESS'").param(recipient).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void releasesAreReadUnderTheirOwnPurposeTheRegisterOnlyByTheOfficer() {
        String c = country();
        enrol(person(c + "A1", Sex.FEMALE, LocalDate.of(1990, 1, 1)));
        RegisteredRelease release = statistics.release(statistician("STATS.PUBLIC"), table(c, List.of("SEX")))
                .release();

        assertThatThrownBy(() -> statistics.csv(statistician("STATS.OPS"), release.id()))
                .isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> statistics.manifest(statistician("STATS.PUBLIC"), UUID.randomUUID()))
                .isInstanceOf(RecordNotFoundException.class);
        assertThat(statistics.manifest(officer(), release.id()).id()).isEqualTo(release.id());
        assertThat(statistics.list(officer(), new PageRequest(0, 500), Optional.empty()).items())
                .extracting(RegisteredRelease::id).contains(release.id());
        assertThatThrownBy(() -> statistics.list(statistician("STATS.OPS"), new PageRequest(0, 10), Optional.empty()))
                .isInstanceOfSatisfying(AccessDeniedException.class,
                        e -> assertThat(e.reason()).isEqualTo(DenialReason.ACTION_NOT_COVERED_BY_PURPOSE));
        assertThatThrownBy(() -> statistics.verify(statistician("STATS.OPS"), release.id()))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theRegisterIsAppendOnlyAndVerificationCatchesAChangedCsvOrManifest() {
        String c = country();
        enrol(person(c + "A1", Sex.FEMALE, LocalDate.of(1990, 1, 1)));
        RegisteredRelease release = statistics.release(statistician("STATS.PUBLIC"), table(c, List.of("SEX")))
                .release();
        assertThatThrownBy(() -> f.jdbc.sql("UPDATE stat_release SET csv = ? WHERE id = ?")
                .params("x".getBytes(StandardCharsets.UTF_8), release.id()).update())
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> f.jdbc.sql("DELETE FROM stat_release WHERE id = ?").param(release.id()).update())
                .rootCause().hasMessageContaining("append-only");

        // the table owner can still switch the trigger off: verification is the second line
        tampered("csv = convert_to('adm1_pcode\r\n', 'UTF8')", release.id());
        ReleaseVerification csv = statistics.verify(officer(), release.id());
        assertThat(csv.signatureValid()).isTrue();
        assertThat(csv.csvDigestValid()).isFalse();
        tampered("manifest = replace(manifest, '\"PUBLIC\"', '\"AGREEMENT\"')", release.id());
        assertThat(statistics.verify(officer(), release.id()).signatureValid()).isFalse();
    }

    private void tampered(String assignment, UUID id) {
        f.jdbc.sql("ALTER TABLE stat_release DISABLE TRIGGER stat_release_no_update").update();
        try {
            f.jdbc.sql("UPDATE stat_release SET " + assignment + " WHERE id = ?").param(id).update();
        } finally {
            f.jdbc.sql("ALTER TABLE stat_release ENABLE TRIGGER stat_release_no_update").update();
        }
    }

    @Test
    void differentialPrivacyNeedsACapSpendsExactlyItsRhoAndIsRefusedBeyondIt() {
        String c = country();
        for (int i = 0; i < 5; i++) {
            enrol(person(c + "A1", Sex.FEMALE, LocalDate.of(1990, 1, 1)));
        }
        String quarter = BudgetPeriod.of(Instant.now()).toString();
        assertThatThrownBy(() -> statistics.release(statistician("STATS.PUBLIC"), noisy(c, "2")))
                .isInstanceOfSatisfying(StatisticalReleaseRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.NO_BUDGET_CAP));
        assertThatThrownBy(() -> statistics.setCap(statistician("STATS.OPS"), c, quarter, "1/2"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> statistics.setCap(officer(), "NOWHERE", "2026-Q5", "x"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::path).containsExactly("population", "period", "rho"));

        BudgetStatus cap = statistics.setCap(officer(), c, quarter, "1/2");
        assertThat(cap.cap().value().toString()).isEqualTo("1/2");
        assertThat(cap.spent().value().isZero()).isTrue();

        // sigma^2 = 2: rho = 1 / (2 sigma^2) = 1/4 per release
        TableRelease first = statistics.release(statistician("STATS.PUBLIC"), noisy(c, "2"));
        Csv csv = csv(first, "STATS.PUBLIC");
        assertThat(csv.header()).containsExactly("sex", "persons");
        long sum = 0;
        for (String sex : List.of("FEMALE", "MALE", "OTHER", "UNKNOWN")) {
            assertThat(csv.count(sex)).isNotNegative();
            sum += csv.count(sex);
        }
        assertThat(csv.count("total")).isEqualTo(sum);
        JsonNode protection = CanonicalJson.parse(first.release().manifest()).get("protection");
        assertThat(protection.get("rho").asString()).isEqualTo("1/4");
        assertThat(protection.get("mechanism").asString()).isEqualTo("DISCRETE_GAUSSIAN");
        assertThat(protection.get("scale").asString()).isEqualTo("2");
        // epsilon at delta 1e-6: rho + 2 sqrt(rho ln(1/delta)) = 0.25 + 2 sqrt(0.25 x 13.8155) = 3.967
        assertThat(Double.parseDouble(protection.get("epsilon").asString())).isCloseTo(3.967, within(0.001));
        assertThat(protection.get("delta").asString()).isEqualTo("0.000001");
        statistics.release(statistician("STATS.OPS"), noisy(c, "2"));
        BudgetStatus spent = budget(c, quarter);
        assertThat(spent.spent().value().toString()).isEqualTo("1/2");
        assertThat(spent.remaining().value().isZero()).isTrue();

        long registered = releases(c);
        assertThatThrownBy(() -> statistics.release(statistician("STATS.PUBLIC"), noisy(c, "100")))
                .isInstanceOfSatisfying(StatisticalReleaseRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.BUDGET_EXCEEDED));
        assertThat(budget(c, quarter).spent().value().toString()).isEqualTo("1/2");
        assertThat(releases(c)).isEqualTo(registered);
        assertThat(entries(c, "COMMITTED")).isEqualTo(2);
        assertThat(entries(c, "RESERVED")).isZero();
    }

    @Test
    void aReleaseRefusedAfterItsReservationIsRefunded() {
        String c = country();
        enrol(person(c + "A1", Sex.FEMALE, LocalDate.of(1990, 1, 1)));
        String quarter = BudgetPeriod.of(Instant.now()).toString();
        statistics.setCap(officer(), c, quarter, "1");
        TableDraft toRecipient = new TableDraft(List.of("SEX"), Optional.empty(), "PUBLIC",
                Optional.of("DIFFERENTIAL_PRIVACY"), Optional.of("DISCRETE_LAPLACE"), Optional.of("2"), c,
                Optional.of("NOAGREEMENT-" + c));
        assertThatThrownBy(() -> statistics.release(statistician("STATS.OPS"), toRecipient))
                .isInstanceOfSatisfying(AccessDeniedException.class,
                        e -> assertThat(e.reason()).isEqualTo(DenialReason.NO_AGREEMENT));
        assertThat(entries(c, "REFUNDED")).isEqualTo(1);
        assertThat(budget(c, quarter).spent().value().isZero()).isTrue();
    }

    @Test
    void concurrentReleasesNeverOverdrawTheBudget() throws Exception {
        String c = country();
        for (int i = 0; i < 3; i++) {
            enrol(person(c + "A1", Sex.FEMALE, LocalDate.of(1990, 1, 1)));
        }
        String quarter = BudgetPeriod.of(Instant.now()).toString();
        statistics.setCap(officer(), c, quarter, "3/4");
        int threads = 10;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Reason>> outcomes = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                outcomes.add(pool.submit(() -> {
                    start.await();
                    try {
                        statistics.release(statistician("STATS.PUBLIC"), noisy(c, "2"));
                        return null;
                    } catch (StatisticalReleaseRefusedException e) {
                        return e.reason();
                    }
                }));
            }
            start.countDown();
            List<Reason> reasons = new ArrayList<>();
            for (var outcome : outcomes) {
                reasons.add(outcome.get(120, TimeUnit.SECONDS));
            }
            assertThat(reasons).filteredOn(r -> r == null).hasSize(3);
            assertThat(reasons).filteredOn(r -> r != null).hasSize(threads - 3).containsOnly(Reason.BUDGET_EXCEEDED);
        } finally {
            pool.shutdownNow();
        }
        assertThat(budget(c, quarter).spent().value().toString()).isEqualTo("3/4");
        assertThat(entries(c, "COMMITTED")).isEqualTo(3);
        assertThat(entries(c, "RESERVED")).isZero();
        assertThat(releases(c)).isEqualTo(3);
    }

    private BudgetStatus budget(String population, String quarter) {
        return statistics.budgets(statistician("STATS.PUBLIC"), Optional.of(population)).stream()
                .filter(b -> b.period().toString().equals(quarter)).findFirst().orElseThrow();
    }

    private long entries(String population, String state) {
        return f.jdbc.sql("SELECT count(*) FROM stat_budget_entry WHERE population = ? AND state = ?")
                .params(population, state).query(Long.class).single();
    }

    private long releases(String population) {
        return f.jdbc.sql("SELECT count(*) FROM stat_release WHERE population = ?").param(population)
                .query(Long.class).single();
    }
}
