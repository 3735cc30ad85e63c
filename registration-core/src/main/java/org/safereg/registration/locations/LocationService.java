package org.safereg.registration.locations;

import java.util.List;
import java.util.Optional;
import org.safereg.registration.UnknownReferenceException;
import org.safereg.registration.ValidationException;
import org.safereg.registration.model.AdminUnit;
import org.safereg.registration.model.Site;

/**
 * Location reference data: the P-code hierarchy (admin0..admin3) and sites. Not personal data, so no purpose
 * check and no audit: the API restricts writes to administrators. Thread-safe.
 */
public final class LocationService {

    LocationService() {
    }

    /**
     * Creates an admin unit. Its parent must exist and be exactly one level above.
     *
     * @throws ValidationException bad form
     * @throws UnknownReferenceException unknown parent or parent of the wrong level
     * @throws org.safereg.registration.DuplicateRecordException the P-code exists already
     */
    public AdminUnit createAdminUnit(AdminUnit unit) {
        throw new UnsupportedOperationException("TODO");
    }

    /**
     * Creates a site inside an existing admin unit.
     *
     * @throws UnknownReferenceException unknown admin unit
     * @throws org.safereg.registration.DuplicateRecordException the site id exists already
     */
    public Site createSite(Site site) {
        throw new UnsupportedOperationException("TODO");
    }

    public Optional<AdminUnit> findAdminUnit(String pcode) {
        throw new UnsupportedOperationException("TODO");
    }

    /** The children of {@code parentPcode}, or the countries (level 0) when empty; ordered by P-code. */
    public List<AdminUnit> listAdminUnits(Optional<String> parentPcode) {
        throw new UnsupportedOperationException("TODO");
    }

    public Optional<Site> findSite(String id) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Sites directly in {@code adminPcode}, or all sites when empty; ordered by id. */
    public List<Site> listSites(Optional<String> adminPcode) {
        throw new UnsupportedOperationException("TODO");
    }
}
