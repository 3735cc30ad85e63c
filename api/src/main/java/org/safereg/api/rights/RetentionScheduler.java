package org.safereg.api.rights;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.safereg.privacy.Actor;
import org.safereg.privacy.Role;
import org.safereg.registration.RegistrationCore;
import org.safereg.registration.RequestContext;
import org.safereg.registration.retention.RetentionRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the retention job on the cron schedule {@code registry.retention.schedule} (default every day at 02:30
 * server time; {@code -} turns it off). It acts as the account {@value #ACTOR} with the DATA_PROTECTION_OFFICER
 * role and purpose ADMIN.RETENTION, through the same policy decision, audit trail and signed erasure receipts as
 * a person would. Logs counts only, never subject ids. Not created in the offline commands
 * ({@code registry.scheduling.enabled=false}).
 */
@Component
@ConditionalOnExpression("'${registry.scheduling.enabled:true}' == 'true' and '${registry.retention.schedule:0 30 2 * * *}' != '-'")
class RetentionScheduler {
    static final String ACTOR = "system.retention";
    private static final Logger log = LoggerFactory.getLogger(RetentionScheduler.class);
    private static final Actor SYSTEM = new Actor(ACTOR, Set.of(Role.DATA_PROTECTION_OFFICER));

    private final RegistrationCore core;

    RetentionScheduler(RegistrationCore core) {
        this.core = core;
    }

    @Scheduled(cron = "${registry.retention.schedule:0 30 2 * * *}")
    void run() {
        RequestContext context = new RequestContext(SYSTEM, Optional.of("ADMIN.RETENTION"), "retention-" + UUID.randomUUID());
        try {
            RetentionRun run = core.retention().run(context);
            if (!run.erased().isEmpty()) {
                log.info("Retention erased {} individuals whose every basis had ended", run.erased().size());
            }
        } catch (RuntimeException e) {
            log.warn("Scheduled retention run failed ({}); it runs again at the next scheduled time",
                    e.getClass().getSimpleName());
        }
    }
}
