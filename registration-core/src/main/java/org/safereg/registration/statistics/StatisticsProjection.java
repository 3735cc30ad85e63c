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
import org.safereg.registration.model.IndividualDetails;
import org.safereg.registration.model.SiteType;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The statistical projection (internal): one row of coarse dimensions per active individual, keyed by the
 * individual's STATISTICS-domain pseudonym, with no subject id and no timestamp finer than the registration
 * month, for aggregate release later. Kept current on enrolment, update, household change and erasure, in the
 * caller's transaction. Thread-safe.
 */
public final class StatisticsProjection {
    private final JdbcClient jdbc;
    private final Pseudonymizer pseudonyms;

    public StatisticsProjection(JdbcClient jdbc, Pseudonymizer pseudonyms) {
        this.jdbc = jdbc;
        this.pseudonyms = pseudonyms;
    }

    /** Age bands of humanitarian planning figures. */
    static String ageBand(int age) {
        if (age < 5) {
            return "0-4";
        } else if (age < 12) {
            return "5-11";
        } else if (age < 18) {
            return "12-17";
        } else if (age < 60) {
            return "18-59";
        }
        return "60+";
    }

    /** Writes (or rewrites) the individual's row. */
    public void write(SubjectId subject, IndividualDetails details, ResolvedLocation location, Instant registeredAt,
                      int householdSize, LocalDate today) {
        String month = YearMonth.from(registeredAt.atZone(ZoneOffset.UTC)).toString();
        Optional<String> ageBand = details.birth().flatMap(b -> b.ageOn(today)).map(StatisticsProjection::ageBand);
        String[] needs = details.specificNeeds().stream().map(Enum::name).toArray(String[]::new);
        jdbc.sql("""
                        INSERT INTO stat_projection (pseudonym, admin0_pcode, admin1_pcode, admin2_pcode, site_type,
                            population_category, sex, age_band, nationality, registration_month, household_size,
                            specific_needs)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (pseudonym) DO UPDATE SET admin0_pcode = EXCLUDED.admin0_pcode,
                            admin1_pcode = EXCLUDED.admin1_pcode, admin2_pcode = EXCLUDED.admin2_pcode,
                            site_type = EXCLUDED.site_type, population_category = EXCLUDED.population_category,
                            sex = EXCLUDED.sex, age_band = EXCLUDED.age_band, nationality = EXCLUDED.nationality,
                            household_size = EXCLUDED.household_size, specific_needs = EXCLUDED.specific_needs""")
                .params(key(subject),
                        location.pcodeAtLevel(0).orElse(null),
                        location.pcodeAtLevel(1).orElse(null),
                        location.pcodeAtLevel(2).orElse(null),
                        location.site().map(s -> s.type()).map(SiteType::name).orElse(null),
                        details.populationCategory().map(Enum::name).orElse(null),
                        details.sex().map(Enum::name).orElse(null),
                        ageBand.orElse(null),
                        details.nationalities().isEmpty() ? null : details.nationalities().get(0),
                        month,
                        householdSize,
                        needs)
                .update();
    }

    /** Sets the household size on the individual's row (if it has one). */
    public void setHouseholdSize(SubjectId subject, int householdSize) {
        jdbc.sql("UPDATE stat_projection SET household_size = ? WHERE pseudonym = ?")
                .params(householdSize, key(subject))
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
