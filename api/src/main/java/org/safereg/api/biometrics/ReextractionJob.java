package org.safereg.api.biometrics;

import java.time.Clock;
import java.time.Instant;
import org.safereg.registration.RegistrationCore;
import org.safereg.registration.RequestContext;
import org.safereg.registration.biometrics.ReextractionProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs {@link org.safereg.registration.biometrics.BiometricService#reextractAll} on a background thread, one run
 * at a time, and keeps its last state in memory (counts only). The starting request's context (actor, purpose,
 * request id) is used for the job's policy decisions and audit events.
 */
@Component
class ReextractionJob {
    private static final Logger log = LoggerFactory.getLogger(ReextractionJob.class);

    /** Run states. */
    enum Run { IDLE, RUNNING, DONE, FAILED }

    /**
     * @param remaining templates still made by another SourceAFIS version (failed ones included)
     */
    record State(Run run, String sourceafisVersion, int reextracted, int failed, long remaining, Instant startedAt,
                 Instant finishedAt) {
    }

    private final RegistrationCore core;
    private final Clock clock;
    private State state = new State(Run.IDLE, null, 0, 0, 0, null, null);

    ReextractionJob(RegistrationCore core, Clock clock) {
        this.core = core;
        this.clock = clock;
    }

    /** Starts a run unless one is going (the caller must be permitted: checked and audited first). */
    synchronized State start(RequestContext context, int batchSize) {
        long remaining = core.biometrics().staleTemplates(context);
        if (state.run() == Run.RUNNING) {
            return state;
        }
        state = new State(Run.RUNNING, null, 0, 0, remaining, clock.instant(), null);
        Thread thread = new Thread(() -> run(context, batchSize), "template-reextraction");
        thread.setDaemon(true);
        thread.start();
        return state;
    }

    /** The last run's state, with the current number of stale templates (permitted callers only; audited). */
    synchronized State state(RequestContext context) {
        long remaining = core.biometrics().staleTemplates(context);
        return state.run() == Run.RUNNING ? state : new State(state.run(), state.sourceafisVersion(),
                state.reextracted(), state.failed(), remaining, state.startedAt(), state.finishedAt());
    }

    private void run(RequestContext context, int batchSize) {
        try {
            ReextractionProgress done = core.biometrics().reextractAll(context, batchSize, this::progress);
            finish(Run.DONE, done);
            log.info("Template re-extraction finished: {} rebuilt, {} failed, {} remaining", done.reextracted(),
                    done.failed(), done.remaining());
        } catch (RuntimeException e) {
            finish(Run.FAILED, null);
            log.error("Template re-extraction failed ({}); start it again to resume", e.getClass().getSimpleName());
        }
    }

    private synchronized void progress(ReextractionProgress p) {
        state = new State(Run.RUNNING, p.sourceafisVersion(), p.reextracted(), p.failed(), p.remaining(),
                state.startedAt(), null);
        log.info("Template re-extraction: {} rebuilt, {} failed, {} remaining", p.reextracted(), p.failed(),
                p.remaining());
    }

    private synchronized void finish(Run run, ReextractionProgress last) {
        state = last == null
                ? new State(run, state.sourceafisVersion(), state.reextracted(), state.failed(), state.remaining(),
                        state.startedAt(), clock.instant())
                : new State(run, last.sourceafisVersion(), last.reextracted(), last.failed(), last.remaining(),
                        state.startedAt(), clock.instant());
    }
}
