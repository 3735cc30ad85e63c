package org.safereg.api.statistics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.safereg.keys.ProviderSignature;
import org.safereg.registration.Page;
import org.safereg.registration.PageRequest;
import org.safereg.registration.RegistrationCore;
import org.safereg.registration.RequestContext;
import org.safereg.registration.ValidationException;
import org.safereg.registration.rights.CanonicalJson;
import org.safereg.registration.statistics.BudgetStatus;
import org.safereg.registration.statistics.RegisteredRelease;
import org.safereg.registration.statistics.ReleaseKind;
import org.safereg.registration.statistics.ReleaseRegister;
import org.safereg.registration.statistics.ReleaseVerification;
import org.safereg.registration.statistics.StatisticsService;
import org.safereg.registration.statistics.TableDraft;
import org.safereg.registration.statistics.TableRelease;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Statistical releases (docs/statistics.md): aggregate tables under disclosure control or differential privacy
 * (STATISTICIAN, X-Purpose STATS.OPS or STATS.PUBLIC), their CSV and signed manifest, the release register (the
 * data protection officer, ADMIN.STATISTICS) and the privacy budget (read by both, caps set by the officer). No
 * route returns an identified record: the core counts the pseudonymous statistical projection and returns protected
 * aggregates only. Every call is decided and audited by the core's access guard.
 */
@RestController
@RequestMapping("/api/v1/statistics")
@Tag(name = "Statistical releases")
class StatisticsController {
    private static final MediaType CSV = MediaType.parseMediaType(ReleaseRegister.CSV_MEDIA_TYPE);

    private final StatisticsService statistics;

    StatisticsController(RegistrationCore core) {
        this.statistics = core.statistics();
    }

    /** Differential privacy instead of suppression: the mechanism and its exact scale. */
    record NoiseRequest(String mechanism, String scale) {
    }

    /**
     * A table: 1 to 6 dimensions, unit (PERSONS, HOUSEHOLDS), profile (PUBLIC, AGREEMENT), method (SUPPRESSION,
     * DIFFERENTIAL_PRIVACY with noise), population (admin0 P-code), recipient (with its agreement).
     */
    record TableRequest(List<String> dimensions, String unit, String profile, String method, NoiseRequest noise,
                        String population, String recipient) {
    }

    /** The key provider's signature over the manifest's canonical bytes (value in base64). */
    record SignatureView(String keyId, String algorithm, String value) {
        static SignatureView of(ProviderSignature s) {
            return new SignatureView(s.keyId(), s.algorithm(), Base64.getEncoder().encodeToString(s.value()));
        }
    }

    /** A signed manifest document: verify the signature over the canonical JSON of {@code manifest}. */
    record ManifestDocument(JsonNode manifest, SignatureView signature) {
        static ManifestDocument of(RegisteredRelease r) {
            return new ManifestDocument(CanonicalJson.parse(r.manifest()), SignatureView.of(r.signature()));
        }
    }

    record Links(String csv, String manifest) {
        static Links of(UUID id) {
            String base = "/api/v1/statistics/releases/" + id;
            return new Links(base + "/table.csv", base + "/manifest");
        }
    }

    /** The answer to a release: where to fetch the CSV, the signed manifest, the cells published and withheld. */
    record ReleaseView(UUID releaseId, int cells, int suppressedCells, ManifestDocument document, Links links) {
    }

    /**
     * One entry of the register (no CSV, no manifest: fetch them by id), with the detail only the data protection
     * officer sees (withheld cells by reason, an extract's risk before treatment).
     */
    record RegisterEntryView(UUID id, String kind, String purpose, String profile, String method, String population,
                             String recipient, UUID agreementId, String createdBy, Instant createdAt, String csvSha256,
                             String keyId, JsonNode detail, Links links) {
        static RegisterEntryView of(RegisteredRelease r) {
            return new RegisterEntryView(r.id(), r.kind().name(), r.purpose(), r.profile().orElse(null), r.method(),
                    r.population().orElse(null), r.recipient().orElse(null), r.agreementId().orElse(null),
                    r.createdBy(), r.createdAt(), r.csvSha256(), r.signature().keyId(),
                    CanonicalJson.parse(r.registerDetail()), Links.of(r.id()));
        }
    }

    record RegisterPage(List<RegisterEntryView> items, int page, int size, long total) {
    }

    record VerificationView(UUID releaseId, boolean valid, boolean signatureValid, boolean csvDigestValid,
                            String keyId) {
        static VerificationView of(ReleaseVerification v) {
            return new VerificationView(v.releaseId(), v.valid(), v.signatureValid(), v.csvDigestValid(), v.keyId());
        }
    }

