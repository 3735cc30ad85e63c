package org.safereg.registration.locations;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.safereg.registration.DuplicateRecordException;
import org.safereg.registration.UnknownReferenceException;
import org.safereg.registration.model.AdminUnit;
import org.safereg.registration.model.LocationRef;
import org.safereg.registration.model.Site;
import org.safereg.registration.model.SiteType;
import org.springframework.jdbc.core.simple.JdbcClient;

/** SQL over the location reference tables (internal). Runs in the caller's transaction. Thread-safe. */
public final class LocationRepository {
    private final JdbcClient jdbc;

    public LocationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(AdminUnit unit) {
        int n = jdbc.sql("""
                        INSERT INTO location (pcode, parent_pcode, admin_level, name) VALUES (?, ?, ?, ?)
                        ON CONFLICT (pcode) DO NOTHING""")
                .params(unit.pcode(), unit.parentPcode().orElse(null), unit.level(), unit.name())
                .update();
        if (n == 0) {
            throw new DuplicateRecordException("an admin unit with this P-code exists already");
        }
    }

    void insert(Site site) {
        int n = jdbc.sql("""
                        INSERT INTO site (id, name, site_type, location_pcode) VALUES (?, ?, ?, ?)
                        ON CONFLICT (id) DO NOTHING""")
                .params(site.id(), site.name(), site.type().name(), site.adminPcode())
                .update();
        if (n == 0) {
            throw new DuplicateRecordException("a site with this id exists already");
        }
    }

    public Optional<AdminUnit> findAdminUnit(String pcode) {
        return jdbc.sql("SELECT pcode, admin_level, parent_pcode, name FROM location WHERE pcode = ?")
                .param(pcode).query((rs, n) -> unit(rs)).optional();
    }

    List<AdminUnit> children(Optional<String> parent) {
        return parent
                .map(p -> jdbc.sql("SELECT pcode, admin_level, parent_pcode, name FROM location WHERE parent_pcode = ? ORDER BY pcode")
                        .param(p))
                .orElseGet(() -> jdbc.sql("SELECT pcode, admin_level, parent_pcode, name FROM location WHERE parent_pcode IS NULL ORDER BY pcode"))
                .query((rs, n) -> unit(rs)).list();
    }

    public Optional<Site> findSite(String id) {
        return jdbc.sql("SELECT id, name, site_type, location_pcode FROM site WHERE id = ?")
                .param(id).query((rs, n) -> site(rs)).optional();
    }

    List<Site> sites(Optional<String> adminPcode) {
        return adminPcode
                .map(p -> jdbc.sql("SELECT id, name, site_type, location_pcode FROM site WHERE location_pcode = ? ORDER BY id").param(p))
                .orElseGet(() -> jdbc.sql("SELECT id, name, site_type, location_pcode FROM site ORDER BY id"))
                .query((rs, n) -> site(rs)).list();
    }

    /** The unit and its ancestors, level 0 first; empty if the unit does not exist. */
    public List<AdminUnit> chain(String pcode) {
        List<AdminUnit> chain = new ArrayList<>(jdbc.sql("""
                        WITH RECURSIVE up AS (
                            SELECT pcode, admin_level, parent_pcode, name FROM location WHERE pcode = ?
                            UNION ALL
                            SELECT l.pcode, l.admin_level, l.parent_pcode, l.name
                            FROM location l JOIN up ON l.pcode = up.parent_pcode)
                        SELECT pcode, admin_level, parent_pcode, name FROM up ORDER BY admin_level""")
                .param(pcode).query((rs, n) -> unit(rs)).list());
        return Collections.unmodifiableList(chain);
    }

    /** The unit and all units below it. */
    public Set<String> subtree(String pcode) {
        return new HashSet<>(jdbc.sql("""
                        WITH RECURSIVE down AS (
                            SELECT pcode FROM location WHERE pcode = ?
                            UNION ALL
                            SELECT l.pcode FROM location l JOIN down ON l.parent_pcode = down.pcode)
                        SELECT pcode FROM down""")
                .param(pcode).query(String.class).list());
    }

    /**
     * Checks {@code ref} against the reference data: the admin unit exists, the site (if any) exists and lies in
     * the admin unit or below it.
     *
     * @param pathPrefix prefix of the field paths reported in {@link UnknownReferenceException}
     */
    public ResolvedLocation resolve(LocationRef ref, String pathPrefix) {
        List<AdminUnit> chain = chain(ref.adminPcode());
        if (chain.isEmpty()) {
            throw new UnknownReferenceException(pathPrefix + "location.adminPcode", "unknown admin unit");
        }
        Optional<Site> site = Optional.empty();
        if (ref.siteId().isPresent()) {
            site = findSite(ref.siteId().get());
            if (site.isEmpty()) {
                throw new UnknownReferenceException(pathPrefix + "location.siteId", "unknown site");
            }
            boolean inside = chain(site.get().adminPcode()).stream().anyMatch(u -> u.pcode().equals(ref.adminPcode()));
            if (!inside) {
                throw new UnknownReferenceException(pathPrefix + "location.siteId", "the site is not inside the admin unit");
            }
        }
        return new ResolvedLocation(chain, site);
    }

    private static AdminUnit unit(ResultSet rs) throws SQLException {
        return new AdminUnit(rs.getString(1), rs.getInt(2), Optional.ofNullable(rs.getString(3)), rs.getString(4));
    }

    private static Site site(ResultSet rs) throws SQLException {
        return new Site(rs.getString(1), rs.getString(2), SiteType.valueOf(rs.getString(3)), rs.getString(4));
    }
}
