package org.safereg.api.db;

import java.nio.file.Files;
import java.nio.file.Path;
import org.safereg.api.config.RegistryProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.application.DiskSpaceHealthIndicator;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * Free disk space in health ({@code diskSpace}): DOWN below {@code management.health.diskspace.threshold}
 * ({@code REGISTRY_DISK_SPACE_THRESHOLD}, default 1GB), measured where the data grows: the embedded database
 * directory, or the data directory with an external database. Replaces Boot's indicator, which would watch the
 * working directory. Not part of readiness or liveness: a full disk is for the operator to fix, and PostgreSQL
 * refusing writes makes the database checks fail anyway.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnEnabledHealthIndicator("diskspace")
class DiskSpaceHealthConfiguration {

    @Bean
    DiskSpaceHealthIndicator diskSpaceHealthIndicator(RegistryProperties properties,
            @Value("${management.health.diskspace.threshold:1GB}") DataSize threshold) {
        Path watched = properties.db().external() ? properties.dataDir().toAbsolutePath().normalize()
                : properties.embeddedDbDirectory();
        return new DiskSpaceHealthIndicator(nearestExisting(watched).toFile(), threshold);
    }

    /** The directory itself, or on first start (not created yet) its nearest existing parent. */
    private static Path nearestExisting(Path dir) {
        Path p = dir;
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        return p == null ? dir : p;
    }
}
