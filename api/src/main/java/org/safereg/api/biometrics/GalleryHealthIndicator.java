package org.safereg.api.biometrics;

import org.safereg.registration.RegistrationCore;
import org.safereg.registration.biometrics.GalleryStatus;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * Health of the in-memory fingerprint gallery ({@code fingerprintGallery} in {@code /actuator/health}, part of
 * the readiness group): OUT_OF_SERVICE until the start-up load has finished, so the server reports "not ready"
 * while biometric operations would answer 503; UP when loaded; DOWN when the load failed (it is retried).
 * Details are counts only (persons, fingers, load progress, failed persons, stale templates) and reach ADMIN only.
 */
@Component("fingerprintGallery")
class GalleryHealthIndicator implements HealthIndicator {
    private final RegistrationCore core;

    GalleryHealthIndicator(RegistrationCore core) {
        this.core = core;
    }

    @Override
    public Health health() {
        GalleryStatus s = core.biometrics().galleryStatus();
        Health.Builder health = switch (s.state()) {
            case READY -> Health.up();
            case FAILED -> Health.down();
            case NOT_LOADED, LOADING -> Health.status(Status.OUT_OF_SERVICE);
        };
        return health.withDetail("state", s.state().name())
                .withDetail("persons", s.persons())
                .withDetail("fingers", s.fingers())
                .withDetail("loadedPersons", s.loadedPersons())
                .withDetail("totalPersons", s.totalPersons())
                .withDetail("failedPersons", s.failedPersons())
                .withDetail("staleTemplates", s.staleTemplates())
                .build();
    }
}
