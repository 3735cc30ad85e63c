package org.safereg.api.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a {@link StartupFailure} into Boot's "APPLICATION FAILED TO START" report. Registered in spring.factories. */
class StartupFailureAnalyzer extends AbstractFailureAnalyzer<StartupFailure> {
    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, StartupFailure cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}
