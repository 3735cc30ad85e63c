package org.safereg.registration;

import org.safereg.privacy.consent.ConsentDeclaration;
import org.safereg.privacy.consent.ConsentGiver;
import org.safereg.registration.testing.TestConsents;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.safereg.keys.SubjectId;
import org.safereg.registration.model.Contact;
import org.safereg.registration.model.DocumentType;
import org.safereg.registration.model.HouseholdEnrolment;
import org.safereg.registration.model.HouseholdEnrolmentResult;
import org.safereg.registration.model.IdempotencyKey;
import org.safereg.registration.model.IdentityDocument;
import org.safereg.registration.model.IndividualDetails;
import org.safereg.registration.model.Names;
import org.safereg.registration.model.NewHouseholdMember;
import org.safereg.registration.model.Relationship;

/**
 * Enrols people with distinctive values, then dumps every table of the database (text form of every row, and
 * the raw bytes of every bytea column) and asserts that none of the values, nor their normalised forms, appears.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlaintextDumpTest {
    @TempDir
    static Path keys;
    CoreFixture f;
    final Set<String> secrets = new LinkedHashSet<>();

    @AfterAll
    void closeFixture() {
        f.close();
    }

    @BeforeAll
    void setUp() {
        f = new CoreFixture(keys);
        String given = "Xiomara-Zéphyrine";
        String family = "Quetzalcóatl Vandersnoot";
        String other = "Ngozikaobi";
        String passport = "QX-7788.991";
        String nationalId = "NID 55 44 33 22";
        String phone = "+252 61 987 6543";
        String email = "zephyrine.hidden@example.org";
        String address = "Plot 17, Hodan Lane Whisperwood";
        String reason = "Verified against Ubuntugrand ledger";
        String childName = "Kwabenafrimpong";
        secrets.addAll(List.of(given, family, other, passport, nationalId, phone, email, address, reason, childName,
                "1983-07-21", "21/07/1983", "idem-Marigold-4471",
                // a child's date of majority (date of birth + 18 years): only its month may be stored in clear
                "2041-09-17", "17/09/2041", "20410917"));
        IndividualDetails details = new IndividualDetails(
                org.safereg.registration.model.RegistrationMethod.FULL,
                new Names(Optional.of(given), Optional.of(family), Optional.of(other)),
                Optional.of(org.safereg.registration.model.Sex.FEMALE),
                Optional.of(org.safereg.registration.model.Birth.on(LocalDate.of(1983, 7, 21))),
                List.of("ETH"),
                List.of(IdentityDocument.of(DocumentType.PASSPORT, passport, "ETH"),
                        IdentityDocument.of(DocumentType.NATIONAL_ID, nationalId, "ETH")),
                Optional.of(org.safereg.registration.model.PopulationCategory.ASYLUM_SEEKER),
                Optional.of(org.safereg.registration.model.LocationRef.of(CoreFixture.DISTRICT, CoreFixture.CAMP)),
                Set.of(org.safereg.registration.model.SpecificNeed.SURVIVOR_OF_VIOLENCE),
                Optional.of(new Contact(Optional.of(phone), Optional.of(email), Optional.of(address))));
        SubjectId id = f.core.individuals().enrol(f.registrar(), TestConsents.standard(), details,
                Optional.of(new IdempotencyKey("idem-Marigold-4471"))).id();
        f.core.individuals().update(f.protection(), id, 1, details, reason);
        HouseholdEnrolmentResult household = f.core.households().enrol(f.registrar(), TestConsents.standard(), new HouseholdEnrolment(
                        CoreFixture.person("Headwig", family, LocalDate.of(1960, 2, 2), passport + "H", phone),
                        List.of(new NewHouseholdMember(CoreFixture.rapid(childName, CoreFixture.DISTRICT), Relationship.GRANDCHILD))),
                Optional.empty());
        f.core.households().removeMember(f.protection(), household.household(), 1, household.members().get(0), reason);
        ConsentDeclaration standard = TestConsents.standard();
        f.core.consents().record(f.registrar(), household.members().get(0), new ConsentDeclaration(standard.notice(),
                standard.language(), standard.delivery(), false, ConsentGiver.PARENT_OR_GUARDIAN,
                Optional.of("grandmother, head of household"), Optional.of(true), Optional.empty(), Optional.empty(),
                Optional.of(LocalDate.of(2041, 9, 17)), standard.purposes()));
        f.core.individuals().searchByDocument(f.registrar(), org.safereg.registration.model.DocumentQuery.number(passport));
        f.core.individuals().searchByNameAndBirthDate(f.registrar(), given + " " + family, LocalDate.of(1983, 7, 21));
        f.core.audit().checkpoint(f.dpo("AUDIT"));
    }

    /** Each secret plus its normalised forms (lower case, without diacritics, without separators). */
    private Set<String> forms() {
        Set<String> forms = new LinkedHashSet<>();
        for (String s : secrets) {
            String plain = Normalizer.normalize(s, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
            forms.add(s);
            forms.add(plain.toLowerCase(Locale.ROOT));
            forms.add(IdentityDocument.normaliseNumber(s));
            forms.add(org.safereg.registration.model.IndividualValidator.normaliseName(s));
            for (String token : plain.split("[^\\p{L}\\p{N}]+")) {
                if (token.length() >= 6) {
                    forms.add(token.toLowerCase(Locale.ROOT));
                }
            }
        }
        forms.removeIf(x -> x.length() < 6);
        return forms;
    }

    private List<String> tables() {
        return f.jdbc.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'")
                .query(String.class).list();
    }

    @Test
    void noTableHoldsAPersonalValueInAnyTextualOrByteForm() {
        List<String> tables = tables();
        assertThat(tables).contains("individual", "individual_version", "individual_blind_index", "household",
                "household_version", "household_member", "subject_key", "idempotency", "audit_event",
                "audit_checkpoint", "stat_projection", "consent_record", "consent_purpose");
        StringBuilder text = new StringBuilder();
        List<byte[]> blobs = new ArrayList<>();
        for (String table : tables) {
            f.jdbc.sql("SELECT t::text FROM " + table + " t").query(String.class).list().forEach(r -> text.append(r).append('\n'));
            List<String> byteaColumns = f.jdbc.sql("""
                            SELECT column_name FROM information_schema.columns
                            WHERE table_schema = 'public' AND table_name = ? AND data_type = 'bytea'""")
                    .param(table).query(String.class).list();
            for (String column : byteaColumns) {
                f.jdbc.sql("SELECT " + column + " FROM " + table + " WHERE " + column + " IS NOT NULL")
                        .query((rs, n) -> rs.getBytes(1)).list().forEach(blobs::add);
            }
        }
        String dump = text.toString().toLowerCase(Locale.ROOT);
        // controls: the dump does see plaintext (actor names, reference data) and bytea columns (as hex)
        assertThat(dump).contains("registrar", "camp one", "\\x");
        // the re-consent month is there (its first day), the exact date is not (checked with the secrets)
        assertThat(dump).contains("2041-09-01");
        assertThat(blobs).hasSizeGreaterThan(20);
        for (String form : forms()) {
            byte[] utf8 = form.getBytes(StandardCharsets.UTF_8);
            assertThat(dump).as("text dump").doesNotContain(form.toLowerCase(Locale.ROOT));
            assertThat(dump).as("hex in text dump").doesNotContain(HexFormat.of().formatHex(utf8));
            for (byte[] blob : blobs) {
                assertThat(new String(blob, StandardCharsets.UTF_8)).as("bytea as UTF-8").doesNotContain(form);
                assertThat(new String(blob, StandardCharsets.ISO_8859_1)).as("bytea as Latin-1")
                        .doesNotContain(new String(utf8, StandardCharsets.ISO_8859_1));
            }
        }
    }

    @Test
    void schemaObjectNamesCarryNoPersonalValue() {
        String names = String.join("\n", f.jdbc.sql("""
                SELECT relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public'
                UNION ALL SELECT conname FROM pg_constraint""").query(String.class).list()).toLowerCase(Locale.ROOT);
        for (String form : forms()) {
            assertThat(names).doesNotContain(form.toLowerCase(Locale.ROOT));
        }
    }
}
