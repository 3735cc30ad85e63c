package org.safereg.registration.consent;

import java.time.Clock;
import org.safereg.keys.SubjectId;
import org.safereg.privacy.SubjectBases;
import org.safereg.registration.SubjectErasedException;
import org.safereg.registration.audit.SubjectBasesSource;
import org.safereg.registration.model.RegistrationStatus;
import org.safereg.registration.storage.IndividualStore;

/**
 * Loads a subject's {@link SubjectBases} for the access guard (internal): checks the individual exists and is not
 * erased, then reads the current basis per purpose ({@link ConsentStore#currentBases}) and the active break-glass
 * grants. Two or three indexed queries in the caller's transaction; thread-safe.
 */
public final class SubjectBasesLoader implements SubjectBasesSource {
    private final IndividualStore individuals;
    private final ConsentStore consents;
    private final BreakGlassGrants grants;
    private final Clock clock;

    public SubjectBasesLoader(IndividualStore individuals, ConsentStore consents, BreakGlassGrants grants, Clock clock) {
        this.individuals = individuals;
        this.consents = consents;
        this.grants = grants;
        this.clock = clock;
    }

    @Override
    public SubjectBases load(SubjectId subject) {
        if (individuals.state(subject, false).status() == RegistrationStatus.ERASED) {
            throw new SubjectErasedException();
        }
        return new SubjectBases(consents.currentBases(subject), grants.activeFor(subject, clock.instant()));
    }
}
