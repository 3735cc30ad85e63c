package org.safereg.registration.locations;

import java.util.List;
import java.util.Optional;
import org.safereg.registration.UnknownReferenceException;
import org.safereg.registration.ValidationException;
import org.safereg.registration.model.AdminUnit;
import org.safereg.registration.model.IndividualValidator;
import org.safereg.registration.model.Site;
import org.safereg.registration.storage.Transactions;

/**
 * Location reference data: the P-code hierarchy (admin0..admin3) and sites. Not personal data, so no purpose
 * check and no audit: the API restricts writes to administrators. Thread-safe.
 */
public final class LocationService {
    private final LocationRepository repository;
    private final Transactions transactions;

    /** Internal: obtain the instance from {@link org.safereg.registration.RegistrationCore#locations()}. */
    public LocationService(LocationRepository repository, Transactions transactions) {
        this.repository = repository;
        this.transactions = transactions;
    }

    /**
     * Creates an admin unit. Its parent must exist and be exactly one level above.
     *
     * @throws ValidationException bad form
     * @throws UnknownReferenceException unknown parent or parent of the wrong level
     * @throws org.safereg.registration.DuplicateRecordException the P-code exists already
     */
    public AdminUnit createAdminUnit(AdminUnit unit) {
        IndividualValidator.check(unit);
        return transactions.inTransaction(() -> {
            if (unit.parentPcode().isPresent()) {
                AdminUnit parent = repository.findAdminUnit(unit.parentPcode().get())
                        .orElseThrow(() -> new UnknownReferenceException("parentPcode", "unknown admin unit"));
                if (parent.level() != unit.level() - 1) {
                    throw new UnknownReferenceException("parentPcode", "the parent must be one level above");
                }
            }
            repository.insert(unit);
            return unit;
        });
    }

    /**
     * Creates a site inside an existing admin unit.
     *
     * @throws UnknownReferenceException unknown admin unit
     * @throws org.safereg.registration.DuplicateRecordException the site id exists already
     */
    public Site createSite(Site site) {
        IndividualValidator.check(site);
        return transactions.inTransaction(() -> {
            if (repository.findAdminUnit(site.adminPcode()).isEmpty()) {
                throw new UnknownReferenceException("adminPcode", "unknown admin unit");
            }
            repository.insert(site);
            return site;
        });
    }

    public Optional<AdminUnit> findAdminUnit(String pcode) {
        return repository.findAdminUnit(pcode);
    }

    /** The children of {@code parentPcode}, or the countries (level 0) when empty; ordered by P-code. */
    public List<AdminUnit> listAdminUnits(Optional<String> parentPcode) {
        return repository.children(parentPcode);
    }

    public Optional<Site> findSite(String id) {
        return repository.findSite(id);
    }

    /** Sites directly in {@code adminPcode}, or all sites when empty; ordered by id. */
    public List<Site> listSites(Optional<String> adminPcode) {
        return repository.sites(adminPcode);
    }
}
