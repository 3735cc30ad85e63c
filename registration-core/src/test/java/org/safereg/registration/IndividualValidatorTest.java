package org.safereg.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.safereg.registration.model.Birth;
import org.safereg.registration.model.Contact;
import org.safereg.registration.model.DocumentType;
import org.safereg.registration.model.IdentityDocument;
import org.safereg.registration.model.IndividualDetails;
import org.safereg.registration.model.IndividualValidator;
import org.safereg.registration.model.LocationRef;
import org.safereg.registration.model.Names;
import org.safereg.registration.model.PopulationCategory;
import org.safereg.registration.model.RegistrationMethod;
import org.safereg.registration.model.Sex;

/** Field validation and normalisation rules (no database). */
class IndividualValidatorTest {
    static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

    private static List<String> paths(IndividualDetails d) {
        return IndividualValidator.validate(d, TODAY, "").stream().map(FieldError::path).toList();
    }

    private static IndividualDetails.Builder rapid(Names names) {
        return IndividualDetails.builder(RegistrationMethod.RAPID_EMERGENCY, names)
                .populationCategory(PopulationCategory.IDP).location(LocationRef.of("SO1101"));
    }

    @Test
    void anyScriptIsAcceptedButControlCharactersAreNot() {
        assertThat(paths(rapid(Names.of("\u0622\u0645\u0646\u0629", "\u674e")).build())).isEmpty();
        assertThat(paths(rapid(Names.of("\u12a0\u1260\u1260", "O'Brien-Łukasz")).build())).isEmpty();
        assertThat(paths(rapid(Names.of("Tab\there", "Nul\u0000")).build()))
                .containsExactly("names.givenName", "names.familyName");
        assertThat(paths(rapid(Names.of("lone \ud800 surrogate", null)).build())).containsExactly("names.givenName");
    }

    private static List<String> messages(String givenName) {
        return IndividualValidator.validate(rapid(Names.of(givenName, "B")).build(), TODAY, "").stream()
                .map(FieldError::message).toList();
    }

    @Test
    void invisibleFormatCharactersUnassignedCodePointsAndLoneSurrogatesEachHaveTheirOwnMessage() {
        String format = "must not contain invisible formatting characters (such as bidirectional overrides or zero-width spaces)";
        for (String bidiOrZeroWidth : List.of("\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067",
                "\u2068", "\u2069", "\u200b", "\u200e", "\u200f", "\ufeff", "\u2060")) {
            assertThat(messages("Ahmed" + bidiOrZeroWidth + "deM")).as("U+%04X", (int) bidiOrZeroWidth.charAt(0))
                    .containsExactly(format);
        }
        String unassigned = "must not contain unassigned code points or noncharacters";
        assertThat(messages("A\u0378")).containsExactly(unassigned);
        assertThat(messages("A\uffff")).containsExactly(unassigned);
        assertThat(messages("A" + Character.toString(0x2FFFE))).containsExactly(unassigned);
        String surrogate = "must not contain unpaired surrogates (malformed text)";
        assertThat(messages("A\ud83d")).containsExactly(surrogate);
        assertThat(messages("\ude00A")).containsExactly(surrogate);
        assertThat(messages("A\u0007")).containsExactly("must not contain control characters");
        assertThat(messages("Emoji \ud83d\ude00 pair")).isEmpty();
    }

    @Test
    void joinersNeededByIndicAndPersianSpellingAreAccepted() {
        assertThat(messages("\u0645\u06cc\u200c\u0646\u0627")).isEmpty();
        assertThat(messages("\u0d15\u0d4d\u200d\u0d37")).isEmpty();
        assertThat(messages("\u0915\u094d\u200d\u0937")).isEmpty();
    }

    @Test
    void rapidNeedsFewFieldsFullNeedsMore() {
        IndividualDetails minimal = IndividualDetails.builder(RegistrationMethod.RAPID_EMERGENCY, Names.of(null, "Only")).build();
        assertThat(paths(minimal)).containsExactlyInAnyOrder("populationCategory", "location");
        IndividualDetails full = IndividualDetails.builder(RegistrationMethod.BIOMETRIC, Names.of(null, "Only"))
                .populationCategory(PopulationCategory.IDP).location(LocationRef.of("SO1101")).build();
        assertThat(paths(full)).containsExactlyInAnyOrder("names.givenName", "sex", "birth", "nationalities");
        assertThat(paths(IndividualDetails.builder(RegistrationMethod.RAPID_EMERGENCY, Names.of(" ", null)).build()))
                .contains("names.givenName");
    }

