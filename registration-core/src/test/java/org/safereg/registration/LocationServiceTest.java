package org.safereg.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.safereg.registration.locations.LocationService;
import org.safereg.registration.model.AdminUnit;
import org.safereg.registration.model.Site;
import org.safereg.registration.model.SiteType;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocationServiceTest {
    @TempDir
    static Path keys;
    CoreFixture f;
    LocationService locations;

    @AfterAll
    void closeFixture() {
        f.close();
    }

    @BeforeAll
    void setUp() {
        f = new CoreFixture(keys);
        locations = f.core.locations();
    }

    @Test
    void theHierarchyIsListedByParent() {
        assertThat(locations.listAdminUnits(Optional.empty())).extracting(AdminUnit::pcode).containsExactly(CoreFixture.COUNTRY);
        assertThat(locations.listAdminUnits(Optional.of(CoreFixture.COUNTRY))).extracting(AdminUnit::pcode)
                .containsExactly(CoreFixture.REGION, CoreFixture.OTHER_REGION);
        assertThat(locations.findAdminUnit(CoreFixture.DISTRICT)).contains(AdminUnit.of(CoreFixture.DISTRICT, 2, CoreFixture.REGION, "Mogadishu North"));
        assertThat(locations.listSites(Optional.of(CoreFixture.DISTRICT))).extracting(Site::id).containsExactly(CoreFixture.CAMP);
    }

    @Test
    void aParentMustExistAndBeOneLevelAbove() {
        assertThatThrownBy(() -> locations.createAdminUnit(AdminUnit.of("SO1199", 2, "SO99", "Nowhere")))
                .isInstanceOfSatisfying(UnknownReferenceException.class, e -> assertThat(e.field()).isEqualTo("parentPcode"));
        assertThatThrownBy(() -> locations.createAdminUnit(AdminUnit.of("SO110101", 3, CoreFixture.REGION, "Skips a level")))
                .isInstanceOf(UnknownReferenceException.class);
        assertThatThrownBy(() -> locations.createAdminUnit(new AdminUnit("SO13", 1, Optional.empty(), "No parent")))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors()).extracting(FieldError::path).containsExactly("parentPcode"));
        assertThatThrownBy(() -> locations.createAdminUnit(new AdminUnit("so-lower", 4, Optional.of(CoreFixture.DISTRICT), " ")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).extracting(FieldError::path)
                        .containsExactlyInAnyOrder("pcode", "name", "level"));
    }

    @Test
    void duplicatesAreRejected() {
        assertThatThrownBy(() -> locations.createAdminUnit(AdminUnit.country(CoreFixture.COUNTRY, "Again")))
                .isInstanceOf(DuplicateRecordException.class);
        assertThatThrownBy(() -> locations.createSite(new Site(CoreFixture.CAMP, "Again", SiteType.TRANSIT_POINT, CoreFixture.DISTRICT)))
                .isInstanceOf(DuplicateRecordException.class);
    }

    @Test
    void aSiteNeedsAnExistingAdminUnit() {
        assertThatThrownBy(() -> locations.createSite(new Site("BCP-01", "Border post", SiteType.BORDER_CROSSING_POINT, "SO9999")))
                .isInstanceOfSatisfying(UnknownReferenceException.class, e -> assertThat(e.field()).isEqualTo("adminPcode"));
        Site created = locations.createSite(new Site("BCP-02", "Border post", SiteType.BORDER_CROSSING_POINT, CoreFixture.OTHER_REGION));
        assertThat(locations.findSite("BCP-02")).contains(created);
    }
}