    /** A budget: rho exact (p/q), epsilon at delta for reading. */
    record BudgetView(String population, String period, String capRho, String spentRho, String remainingRho,
                      double delta, double capEpsilon, double spentEpsilon, double remainingEpsilon, String setBy,
                      Instant setAt) {
        static BudgetView of(BudgetStatus b) {
            return new BudgetView(b.population(), b.period().toString(), b.cap().value().toString(),
                    b.spent().value().toString(), b.remaining().value().toString(), b.delta(), b.epsilonCap(),
                    b.epsilonSpent(), b.epsilonRemaining(), b.setBy(), b.setAt());
        }
    }

    record CapRequest(String rho) {
    }

    @PostMapping("/tables")
    @Operation(summary = "Release an aggregate table",
            description = "STATISTICIAN under STATS.OPS or STATS.PUBLIC. 201 with the signed manifest and the "
                    + "links to the CSV. 400 validation, 422 geography-below-floor or agreement-required, 403 "
                    + "no-agreement for a recipient without an active agreement covering the purpose, 409 "
                    + "no-budget-cap or budget-exceeded for differential privacy (nothing spent), 422 "
                    + "release-audit-failed when no suppression pattern passes the audit with the population's "
                    + "earlier releases (nothing released or spent).")
    ResponseEntity<ReleaseView> release(RequestContext context, @RequestBody TableRequest request) {
        Optional<NoiseRequest> noise = Optional.ofNullable(request.noise());
        TableRelease release = statistics.release(context, new TableDraft(request.dimensions(),
                Optional.ofNullable(request.unit()), request.profile(), Optional.ofNullable(request.method()),
                noise.map(NoiseRequest::mechanism), noise.map(NoiseRequest::scale), request.population(),
                Optional.ofNullable(request.recipient())));
        UUID id = release.release().id();
        return ResponseEntity.created(URI.create(Links.of(id).manifest()))
                .body(new ReleaseView(id, release.cells(), release.suppressedCells(),
                        ManifestDocument.of(release.release()), Links.of(id)));
    }

    @GetMapping("/releases/{id}/table.csv")
    @Operation(summary = "The CSV of a release (header row, HXL hashtag row, one row per published cell)",
            description = "Under the purpose the release was made for (or ADMIN.STATISTICS); 404 otherwise.")
    ResponseEntity<byte[]> csv(RequestContext context, @PathVariable UUID id) {
        StatisticsService.ReleaseFile file = statistics.csv(context, id);
        return ResponseEntity.ok()
                .contentType(CSV)
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("release-" + id + ".csv").build().toString())
                .body(file.csv());
    }

    @GetMapping("/releases/{id}/manifest")
    @Operation(summary = "The signed manifest of a release",
            description = "{manifest, signature}: the signature is over the canonical JSON of manifest (keys sorted, "
                    + "no whitespace: jq -cjS .manifest), verifiable offline with GET /api/v1/keys/signing-key.")
    ManifestDocument manifest(RequestContext context, @PathVariable UUID id) {
        return ManifestDocument.of(statistics.manifest(context, id));
    }

    @GetMapping("/releases")
    @Operation(summary = "The release register, newest first (data protection officer, ADMIN.STATISTICS)")
    RegisterPage list(RequestContext context, @RequestParam(defaultValue = "0") int page,
                      @RequestParam(defaultValue = "50") int size, @RequestParam Optional<String> kind) {
        Optional<ReleaseKind> k = kind.map(StatisticsController::kind);
        Page<RegisteredRelease> p = statistics.list(context, new PageRequest(page, size), k);
        return new RegisterPage(p.items().stream().map(RegisterEntryView::of).toList(), p.page(), p.size(),
                p.total());
    }

    @PostMapping("/releases/{id}/verify")
    @Operation(summary = "Verify a release's signature and CSV digest (data protection officer, ADMIN.STATISTICS)")
    VerificationView verify(RequestContext context, @PathVariable UUID id) {
        return VerificationView.of(statistics.verify(context, id));
    }

    @GetMapping("/budget")
    @Operation(summary = "Privacy budgets: cap, spent and left per population and quarter, in rho and epsilon")
    List<BudgetView> budget(RequestContext context, @RequestParam Optional<String> population) {
        return statistics.budgets(context, population).stream().map(BudgetView::of).toList();
    }

    @PutMapping("/budget/{population}/{period}")
    @Operation(summary = "Set the privacy budget cap of a population and quarter (data protection officer)",
            description = "Body {\"rho\": \"1/2\"}: zCDP rho as an integer, fraction or decimal; period YYYY-Qn.")
    BudgetView setCap(RequestContext context, @PathVariable String population, @PathVariable String period,
                      @RequestBody CapRequest request) {
        return BudgetView.of(statistics.setCap(context, population, period, request.rho()));
    }

    private static ReleaseKind kind(String value) {
        try {
            return ReleaseKind.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ValidationException.of("kind", "TABLE or EXTRACT");
        }
    }
}
