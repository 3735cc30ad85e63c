package org.safereg.api.biometrics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.safereg.registration.RequestContext;
import org.safereg.registration.biometrics.BiometricService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The template re-extraction job after a SourceAFIS upgrade (DATA_PROTECTION_OFFICER with purpose
 * ADMIN.BIOMETRICS by default): start it in the background, follow its progress. Resumable: starting it again
 * after an interruption (or a restart) continues with the templates not yet rebuilt.
 */
@RestController
@RequestMapping("/api/v1/biometrics/reextraction")
@Tag(name = "Biometrics")
@Validated
class ReextractionController {
    private final ReextractionJob job;

    ReextractionController(ReextractionJob job) {
        this.job = job;
    }

    @PostMapping
    @Operation(summary = "Start re-extracting templates made by another SourceAFIS version",
            description = "202 with the job's state; if a run is already going, its state.")
    ResponseEntity<ReextractionJob.State> start(RequestContext context,
            @RequestParam(defaultValue = "100") @Min(1) @Max(BiometricService.MAX_REEXTRACTION_BATCH) int batchSize) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(job.start(context, batchSize));
    }

    @GetMapping
    @Operation(summary = "State of the re-extraction job and how many templates remain to rebuild")
    ReextractionJob.State state(RequestContext context) {
        return job.state(context);
    }
}