    @Test
    void birthRules() {
        assertThat(paths(rapid(Names.of("A", "B")).birth(Birth.estimatedAge(131, TODAY)).build())).containsExactly("birth.estimatedAge");
        assertThat(paths(rapid(Names.of("A", "B")).birth(Birth.estimatedAge(-1, TODAY)).build())).containsExactly("birth.estimatedAge");
        assertThat(paths(rapid(Names.of("A", "B")).birth(Birth.estimatedAge(130, TODAY)).build())).isEmpty();
        assertThat(paths(rapid(Names.of("A", "B")).birth(Birth.on(TODAY.plusDays(1))).build())).containsExactly("birth.dateOfBirth");
        assertThat(paths(rapid(Names.of("A", "B")).birth(Birth.on(TODAY)).build())).isEmpty();
        assertThat(paths(rapid(Names.of("A", "B")).birth(new Birth(Optional.of(TODAY), Optional.of(3), Optional.empty())).build()))
                .containsExactly("birth");
        assertThat(paths(rapid(Names.of("A", "B")).birth(new Birth(Optional.empty(), Optional.empty(), Optional.empty())).build()))
                .containsExactly("birth");
    }

    @Test
    void codesDocumentsAndContact() {
        IndividualDetails d = rapid(Names.of("A", "B"))
                .nationalities("XXA", "SOM", "SOM", "ZZZ")
                .documents(IdentityDocument.of(DocumentType.PASSPORT, "--..--", "XXB"),
                        IdentityDocument.of(DocumentType.OTHER, "AB 12/34", "UNHCR"))
                .contact(new Contact(Optional.of("call me maybe"), Optional.of("no-at-sign"), Optional.of("Line 1\nLine 2")))
                .build();
        assertThat(paths(d)).containsExactlyInAnyOrder("nationalities[2]", "nationalities[3]", "documents[0].number",
                "documents[1].issuingCountry", "contact.phone", "contact.email");
    }

    @Test
    void normalisation() {
        assertThat(IndividualValidator.normaliseName("  Núñez,   MARÍA-José ")).isEqualTo("jose maria nunez");
        assertThat(Names.of("María José", "Núñez").normalisedFullName()).isEqualTo("jose maria nunez");
        assertThat(IndividualValidator.normaliseName("Straße Øster")).isEqualTo("oster strasse");
        assertThat(IdentityDocument.normaliseNumber(" ab-12.34 / 5 ")).isEqualTo("AB12345");
    }

    private static String norm(String name) {
        return IndividualValidator.normaliseName(name);
    }

    @Test
    void accentsAreIgnoredOnLatinGreekAndCyrillicLetters() {
        assertThat(norm("José")).isEqualTo(norm("Jose"));
        assertThat(norm("José")).isEqualTo(norm("Jose\u0301"));
        assertThat(norm("Nguyễn Thị")).isEqualTo("nguyen thi");
        assertThat(norm("Ελένη")).isEqualTo(norm("ΕΛΕΝΗ"));
        assertThat(norm("Фёдор")).isEqualTo(norm("ФЕДОР"));
        assertThat(norm("İlkay")).isEqualTo("ilkay");
    }

    @Test
    void indicNamesDifferingOnlyByAVowelSignOrViramaStayDistinct() {
        assertThat(norm("राम")).isNotEqualTo(norm("रम"));
        assertThat(norm("सीता")).isNotEqualTo(norm("सिता"));
        assertThat(norm("गीता")).isNotEqualTo(norm("गिता"));
        assertThat(norm("कृष्ण")).isNotEqualTo(norm("कष्ण"));
        assertThat(norm("கீதா")).isNotEqualTo(norm("கிதா"));
        assertThat(norm("রমা")).isNotEqualTo(norm("রম"));
        assertThat(norm("राम कुमार")).isEqualTo(norm("कुमार  राम")).isEqualTo("कुमार राम");
        // precomposed and decomposed forms of the same letter meet
        assertThat(norm("\u0958\u093e\u0928")).isEqualTo(norm("\u0915\u093c\u093e\u0928"));
    }

    @Test
    void arabicScriptKeepsHamzaAndMaddaButNotOptionalVowelMarks() {
        assertThat(norm("مُحَمَّد")).isEqualTo(norm("محمد"));
        assertThat(norm("أمل")).isNotEqualTo(norm("امل"));
        assertThat(norm("آمنة")).isNotEqualTo(norm("امنة"));
        assertThat(norm("مؤمن")).isNotEqualTo(norm("مومن"));
        assertThat(norm("\u0645\u06cc\u200c\u0646\u0627")).isEqualTo(norm("\u0645\u06cc\u0646\u0627"));
    }

    @Test
    void equalDetailsAreEqualWhateverTheOrderOfSpecificNeeds() {
        var a = rapid(Names.of("A", "B")).specificNeeds(org.safereg.registration.model.SpecificNeed.DISABILITY,
                org.safereg.registration.model.SpecificNeed.SINGLE_PARENT).sex(Sex.MALE).build();
        var b = rapid(Names.of("A", "B")).specificNeeds(org.safereg.registration.model.SpecificNeed.SINGLE_PARENT,
                org.safereg.registration.model.SpecificNeed.DISABILITY).sex(Sex.MALE).build();
        assertThat(a).isEqualTo(b);
        assertThat(org.safereg.registration.storage.JsonCodec.encodeToString(a))
                .isEqualTo(org.safereg.registration.storage.JsonCodec.encodeToString(b));
    }
}
