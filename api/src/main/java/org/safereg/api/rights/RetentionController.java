package org.safereg.api.rights;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.safereg.registration.RegistrationCore;
import org.safereg.registration.RequestContext;
import org.safereg.registration.retention.ExpiredBasis;
import org.safereg.registration.retention.RetentionCandidate;
import org.safereg.registration.retention.RetentionReport;
import org.safereg.registration.retention.RetentionRun;
import org.safereg.registration.retention.RetentionService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Retention for the DATA_PROTECTION_OFFICER with purpose ADMIN.RETENTION: the dry-run report (exactly the
 * individuals the retention job would erase now, and why: subject ids only) and a run on demand (the same job
 * the schedule {@code registry.retention.schedule} runs).
 */
@RestController
@RequestMapping("/api/v1/retention")
@Tag(name = "Retention")
class RetentionController {
    private final RetentionService retention;

    RetentionController(RegistrationCore core) {
        this.retention = core.retention();
    }

    record EndedBasisView(String purpose, String basis, String status, String reason, Instant since) {
        static EndedBasisView of(ExpiredBasis e) {
            return new EndedBasisView(e.purpose().value(), e.basis().name(), e.status().name(), e.reason().name(),
                    e.since());
        }
    }

    record CandidateView(UUID subjectId, List<EndedBasisView> endedBases) {
        static CandidateView of(RetentionCandidate c) {
            return new CandidateView(c.subject().value(), c.bases().stream().map(EndedBasisView::of).toList());
        }
    }

    record ReportView(Instant asOf, int count, List<CandidateView> subjects) {
        static ReportView of(RetentionReport r) {
            return new ReportView(r.asOf(), r.subjects().size(), r.subjects().stream().map(CandidateView::of).toList());
        }
    }

    record ErasedView(UUID subjectId, List<EndedBasisView> endedBases,
                      @Schema(type = "object", description = "signed erasure receipt") @JsonRawValue String receipt) {
    }

    record RunView(Instant asOf, int erased, List<ErasedView> subjects) {
        static RunView of(RetentionRun run) {
            return new RunView(run.asOf(), run.erased().size(), run.erased().stream()
                    .map(e -> new ErasedView(e.candidate().subject().value(),
                            e.candidate().bases().stream().map(EndedBasisView::of).toList(), e.receipt().json()))
                    .toList());
        }
    }

    @GetMapping("/report")
    @Operation(summary = "Dry run: the individuals the retention job would erase now, and why",
            description = "DATA_PROTECTION_OFFICER with purpose ADMIN.RETENTION. An individual is listed when the "
                    + "latest basis recorded for every purpose has ended: consent withdrawn or refused, validity "
                    + "passed, or the purpose's retention period passed. Subject ids and reasons only. Audited "
                    + "(RETENTION_REVIEW, one event per listed individual).")
    ReportView report(RequestContext context) {
        return ReportView.of(retention.report(context));
    }

    @PostMapping("/runs")
    @Operation(summary = "Run the retention job now",
            description = "DATA_PROTECTION_OFFICER with purpose ADMIN.RETENTION. Erases (crypto-shredding with a "
                    + "signed receipt) each individual the dry run lists, re-checked just before; answers who was "
                    + "erased, why, and the receipts. Audited (RETENTION_REVIEW, then ERASE per individual).")
    RunView run(RequestContext context) {
        return RunView.of(retention.run(context));
    }
}
