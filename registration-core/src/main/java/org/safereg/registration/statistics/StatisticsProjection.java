package org.safereg.registration.statistics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Optional;
import org.safereg.keys.SubjectId;
import org.safereg.privacy.PseudonymDomain;
import org.safereg.privacy.Pseudonymizer;
import org.safereg.registration.locations.ResolvedLocation;
import org.safereg.registration.model.Birth;
import org.safereg.registration.model.HouseholdId;
import org.safereg.registration.model.IndividualDetails;
import org.safereg.registration.model.SiteType;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The statistical projection (internal): one row of coarse dimensions per active individual, keyed by the
 * individual's STATISTICS-domain pseudonym, with no subject id and no timestamp finer than the registration
 * month, for aggregate release ({@link StatisticsService}). The birth year is kept rather than an age band, so
 * that a release computes ages on its own reference year with the bands configured then. The household appears
 * only as the STATISTICS pseudonym of its id, with the head flag. Kept current on enrolment, update, household
 * change and erasure, in the caller's transaction. Thread-safe.
 */
public final class StatisticsProjection {
    private final JdbcClient jdbc;
    private final Pseudonymizer pseudonyms;

    public StatisticsProjection(JdbcClient jdbc, Pseudonymizer pseudonyms) {
        this.jdbc = jdbc;
        this.pseudonyms = pseudonyms;
    }

    /**
     * The year of birth: from the date of birth, or the estimated age subtracted from the year it was estimated
     * in ({@code today} when the estimate has no date).
     */
    static Optional<Integer> birthYear(Birth birth, LocalDate today) {
        if (birth.dateOfBirth().isPresent()) {
            return Optional.of(birth.dateOfBirth().get().getYear());
        }
        return birth.estimatedAge().map(age -> birth.estimatedAgeOn().orElse(today).getYear() - age);
    }

    /**
     * Writes (or rewrites) the individual's row. The household columns of an existing row are kept (they change
     * with {@link #setHousehold}); a new row is in no household until then.
     */
    public void write(SubjectId subject, IndividualDetails details, ResolvedLocation location, Instant registeredAt,
                      int householdSize, LocalDate today) {
        String month = YearMonth.from(registeredAt.atZone(ZoneOffset.UTC)).toString();
        Optional<Integer> birthYear = details.birth().flatMap(b -> birthYear(b, today));
        String[] needs = details.specificNeeds().stream().map(Enum::name).sorted().toArray(String[]::new);
        jdbc.sql("""
                        INSERT INTO stat_projection (pseudonym, admin0_pcode, admin1_pcode, admin2_pcode, site_type,
                            population_category, sex, birth_year, nationality, registration_month, household_size,
                            specific_needs)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (pseudonym) DO UPDATE SET admin0_pcode = EXCLUDED.admin0_pcode,
                            admin1_pcode = EXCLUDED.admin1_pcode, admin2_pcode = EXCLUDED.admin2_pcode,
                            site_type = EXCLUDED.site_type, population_category = EXCLUDED.population_category,
                            sex = EXCLUDED.sex, birth_year = EXCLUDED.birth_year, nationality = EXCLUDED.nationality,
                            household_size = EXCLUDED.household_size, specific_needs = EXCLUDED.specific_needs""")
                .params(key(subject),
                        location.pcodeAtLevel(0).orElse(null),
                        location.pcodeAtLevel(1).orElse(null),
                        location.pcodeAtLevel(2).orElse(null),
                        location.site().map(s -> s.type()).map(SiteType::name).orElse(null),
                        details.populationCategory().map(Enum::name).orElse(null),
                        details.sex().map(Enum::name).orElse(null),
                        birthYear.orElse(null),
                        details.nationalities().isEmpty() ? null : details.nationalities().get(0),
                        month,
                        householdSize,
                        needs)
                .update();
    }

    /**
     * Sets the individual's household (its pseudonym, whether they head it, its size), or none (a household of
     * one) when {@code household} is empty; a no-op for an individual without a row.
     */
    public void setHousehold(SubjectId subject, Optional<HouseholdId> household, boolean head, int householdSize) {
        jdbc.sql("""
                        UPDATE stat_projection SET household_size = ?, household_pseudonym = ?, household_head = ?
                        WHERE pseudonym = ?""")
                .params(householdSize, household.map(h -> key(new SubjectId(h.value()))).orElse(null),
                        household.isPresent() && head, key(subject))
                .update();
    }

    /** Removes the individual's row (erasure). */
    public int delete(SubjectId subject) {
        return jdbc.sql("DELETE FROM stat_projection WHERE pseudonym = ?").param(key(subject)).update();
    }

    private byte[] key(SubjectId subject) {
        return pseudonyms.of(PseudonymDomain.STATISTICS, subject).value();
    }
}
