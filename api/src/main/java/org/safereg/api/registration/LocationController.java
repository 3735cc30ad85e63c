package org.safereg.api.registration;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.safereg.registration.Page;
import org.safereg.registration.PageRequest;
import org.safereg.registration.RecordNotFoundException;
import org.safereg.registration.RegistrationCore;
import org.safereg.registration.RequestContext;
import org.safereg.registration.individuals.IndividualService;
import org.safereg.registration.locations.LocationService;
import org.safereg.registration.model.AdminUnit;
import org.safereg.registration.model.Individual;
import org.safereg.registration.model.Site;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Location reference data (P-code hierarchy admin0..admin3, and sites): any signed-in user reads it; ADMIN and
 * REGISTRATION_OFFICER create it. Also the paged list of individuals in a location (personal data, purpose
 * required).
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Locations")
class LocationController {
    private final LocationService locations;
    private final IndividualService individuals;

    LocationController(RegistrationCore core) {
        this.locations = core.locations();
        this.individuals = core.individuals();
    }

    record PageView<T>(List<T> items, int page, int size, long total, boolean hasNext) {
    }

    @PostMapping("/locations")
    @Operation(summary = "Create an admin unit (ADMIN or REGISTRATION_OFFICER)",
            description = "Level 0 is a country without parent; levels 1..3 name a parent one level above.")
    ResponseEntity<AdminUnit> createAdminUnit(@RequestBody AdminUnit unit) {
        AdminUnit created = locations.createAdminUnit(unit);
        return ResponseEntity.created(URI.create("/api/v1/locations/" + created.pcode())).body(created);
    }

    @GetMapping("/locations")
    @Operation(summary = "List admin units: the children of parent, or the countries")
    List<AdminUnit> listAdminUnits(@RequestParam(required = false) String parent) {
        return locations.listAdminUnits(Optional.ofNullable(parent));
    }

    @GetMapping("/locations/{pcode}")
    @Operation(summary = "Read an admin unit")
    AdminUnit adminUnit(@PathVariable String pcode) {
        return locations.findAdminUnit(pcode).orElseThrow(() -> new RecordNotFoundException("admin unit"));
    }

    @GetMapping("/locations/{pcode}/individuals")
    @Operation(summary = "Individuals living in an admin unit or below it, paged (page from 0, size 1..500)")
    PageView<IndividualView> individualsIn(RequestContext context, @PathVariable String pcode,
                                           @RequestParam(defaultValue = "0") int page,
                                           @RequestParam(defaultValue = "50") int size) {
        Page<Individual> result = individuals.listByLocation(context, pcode, new PageRequest(page, size));
        return new PageView<>(result.items().stream().map(IndividualView::of).toList(), result.page(),
                result.size(), result.total(), result.hasNext());
    }

    @PostMapping("/sites")
    @Operation(summary = "Create a site inside an admin unit (ADMIN or REGISTRATION_OFFICER)")
    ResponseEntity<Site> createSite(@RequestBody Site site) {
        Site created = locations.createSite(site);
        return ResponseEntity.created(URI.create("/api/v1/sites/" + created.id())).body(created);
    }

    @GetMapping("/sites")
    @Operation(summary = "List sites, all or those directly in an admin unit")
    List<Site> listSites(@RequestParam(required = false) String adminPcode) {
        return locations.listSites(Optional.ofNullable(adminPcode));
    }

    @GetMapping("/sites/{id}")
    @Operation(summary = "Read a site")
    Site site(@PathVariable String id) {
        return locations.findSite(id).orElseThrow(() -> new RecordNotFoundException("site"));
    }
}
