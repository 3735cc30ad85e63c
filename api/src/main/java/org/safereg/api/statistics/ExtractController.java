package org.safereg.api.statistics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.safereg.api.problem.ProblemType;
import org.safereg.api.problem.Problems;
import org.safereg.privacy.statistics.extract.RiskReport;
import org.safereg.registration.RegistrationCore;
import org.safereg.registration.RequestContext;
import org.safereg.registration.statistics.ExtractDraft;
import org.safereg.registration.statistics.ExtractRelease;
import org.safereg.registration.statistics.ExtractService;
import org.safereg.registration.statistics.StatisticalExtractRefusedException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Pseudonymised microdata extracts (docs/statistics.md): STATISTICIAN under STATS.OPS, for a recipient with an
 * active data-sharing agreement covering the purpose. The response carries the signed manifest (with the risk
 * report) and the link to the CSV, read like any release. No identified record is read or returned: the core
 * extracts the pseudonymous statistical projection, k-anonymous, under the recipient's own pseudonyms.
 */
@RestController
@RequestMapping("/api/v1/statistics")
@Tag(name = "Statistical releases")
class ExtractController {
    private final ExtractService extracts;

    ExtractController(RegistrationCore core) {
        this.extracts = core.extracts();
    }

    /** An extract: fields (dimension names), population (admin0 P-code), recipient, epoch (optional). */
    record ExtractRequest(List<String> fields, String population, String recipient, Integer epoch) {
    }

    /**
     * The headline figures of the risk after treatment (the manifest holds all of it). Nothing about the data before
     * treatment: that would narrow what was suppressed (the register keeps it for the data protection officer).
     */
    record RiskSummary(int k, long expectedReidentifications, double maxIndividualRisk, long valuesSuppressed,
                       double informationLossShare) {
        static RiskSummary of(RiskReport r) {
            return new RiskSummary(r.k(), r.after().equivalenceClasses(), r.after().maxRisk(),
                    r.loss().valuesSuppressed(), r.loss().lossShare());
        }
    }

    /** The answer to an extract. */
    record ExtractView(UUID releaseId, String recipient, int epoch, long records, RiskSummary risk,
                       StatisticsController.ManifestDocument document, StatisticsController.Links links) {
    }

    @PostMapping("/extracts")
    @Operation(summary = "Release a pseudonymised, k-anonymous microdata extract to a recipient",
            description = "STATISTICIAN under STATS.OPS. 201 with the signed manifest (specification, treatment, "
                    + "risk after treatment) and the link to the CSV. 400 validation (also an epoch below the "
                    + "recipient's current one), 409 extract-new-epoch-required (other fields than the epoch's first "
                    + "extract), 422 geography-below-floor, extract-too-few-records or "
                    + "extract-risk-above-limit (nothing released), 403 no-agreement for a recipient without an "
                    + "active agreement covering the purpose.")
    ResponseEntity<ExtractView> extract(RequestContext context, @RequestBody ExtractRequest request) {
        ExtractRelease release = extracts.extract(context, new ExtractDraft(request.fields(), request.population(),
                request.recipient(), Optional.ofNullable(request.epoch())));
        UUID id = release.release().id();
        StatisticsController.Links links = StatisticsController.Links.of(id);
        return ResponseEntity.created(URI.create(links.manifest()))
                .body(new ExtractView(id, release.release().recipient().orElseThrow(), release.epoch().number(),
                        release.records(), RiskSummary.of(release.report()),
                        StatisticsController.ManifestDocument.of(release.release()), links));
    }

    /** 422 with the refusal's type and its fixed detail: no counts, which would describe the untreated data. */
    @ExceptionHandler(StatisticalExtractRefusedException.class)
    ResponseEntity<Object> refused(StatisticalExtractRefusedException e, HttpServletRequest request) {
        return Problems.response(Problems.of(switch (e.reason()) {
            case TOO_FEW_RECORDS -> ProblemType.EXTRACT_TOO_FEW_RECORDS;
            case EXPECTED_REIDENTIFICATIONS_ABOVE_LIMIT -> ProblemType.EXTRACT_RISK_ABOVE_LIMIT;
        }, request));
    }
}
