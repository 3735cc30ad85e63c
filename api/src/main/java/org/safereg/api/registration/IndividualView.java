package org.safereg.api.registration;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.safereg.privacy.PersonalField;
import org.safereg.registration.model.Birth;
import org.safereg.registration.model.Contact;
import org.safereg.registration.model.IdentityDocument;
import org.safereg.registration.model.Individual;
import org.safereg.registration.model.IndividualDetails;
import org.safereg.registration.model.IndividualVersion;
import org.safereg.registration.model.LocationRef;
import org.safereg.registration.model.Names;
import org.safereg.registration.model.PopulationCategory;
import org.safereg.registration.model.RegistrationMethod;
import org.safereg.registration.model.Sex;
import org.safereg.registration.model.SpecificNeed;
import org.safereg.registration.model.VersionInfo;

/**
 * An individual as the API returns it: identifier, current version (pass {@code version} as
 * {@code expectedVersion} when updating), active household, and the decrypted details, all projected to the
 * fields the request's purpose may see ({@link Individual#visible()}, set by the core's permit): a field outside
 * them is omitted, never sent as null. The only way to build a view is from a core {@link Individual} or
 * {@link IndividualVersion}, which always carries its visible fields, so no route can forget the projection.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IndividualView(UUID id, Instant registeredAt, int version, VersionView current, UUID household,
                             DetailsView details) {

    /** Who made a version (with CHANGE_HISTORY), when, and why (no reason for the first version). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record VersionView(int version, String changedBy, Instant changedAt, String reason) {
        static VersionView of(VersionInfo info, Set<PersonalField> visible) {
            boolean history = visible.contains(PersonalField.CHANGE_HISTORY);
            return new VersionView(info.version(), history ? info.changedBy() : null, info.changedAt(),
                    history ? info.reason().orElse(null) : null);
        }
    }

    /** The details, each field present only if visible (absent values are omitted too). */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    public record DetailsView(RegistrationMethod registrationMethod, Names names, Sex sex, Birth birth,
                              List<String> nationalities, List<IdentityDocument> documents,
                              PopulationCategory populationCategory, LocationRef location,
                              Set<SpecificNeed> specificNeeds, Contact contact) {
        static DetailsView of(IndividualDetails d, Set<PersonalField> visible) {
            return new DetailsView(
                    visible.contains(PersonalField.REGISTRATION_METHOD) ? d.registrationMethod() : null,
                    visible.contains(PersonalField.NAMES) ? d.names() : null,
                    visible.contains(PersonalField.SEX) ? d.sex().orElse(null) : null,
                    visible.contains(PersonalField.BIRTH) ? d.birth().orElse(null) : null,
                    visible.contains(PersonalField.NATIONALITIES) ? d.nationalities() : null,
                    visible.contains(PersonalField.DOCUMENTS) ? d.documents() : null,
                    visible.contains(PersonalField.POPULATION_CATEGORY) ? d.populationCategory().orElse(null) : null,
                    visible.contains(PersonalField.LOCATION) ? d.location().orElse(null) : null,
                    visible.contains(PersonalField.SPECIFIC_NEEDS) ? d.specificNeeds() : null,
                    visible.contains(PersonalField.CONTACT) ? d.contact().orElse(null) : null);
        }
    }

    /** One entry of the history: version metadata and the details as they were. */
    public record HistoryEntry(VersionView version, DetailsView details) {
        static HistoryEntry of(IndividualVersion v) {
            return new HistoryEntry(VersionView.of(v.info(), v.visible()), DetailsView.of(v.details(), v.visible()));
        }
    }

    static IndividualView of(Individual i) {
        return new IndividualView(i.id().value(), i.registeredAt(), i.version(), VersionView.of(i.current(), i.visible()),
                i.visible().contains(PersonalField.HOUSEHOLD) ? i.household().map(h -> h.value()).orElse(null) : null,
                DetailsView.of(i.details(), i.visible()));
    }
}
