package org.safereg.registration.sharing;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.safereg.keys.SubjectId;
import org.safereg.privacy.PersonalField;
import org.safereg.registration.model.HouseholdId;
import org.safereg.registration.model.Individual;
import org.safereg.registration.model.IndividualDetails;

/**
 * One subject's data as sent to the recipient: the person id and only the transferred fields that hold a value.
 * Values are the model types: {@code REGISTRATION_METHOD} a {@link org.safereg.registration.model.RegistrationMethod},
 * {@code NAMES} {@link org.safereg.registration.model.Names}, {@code SEX} a {@link org.safereg.registration.model.Sex},
 * {@code BIRTH} a {@link org.safereg.registration.model.Birth}, {@code NATIONALITIES} a list of codes,
 * {@code DOCUMENTS} a list of {@link org.safereg.registration.model.IdentityDocument}, {@code POPULATION_CATEGORY},
 * {@code LOCATION} a {@link org.safereg.registration.model.LocationRef}, {@code SPECIFIC_NEEDS} a set of
 * {@link org.safereg.registration.model.SpecificNeed}, {@code CONTACT} a {@link org.safereg.registration.model.Contact},
 * {@code HOUSEHOLD} a {@link Household}.
 */
public record TransferredSubject(SubjectId id, Map<PersonalField, Object> values) {
    public TransferredSubject {
        Objects.requireNonNull(id, "id");
        Map<PersonalField, Object> copy = new EnumMap<>(PersonalField.class);
        copy.putAll(values);
        values = Collections.unmodifiableMap(copy);
    }

    /** Household membership as transferred: the household's id and its number of active members. */
    public record Household(HouseholdId id, int size) {
    }

    /** The {@code fields} of {@code individual} that hold a value (household size given by the caller). */
    static TransferredSubject project(Individual individual, int householdSize, Set<PersonalField> fields) {
        IndividualDetails d = individual.details();
        Map<PersonalField, Object> values = new EnumMap<>(PersonalField.class);
        for (PersonalField field : fields) {
            Optional<?> value = switch (field) {
                case REGISTRATION_METHOD -> Optional.of(d.registrationMethod());
                case NAMES -> Optional.of(d.names());
                case SEX -> d.sex();
                case BIRTH -> d.birth();
                case NATIONALITIES -> Optional.of(d.nationalities()).filter(l -> !l.isEmpty());
                case DOCUMENTS -> Optional.of(d.documents()).filter(l -> !l.isEmpty());
                case POPULATION_CATEGORY -> d.populationCategory();
                case LOCATION -> d.location();
                case SPECIFIC_NEEDS -> Optional.of(d.specificNeeds()).filter(s -> !s.isEmpty());
                case CONTACT -> d.contact();
                case HOUSEHOLD -> individual.household().map(h -> new Household(h, householdSize));
                case CHANGE_HISTORY, BIOMETRICS, CASE_NOTES -> throw new IllegalArgumentException(
                        field + " is not transferable");
            };
            value.ifPresent(v -> values.put(field, v));
        }
        return new TransferredSubject(individual.id(), values);
    }
}
