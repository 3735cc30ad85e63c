package org.safereg.registration;

import org.safereg.registration.testing.TestConsents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.safereg.keys.SubjectId;
import org.safereg.registration.individuals.IndividualService;
import org.safereg.registration.model.DocumentQuery;
import org.safereg.registration.model.DocumentType;
import org.safereg.registration.model.Individual;
import org.safereg.registration.model.IndividualDetails;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchAndListTest {
    @TempDir
    static Path keys;
    CoreFixture f;
    IndividualService individuals;
    SubjectId maria;
    SubjectId mariaNamesake;
    SubjectId josef;

    @AfterAll
    void closeFixture() {
        f.close();
    }

    @BeforeAll
    void setUp() {
        f = new CoreFixture(keys);
        individuals = f.core.individuals();
        maria = individuals.enrol(f.registrar(), TestConsents.standard(),
                CoreFixture.person("María José", "Núñez", LocalDate.of(1979, 11, 30), "AB-123.456", "+1 555 0100"),
                Optional.empty()).id();
        mariaNamesake = individuals.enrol(f.registrar(), TestConsents.standard(),
                CoreFixture.person("Maria Jose", "Nunez", LocalDate.of(1980, 1, 1), "ZX999", "+1 555 0101"),
                Optional.empty()).id();
        josef = individuals.enrol(f.registrar(), TestConsents.standard(),
                CoreFixture.person("Józef", "Wiśniewski-Łukasz", LocalDate.of(1964, 2, 29), "PL 000 111", "+48 555 0102"),
                Optional.empty()).id();
    }

    @Test
    void documentSearchIgnoresCaseSpacesDashesAndDots() {
        assertThat(ids(individuals.searchByDocument(f.registrar(), DocumentQuery.number("ab123456")))).containsExactly(maria);
        assertThat(ids(individuals.searchByDocument(f.registrar(), DocumentQuery.number(" AB 123-456 ")))).containsExactly(maria);
        assertThat(ids(individuals.searchByDocument(f.registrar(), DocumentQuery.number("pl000111")))).containsExactly(josef);
    }

    @Test
    void documentSearchNarrowedByTypeOrIssuerRechecksAfterDecryption() {
        assertThat(individuals.searchByDocument(f.registrar(),
                new DocumentQuery("AB123456", Optional.of(DocumentType.NATIONAL_ID), Optional.empty()))).isEmpty();
        assertThat(individuals.searchByDocument(f.registrar(),
                new DocumentQuery("AB123456", Optional.of(DocumentType.PASSPORT), Optional.of("KEN")))).isEmpty();
        assertThat(ids(individuals.searchByDocument(f.registrar(),
                new DocumentQuery("AB123456", Optional.of(DocumentType.PASSPORT), Optional.of("SOM"))))).containsExactly(maria);
    }

    @Test
    void nameSearchIgnoresDiacriticsCaseAndNameOrderButNeedsTheExactDate() {
        LocalDate dob = LocalDate.of(1979, 11, 30);
        assertThat(ids(individuals.searchByNameAndBirthDate(f.registrar(), "maria jose nunez", dob))).containsExactly(maria);
        assertThat(ids(individuals.searchByNameAndBirthDate(f.registrar(), "NÚÑEZ, María-José", dob))).containsExactly(maria);
        assertThat(ids(individuals.searchByNameAndBirthDate(f.registrar(), "Nunez Jose  Maria", dob))).containsExactly(maria);
        assertThat(individuals.searchByNameAndBirthDate(f.registrar(), "Maria Nunez", dob)).isEmpty();
        assertThat(individuals.searchByNameAndBirthDate(f.registrar(), "Maria Jose Nunez", dob.plusDays(1))).isEmpty();
        assertThat(ids(individuals.searchByNameAndBirthDate(f.registrar(), "lukasz wisniewski jozef",
                LocalDate.of(1964, 2, 29)))).containsExactly(josef);
    }

    @Test
    void searchesAreAuditedPerResultAndNoResultIsAuditedAsNotFound() {
        long before = f.auditCount();
        individuals.searchByDocument(f.registrar(), DocumentQuery.number("AB123456"));
        individuals.searchByDocument(f.registrar(), DocumentQuery.number("NOSUCHDOC"));
        assertThat(f.auditAfter(before)).containsExactly("SEARCH/SUCCESS", "SEARCH/NOT_FOUND");
    }

    @Test
    void listByLocationCoversTheUnitAndEverythingBelowItPaged() {
        String pcode = CoreFixture.OTHER_DISTRICT;
        List<SubjectId> enrolled = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            enrolled.add(individuals.enrol(f.registrar(), TestConsents.standard(), CoreFixture.rapid("Listed" + i, pcode), Optional.empty()).id());
        }
        Set<SubjectId> seen = new HashSet<>();
        List<SubjectId> order = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            Page<Individual> p = individuals.listByLocation(f.registrar(), pcode, new PageRequest(page, 3));
            assertThat(p.total()).isEqualTo(7);
            assertThat(p.items()).hasSize(page < 2 ? 3 : 1);
            assertThat(p.hasNext()).isEqualTo(page < 2);
            p.items().forEach(i -> {
                seen.add(i.id());
                order.add(i.id());
            });
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(enrolled);
        assertThat(order).isSortedAccordingTo((a, b) -> a.toString().compareTo(b.toString()));

        Page<Individual> region = individuals.listByLocation(f.registrar(), CoreFixture.REGION, new PageRequest(0, 100));
        assertThat(ids(region.items())).containsAll(enrolled).contains(maria, mariaNamesake, josef);
        assertThat(individuals.listByLocation(f.registrar(), CoreFixture.OTHER_REGION, new PageRequest(0, 10)).total()).isZero();
    }

    @Test
    void listByUnknownLocationIsAReferenceError() {
        assertThatThrownBy(() -> individuals.listByLocation(f.registrar(), "SO7777", new PageRequest(0, 10)))
                .isInstanceOf(UnknownReferenceException.class);
    }

    @Test
    void updateRefreshesTheIndexesToTheCurrentVersion() {
        SubjectId id = individuals.enrol(f.registrar(), TestConsents.standard(),
                CoreFixture.person("Idil", "Hassan", LocalDate.of(1999, 9, 9), "OLD-1", "+252 61 555 0110"),
                Optional.empty()).id();
        IndividualDetails moved = CoreFixture.person("Idil", "Hassan", LocalDate.of(1999, 9, 9), "NEW-2", "+252 61 555 0110");
        individuals.update(f.registrar(), id, 1, moved, "new passport");

        assertThat(individuals.searchByDocument(f.registrar(), DocumentQuery.number("OLD1"))).isEmpty();
        assertThat(ids(individuals.searchByDocument(f.registrar(), DocumentQuery.number("NEW2")))).containsExactly(id);
    }

    private static List<SubjectId> ids(List<Individual> found) {
        return found.stream().map(Individual::id).toList();
    }
}
