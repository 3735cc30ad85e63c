package org.safereg.api.audit;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.safereg.privacy.Actor;
import org.safereg.privacy.Role;
import org.safereg.registration.RegistrationCore;
import org.safereg.registration.RequestContext;
import org.safereg.registration.ValidationException;
import org.safereg.privacy.audit.AuditCheckpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Signs a checkpoint of the audit chain head every {@code registry.audit.checkpoint-interval} (default 1 hour;
 * {@code 0} turns it off), so truncation of the chain's tail is detectable without anyone remembering to sign.
 * It acts as the account {@value #ACTOR} with the DATA_PROTECTION_OFFICER role and purpose AUDIT, through the
 * same policy decision and audit trail as a person would. Not created in the offline commands
 * ({@code registry.scheduling.enabled=false}).
 */
@Component
@ConditionalOnExpression("'${registry.scheduling.enabled:true}' == 'true' and '${registry.audit.checkpoint-interval:1h}' != '0'")
class AuditCheckpointScheduler {
    static final String ACTOR = "system.audit-checkpoint";
    private static final Logger log = LoggerFactory.getLogger(AuditCheckpointScheduler.class);
    private static final Actor SYSTEM = new Actor(ACTOR, Set.of(Role.DATA_PROTECTION_OFFICER));

    private final RegistrationCore core;

    AuditCheckpointScheduler(RegistrationCore core) {
        this.core = core;
    }

    @Scheduled(initialDelayString = "${registry.audit.checkpoint-interval:1h}",
            fixedDelayString = "${registry.audit.checkpoint-interval:1h}")
    void checkpoint() {
        RequestContext context = new RequestContext(SYSTEM, Optional.of("AUDIT"), "checkpoint-" + UUID.randomUUID());
        try {
            AuditCheckpoint checkpoint = core.audit().checkpoint(context);
            log.info("Signed audit checkpoint at sequence {}", checkpoint.sequence());
        } catch (ValidationException e) {
            log.debug("Audit trail empty: no checkpoint yet");
        } catch (RuntimeException e) {
            log.warn("Scheduled audit checkpoint failed ({}); it runs again at the next interval",
                    e.getClass().getSimpleName());
        }
    }
}
