package org.safereg.registration.model;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.safereg.privacy.PersonalField;

/**
 * Everything recorded about an individual (the personal data of one version). Immutable; collections are copied
 * ({@code specificNeeds} in enum order, so equal details serialise identically). Structural only: field values
 * are checked by {@link IndividualValidator}, which the services run on every write.
 *
 * @param nationalities ISO 3166-1 alpha-3 codes, or XXA (stateless), XXB (refugee), XXC (refugee, other),
 *                      XXX (unspecified)
 */
public record IndividualDetails(
        RegistrationMethod registrationMethod,
        Names names,
        Optional<Sex> sex,
        Optional<Birth> birth,
        List<String> nationalities,
        List<IdentityDocument> documents,
        Optional<PopulationCategory> populationCategory,
        Optional<LocationRef> location,
        Set<SpecificNeed> specificNeeds,
        Optional<Contact> contact) {

    public IndividualDetails {
        Objects.requireNonNull(registrationMethod, "registrationMethod");
        Objects.requireNonNull(names, "names");
        sex = Models.orEmpty(sex);
        birth = Models.orEmpty(birth);
        nationalities = nationalities == null ? List.of() : List.copyOf(nationalities);
        documents = documents == null ? List.of() : List.copyOf(documents);
        populationCategory = Models.orEmpty(populationCategory);
        location = Models.orEmpty(location);
        specificNeeds = specificNeeds == null || specificNeeds.isEmpty()
                ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(specificNeeds));
        contact = Models.orEmpty(contact);
    }

    /**
     * These details with an estimated age that lacks its date taken as estimated on {@code day} (the services
     * store estimated ages with the registration date).
     */
    public IndividualDetails withEstimatedAgeDatedOn(LocalDate day) {
        return birth.filter(b -> b.estimatedAge().isPresent() && b.estimatedAgeOn().isEmpty())
                .map(b -> new IndividualDetails(registrationMethod, names, sex,
                        Optional.of(new Birth(b.dateOfBirth(), b.estimatedAge(), Optional.of(day))),
                        nationalities, documents, populationCategory, location, specificNeeds, contact))
                .orElse(this);
    }

    /**
     * These details with every value of a field outside {@code fields} absent (empty optional or list). The
     * registration method and names are always kept (a record has them): whoever renders the details must omit
     * them unless {@code fields} has REGISTRATION_METHOD and NAMES.
     */
    public IndividualDetails projectedTo(Set<PersonalField> fields) {
        return new IndividualDetails(registrationMethod, names,
                fields.contains(PersonalField.SEX) ? sex : Optional.empty(),
                fields.contains(PersonalField.BIRTH) ? birth : Optional.empty(),
                fields.contains(PersonalField.NATIONALITIES) ? nationalities : List.of(),
                fields.contains(PersonalField.DOCUMENTS) ? documents : List.of(),
                fields.contains(PersonalField.POPULATION_CATEGORY) ? populationCategory : Optional.empty(),
                fields.contains(PersonalField.LOCATION) ? location : Optional.empty(),
                fields.contains(PersonalField.SPECIFIC_NEEDS) ? specificNeeds : Set.of(),
                fields.contains(PersonalField.CONTACT) ? contact : Optional.empty());
    }

    /**
     * These details with the values of the fields in {@code fields} taken from {@code given} and every other
     * value kept (the update of a caller who sees only {@code fields}: what it cannot see it cannot change).
     */
    public IndividualDetails withFieldsFrom(IndividualDetails given, Set<PersonalField> fields) {
        return new IndividualDetails(
                fields.contains(PersonalField.REGISTRATION_METHOD) ? given.registrationMethod : registrationMethod,
                fields.contains(PersonalField.NAMES) ? given.names : names,
                fields.contains(PersonalField.SEX) ? given.sex : sex,
                fields.contains(PersonalField.BIRTH) ? given.birth : birth,
                fields.contains(PersonalField.NATIONALITIES) ? given.nationalities : nationalities,
                fields.contains(PersonalField.DOCUMENTS) ? given.documents : documents,
                fields.contains(PersonalField.POPULATION_CATEGORY) ? given.populationCategory : populationCategory,
                fields.contains(PersonalField.LOCATION) ? given.location : location,
                fields.contains(PersonalField.SPECIFIC_NEEDS) ? given.specificNeeds : specificNeeds,
                fields.contains(PersonalField.CONTACT) ? given.contact : contact);
    }

    /** A builder, convenient for tests and mapping code. */
    public static Builder builder(RegistrationMethod method, Names names) {
        return new Builder(method, names);
    }

    /** Mutable builder of {@link IndividualDetails}; not thread-safe. */
    public static final class Builder {
        private final RegistrationMethod method;
        private final Names names;
        private Sex sex;
        private Birth birth;
        private List<String> nationalities = List.of();
        private List<IdentityDocument> documents = List.of();
        private PopulationCategory populationCategory;
        private LocationRef location;
        private Set<SpecificNeed> specificNeeds = Set.of();
        private Contact contact;

        private Builder(RegistrationMethod method, Names names) {
            this.method = method;
            this.names = names;
        }

        public Builder sex(Sex value) { this.sex = value; return this; }
        public Builder birth(Birth value) { this.birth = value; return this; }
        public Builder nationalities(String... values) { this.nationalities = List.of(values); return this; }
        public Builder documents(IdentityDocument... values) { this.documents = List.of(values); return this; }
        public Builder populationCategory(PopulationCategory value) { this.populationCategory = value; return this; }
        public Builder location(LocationRef value) { this.location = value; return this; }
        public Builder specificNeeds(SpecificNeed... values) { this.specificNeeds = Set.of(values); return this; }
        public Builder contact(Contact value) { this.contact = value; return this; }

        public IndividualDetails build() {
            return new IndividualDetails(method, names, Optional.ofNullable(sex), Optional.ofNullable(birth),
                    nationalities, documents, Optional.ofNullable(populationCategory), Optional.ofNullable(location),
                    specificNeeds, Optional.ofNullable(contact));
        }
    }
}
