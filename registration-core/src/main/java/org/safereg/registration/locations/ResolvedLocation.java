package org.safereg.registration.locations;

import java.util.List;
import java.util.Optional;
import org.safereg.registration.model.AdminUnit;
import org.safereg.registration.model.Site;

/**
 * An individual's location checked against the reference data (internal): the admin units from level 0 down to
 * the given unit, and the site if any.
 */
public record ResolvedLocation(List<AdminUnit> chain, Optional<Site> site) {
    public ResolvedLocation {
        chain = List.copyOf(chain);
    }

    /** The P-code of the ancestor (or the unit itself) at {@code level}, if the unit is that deep. */
    public Optional<String> pcodeAtLevel(int level) {
        return chain.stream().filter(u -> u.level() == level).map(AdminUnit::pcode).findFirst();
    }
}
