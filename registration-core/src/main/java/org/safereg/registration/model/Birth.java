package org.safereg.registration.model;

import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;

/**
 * Date of birth, or an estimated age when the date is unknown. Exactly one of {@code dateOfBirth} and
 * {@code estimatedAge} is present; {@code estimatedAgeOn} is the date the age was estimated (the service
 * fills in the registration date when it is absent).
 */
public record Birth(Optional<LocalDate> dateOfBirth, Optional<Integer> estimatedAge, Optional<LocalDate> estimatedAgeOn) {
    public Birth {
        dateOfBirth = Models.orEmpty(dateOfBirth);
        estimatedAge = Models.orEmpty(estimatedAge);
        estimatedAgeOn = Models.orEmpty(estimatedAgeOn);
    }

    public static Birth on(LocalDate dateOfBirth) {
        return new Birth(Optional.of(dateOfBirth), Optional.empty(), Optional.empty());
    }

    public static Birth estimatedAge(int years, LocalDate estimatedOn) {
        return new Birth(Optional.empty(), Optional.of(years), Optional.of(estimatedOn));
    }

    /** Age in whole years on {@code day} (from the date of birth, or the estimate plus the time since). */
    public Optional<Integer> ageOn(LocalDate day) {
        if (dateOfBirth.isPresent()) {
            return Optional.of(Math.max(0, Period.between(dateOfBirth.get(), day).getYears()));
        }
        if (estimatedAge.isPresent()) {
            int since = estimatedAgeOn.map(on -> Period.between(on, day).getYears()).orElse(0);
            return Optional.of(Math.max(0, estimatedAge.get() + since));
        }
        return Optional.empty();
    }
}
