package org.safereg.registration;

import org.safereg.registration.testing.TestConsents;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.safereg.keys.DataCategory;
import org.safereg.keys.FieldCipher;
import org.safereg.keys.SubjectId;
import org.safereg.registration.model.Birth;
import org.safereg.registration.model.Contact;
import org.safereg.registration.model.DocumentType;
import org.safereg.registration.model.HouseholdEnrolment;
import org.safereg.registration.model.IdentityDocument;
import org.safereg.registration.model.IndividualDetails;
import org.safereg.registration.model.LocationRef;
import org.safereg.registration.model.Names;
import org.safereg.registration.model.NewHouseholdMember;
import org.safereg.registration.model.PopulationCategory;
import org.safereg.registration.model.RegistrationMethod;
import org.safereg.registration.model.Relationship;
import org.safereg.registration.model.Sex;
import org.safereg.registration.model.SpecificNeed;
import org.safereg.registration.storage.IndividualCodec;
import org.safereg.registration.storage.IndividualCodec.Column;
import org.safereg.registration.storage.PaddedPayload.RecordBinding;

/**
 * Ciphertext lengths do not reveal coded values: every value of every coded column (each enum constant, absent,
 * the largest valid value) encrypts to the same length, so a database reader cannot tell FEMALE from MALE, an
 * asylum seeker from a host-community member, or join the plaintext statistical projection back to identified
 * rows by length. Free-text columns are padded to 256-byte blocks. Values still round-trip exactly.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CiphertextLengthTest {
    private static final int AEAD_OVERHEAD = 1 + 12 + 16;
    private static final Set<Column> CODED = Set.of(Column.REGISTRATION_METHOD, Column.SEX, Column.BIRTH,
            Column.NATIONALITY, Column.POPULATION_CATEGORY, Column.LOCATION, Column.SPECIFIC_NEEDS);

    private static final RecordBinding ROW = new RecordBinding(UUID.randomUUID(), 1);

    @TempDir
    static Path keys;
    CoreFixture f;
    FieldCipher cipher;

    @AfterAll
    void closeFixture() {
        f.close();
    }

    @BeforeAll
    void setUp() {
        f = new CoreFixture(keys);
        cipher = f.core.keyring().create(SubjectId.random(), DataCategory.DEMOGRAPHIC);
    }

    private static IndividualDetails.Builder base(RegistrationMethod method) {
        return IndividualDetails.builder(method, Names.of("Amina", "Yusuf"));
    }

    /** One variant per value of each coded field (and absent, and the largest valid value), the rest fixed. */
    private static List<IndividualDetails> variants() {
        List<IndividualDetails> out = new ArrayList<>();
        for (RegistrationMethod method : RegistrationMethod.values()) {
            out.add(base(method).build());
        }
        for (Sex sex : Sex.values()) {
            out.add(base(RegistrationMethod.FULL).sex(sex).build());
        }
        out.add(base(RegistrationMethod.FULL).birth(Birth.on(LocalDate.of(2001, 12, 31))).build());
        out.add(base(RegistrationMethod.FULL).birth(Birth.estimatedAge(130, LocalDate.of(2024, 12, 31))).build());
        out.add(base(RegistrationMethod.FULL).birth(Birth.estimatedAge(7, LocalDate.of(2024, 1, 1))).build());
        out.add(base(RegistrationMethod.FULL).nationalities("SOM").build());
        out.add(base(RegistrationMethod.FULL).nationalities("SOM", "ETH", "KEN", "XXA", "XXX").build());
        for (PopulationCategory category : PopulationCategory.values()) {
            out.add(base(RegistrationMethod.FULL).populationCategory(category).build());
        }
        out.add(base(RegistrationMethod.FULL).location(LocationRef.of("SO")).build());
        out.add(base(RegistrationMethod.FULL).location(LocationRef.of("A".repeat(20), "B".repeat(20))).build());
        for (SpecificNeed need : SpecificNeed.values()) {
            out.add(base(RegistrationMethod.FULL).specificNeeds(need).build());
        }
        out.add(base(RegistrationMethod.FULL).specificNeeds(SpecificNeed.values()).build());
        return out;
    }

    @Test
    void everyCodedColumnHasOneLengthWhateverItsValue() {
        List<IndividualDetails> variants = variants();
        for (Column column : CODED) {
            Set<Integer> lengths = new TreeSet<>();
            for (IndividualDetails d : variants) {
                lengths.add(IndividualCodec.encrypt(cipher, ROW, d).get(column).length);
            }
            assertThat(lengths).as(column.column()).containsExactly(AEAD_OVERHEAD + column.block().bytes());
        }
    }

    @Test
    void freeTextColumnsArePaddedToBlocks() {
        IndividualDetails shortValues = base(RegistrationMethod.FULL)
                .documents(IdentityDocument.of(DocumentType.OTHER, "1", null))
                .contact(Contact.phone("+1 23")).build();
        IndividualDetails longerValues = IndividualDetails.builder(RegistrationMethod.FULL,
                        Names.of("Alexandria Maximiliana", "Abdirahman-Mohamud"))
                .documents(IdentityDocument.of(DocumentType.ASYLUM_SEEKER_CERTIFICATE, "ASC-2024-000123456", "SOM"))
                .contact(new Contact(Optional.of("+252 61 555 0101"), Optional.of("amina@example.org"), Optional.empty()))
                .build();
        for (Column column : List.of(Column.NAMES, Column.DOCUMENTS, Column.CONTACT)) {
            assertThat(IndividualCodec.encrypt(cipher, ROW, shortValues).get(column).length)
                    .as(column.column())
                    .isEqualTo(IndividualCodec.encrypt(cipher, ROW, longerValues).get(column).length)
                    .isEqualTo(AEAD_OVERHEAD + 256);
        }
        IndividualDetails veryLong = IndividualDetails.builder(RegistrationMethod.FULL,
                Names.of("ب".repeat(200), "ي".repeat(200))).build();
        int namesLength = IndividualCodec.encrypt(cipher, ROW, veryLong).get(Column.NAMES).length;
        assertThat((namesLength - AEAD_OVERHEAD) % 256).isZero();
        assertThat(IndividualCodec.decrypt(cipher, ROW, IndividualCodec.encrypt(cipher, ROW, veryLong))).isEqualTo(veryLong);
    }

    @Test
    void everyVariantRoundTripsExactly() {
        for (IndividualDetails d : variants()) {
            Map<Column, byte[]> encrypted = IndividualCodec.encrypt(cipher, ROW, d);
            assertThat(IndividualCodec.decrypt(cipher, ROW, encrypted)).isEqualTo(d);
        }
    }

    @Test
    void storedColumnsHaveEqualLengthsAcrossPeopleAndRelationships() {
        f.core.individuals().enrol(f.registrar(), TestConsents.standard(), CoreFixture.person("Hodan", "Ali", LocalDate.of(1990, 1, 1),
                "P1234567", "+252 61 555 0001"), Optional.empty());
        IndividualDetails man = IndividualDetails.builder(RegistrationMethod.BIOMETRIC, Names.of("Abdi", "Warsame"))
                .sex(Sex.MALE).birth(Birth.estimatedAge(40, LocalDate.of(2020, 1, 1))).nationalities("ETH", "SOM")
                .populationCategory(PopulationCategory.ASYLUM_SEEKER).location(LocationRef.of(CoreFixture.REGION))
                .specificNeeds(SpecificNeed.SURVIVOR_OF_TORTURE, SpecificNeed.DISABILITY).build();
        f.core.individuals().enrol(f.registrar(), TestConsents.standard(), man, Optional.empty());
        f.core.households().enrol(f.registrar(), TestConsents.standard(), new HouseholdEnrolment(
                CoreFixture.rapid("Head", CoreFixture.DISTRICT),
                List.of(new NewHouseholdMember(CoreFixture.rapid("Spouse", CoreFixture.DISTRICT), Relationship.SPOUSE),
                        new NewHouseholdMember(CoreFixture.rapid("Grandchild", CoreFixture.DISTRICT), Relationship.GRANDCHILD),
                        new NewHouseholdMember(CoreFixture.rapid("Lodger", CoreFixture.DISTRICT), Relationship.NON_RELATIVE))),
                Optional.empty());

        for (Column column : CODED) {
            assertThat(f.jdbc.sql("SELECT count(DISTINCT octet_length(" + column.column() + ")) FROM individual_version")
                    .query(Long.class).single()).as(column.column()).isEqualTo(1L);
        }
        assertThat(f.jdbc.sql("SELECT count(DISTINCT octet_length(relationship)) FROM household_member")
                .query(Long.class).single()).isEqualTo(1L);
        assertThat(f.jdbc.sql("SELECT count(*) FROM household_member").query(Long.class).single()).isEqualTo(4L);
    }
}
