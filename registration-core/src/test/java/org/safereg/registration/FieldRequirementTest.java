package org.safereg.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.safereg.registration.testing.TestConsents.answer;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.safereg.keys.DataCategory;
import org.safereg.keys.SubjectId;
import org.safereg.privacy.Action;
import org.safereg.privacy.DenialReason;
import org.safereg.privacy.LegalBasis;
import org.safereg.privacy.PersonalField;
import org.safereg.privacy.PurposeCatalogue;
import org.safereg.privacy.PurposeCode;
import org.safereg.privacy.PurposeDefinition;
import org.safereg.privacy.PurposePolicy;
import org.safereg.privacy.Role;
import org.safereg.privacy.consent.ConsentStatus;
import org.safereg.privacy.consent.PurposeConsent;
import org.safereg.registration.testing.TestConsents;

/**
 * A configuration can add an action to any purpose; the services whose result is made of one field still refuse a
 * purpose that does not see it. Here PROT.FAMILY_TRACING is configured with the case-note actions (but not the
 * CASE_NOTES field) and SUBJECT_REQUEST without CASE_NOTES: case notes stay unreadable and unwritable under
 * tracing, and the (complete or nothing) subject export is refused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FieldRequirementTest {
    @TempDir
    static Path keys;
    CoreFixture f;

    @BeforeAll
    void setUp() {
        PurposeCatalogue defaults = PurposeCatalogue.defaults();
        PurposeDefinition tracing = definition(defaults, "PROT.FAMILY_TRACING");
        Set<Action> tracingActions = EnumSet.copyOf(tracing.actions());
        tracingActions.add(Action.CASE_NOTE_READ);
        tracingActions.add(Action.CASE_NOTE_WRITE);
        PurposeDefinition subjectRequest = definition(defaults, "SUBJECT_REQUEST");
        Set<PersonalField> withoutNotes = EnumSet.copyOf(subjectRequest.fields());
        withoutNotes.remove(PersonalField.CASE_NOTES);
        PurposeCatalogue configured = defaults.with(tracing.withActions(tracingActions))
                .with(new PurposeDefinition(subjectRequest.code(), subjectRequest.roles(), subjectRequest.actions(),
                        withoutNotes, subjectRequest.bases(), subjectRequest.requiresSubjectBasis(),
                        subjectRequest.breakGlassAllowed(), subjectRequest.retention()));
        f = new CoreFixture(keys, new PurposePolicy(configured, Clock.systemUTC()));
    }

    @AfterAll
    void closeFixture() {
        f.close();
    }

    @Test
    void caseNotesNeedTheCaseNotesFieldWhateverActionsThePurposeCovers() {
        SubjectId id = f.core.individuals().enrol(f.registrar(), TestConsents.only(
                        answer("REG.ENROL", LegalBasis.CONSENT, ConsentStatus.GIVEN),
                        new PurposeConsent(PurposeCode.of("PROT.FAMILY_TRACING"), LegalBasis.CONSENT,
                                Set.of(DataCategory.DEMOGRAPHIC, DataCategory.CASE_NOTES), Set.of(), Optional.empty(),
                                ConsentStatus.GIVEN),
                        new PurposeConsent(PurposeCode.of("PROT.CASE_NOTES"), LegalBasis.CONSENT,
                                Set.of(DataCategory.DEMOGRAPHIC, DataCategory.CASE_NOTES), Set.of(), Optional.empty(),
                                ConsentStatus.GIVEN)),
                CoreFixture.person("Idil", "Notes", LocalDate.of(1992, 2, 3), "N8000001", "+252 61 555 0901"),
                Optional.empty()).id();
        RequestContext notes = f.context("protection", Role.PROTECTION_OFFICER, "PROT.CASE_NOTES");
        RequestContext tracing = f.context("protection", Role.PROTECTION_OFFICER, "PROT.FAMILY_TRACING");
        f.core.caseNotes().write(notes, id, "disclosed a threat from a relative");
        long before = f.auditCount();

        assertThatThrownBy(() -> f.core.caseNotes().read(tracing, id))
                .isInstanceOfSatisfying(AccessDeniedException.class,
                        e -> assertThat(e.reason()).isEqualTo(DenialReason.ACTION_NOT_COVERED_BY_PURPOSE));
        assertThatThrownBy(() -> f.core.caseNotes().write(tracing, id, "written under the wrong purpose"))
                .isInstanceOfSatisfying(AccessDeniedException.class,
                        e -> assertThat(e.reason()).isEqualTo(DenialReason.ACTION_NOT_COVERED_BY_PURPOSE));

        assertThat(f.auditAfter(before)).containsExactly("CASE_NOTE_READ/DENIED", "CASE_NOTE_WRITE/DENIED");
        assertThat(f.jdbc.sql("SELECT count(*) FROM case_note WHERE individual_id = ?").param(id.value())
                .query(Long.class).single()).isEqualTo(1);
        assertThat(f.core.caseNotes().read(notes, id)).singleElement()
                .satisfies(n -> assertThat(n.text()).isEqualTo("disclosed a threat from a relative"));
    }

    @Test
    void theSubjectExportIsRefusedToAPurposeThatDoesNotSeeEveryField() {
        SubjectId id = f.core.individuals().enrol(f.registrar(), TestConsents.standard(),
                CoreFixture.person("Idil", "Export", LocalDate.of(1992, 2, 3), "N8000002", "+252 61 555 0902"),
                Optional.empty()).id();
        long before = f.auditCount();

        assertThatThrownBy(() -> f.core.subjectRights().export(f.dpo("SUBJECT_REQUEST"), id))
                .isInstanceOfSatisfying(AccessDeniedException.class,
                        e -> assertThat(e.reason()).isEqualTo(DenialReason.ACTION_NOT_COVERED_BY_PURPOSE));
        assertThat(f.auditAfter(before)).containsExactly("SUBJECT_EXPORT/DENIED");
    }

    private static PurposeDefinition definition(PurposeCatalogue catalogue, String code) {
        return catalogue.definition(PurposeCode.of(code)).orElseThrow();
    }
}
