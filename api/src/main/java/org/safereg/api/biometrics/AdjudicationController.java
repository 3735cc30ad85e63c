package org.safereg.api.biometrics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Optional;
import java.util.UUID;
import org.safereg.api.biometrics.BiometricViews.CaseSummaryView;
import org.safereg.api.biometrics.BiometricViews.CaseView;
import org.safereg.api.biometrics.BiometricViews.DecisionRequest;
import org.safereg.api.biometrics.BiometricViews.QueueView;
import org.safereg.keys.SubjectId;
import org.safereg.matching.FingerPosition;
import org.safereg.matching.ImageFormat;
import org.safereg.registration.Page;
import org.safereg.registration.PageRequest;
import org.safereg.registration.RegistrationCore;
import org.safereg.registration.RequestContext;
import org.safereg.registration.biometrics.AdjudicationSummary;
import org.safereg.registration.biometrics.BiometricService;
import org.safereg.registration.biometrics.CaseId;
import org.safereg.registration.biometrics.FingerImage;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The adjudication workflow (ADJUDICATOR with purpose REG.DEDUP by default, never the officer who captured the
 * registration): the queue of possible duplicates, a case with its ranked candidates and per-finger scores, the
 * images of the case's people side by side while the case is open, and the decision.
 */
@RestController
@RequestMapping("/api/v1/biometrics/adjudications")
@Tag(name = "Adjudication")
@Validated
class AdjudicationController {
    private final BiometricService biometrics;

    AdjudicationController(RegistrationCore core) {
        this.biometrics = core.biometrics();
    }

    @GetMapping
    @Operation(summary = "Open cases, oldest first")
    QueueView queue(RequestContext context,
                    @RequestParam(defaultValue = "0") @Min(0) int page,
                    @RequestParam(defaultValue = "50") @Min(1) @Max(PageRequest.MAX_SIZE) int size) {
        Page<AdjudicationSummary> result = biometrics.adjudicationQueue(context, new PageRequest(page, size));
        return new QueueView(result.items().stream().map(CaseSummaryView::of).toList(), result.page(), result.size(),
                result.total());
    }

    @GetMapping("/{caseId}")
    @Operation(summary = "A case: the new registration, ranked candidates with per-finger scores, the decision")
    CaseView read(RequestContext context, @PathVariable UUID caseId) {
        return CaseView.of(biometrics.adjudicationCase(context, new CaseId(caseId)));
    }

    @GetMapping("/{caseId}/subjects/{subject}/fingers/{position}/image")
    @Operation(summary = "The stored image of one finger of the case's registration or of a candidate",
            description = "Only while the case is open (409 adjudication-conflict afterwards). Answers the image "
                    + "as stored (image/png, image/jpeg, image/bmp, image/tiff or image/x-wsq), never cached.")
    ResponseEntity<byte[]> image(RequestContext context, @PathVariable UUID caseId, @PathVariable UUID subject,
                                 @PathVariable FingerPosition position) {
        FingerImage image = biometrics.caseImage(context, new CaseId(caseId), new SubjectId(subject), position);
        return ResponseEntity.ok()
                .contentType(mediaType(image.format()))
                .cacheControl(CacheControl.noStore())
                .header("X-Capture-Dpi", Double.toString(image.dpi()))
                .body(image.image());
    }

    @PostMapping("/{caseId}/decision")
    @Operation(summary = "Decide a case: DUPLICATE (of one of its candidates) or DISTINCT",
            description = "DUPLICATE links the new registration to the existing person (it never becomes a second "
                    + "identity); DISTINCT activates it. 409 adjudication-conflict when the case is already "
                    + "decided, the chosen person is not active, or the caller captured the registration.")
    CaseView decide(RequestContext context, @PathVariable UUID caseId, @Valid @RequestBody DecisionRequest request) {
        return CaseView.of(biometrics.decide(context, new CaseId(caseId), request.decision(),
                Optional.ofNullable(request.duplicateOf()).map(SubjectId::new), request.reason()));
    }

    static MediaType mediaType(ImageFormat format) {
        return switch (format) {
            case PNG -> MediaType.IMAGE_PNG;
            case JPEG -> MediaType.IMAGE_JPEG;
            case BMP -> MediaType.parseMediaType("image/bmp");
            case TIFF -> MediaType.parseMediaType("image/tiff");
            case WSQ -> MediaType.parseMediaType("image/x-wsq");
        };
    }
}
