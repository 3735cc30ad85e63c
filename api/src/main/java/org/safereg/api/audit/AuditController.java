package org.safereg.api.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.HexFormat;
import org.safereg.privacy.audit.AuditCheckpoint;
import org.safereg.privacy.audit.AuditVerification;
import org.safereg.registration.RegistrationCore;
import org.safereg.registration.RequestContext;
import org.safereg.registration.audit.AuditService;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** DATA_PROTECTION_OFFICER (purpose AUDIT): verify the tamper-evident audit trail and sign checkpoints of it. */
@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit")
class AuditController {
    private final AuditService audit;

    AuditController(RegistrationCore core) {
        this.audit = core.audit();
    }

    /** Result of a verification; when broken, the first bad sequence number and what is wrong. */
    record VerificationView(boolean intact, long rowsChecked, long checkpointsChecked, Long firstBadSequence,
                            String problem) {
        static VerificationView of(AuditVerification v) {
            return new VerificationView(v.intact(), v.rowsChecked(), v.checkpointsChecked(),
                    v.firstBadSequence().orElse(null), v.problem().orElse(null));
        }
    }

    /** A signed statement of the chain head. */
    record CheckpointView(long sequence, String headHash, Instant signedAt, String keyId, String algorithm,
                          String signature) {
        static CheckpointView of(AuditCheckpoint c) {
            HexFormat hex = HexFormat.of();
            return new CheckpointView(c.sequence(), hex.formatHex(c.headHash()), c.signedAt(),
                    c.signature().keyId(), c.signature().algorithm(), hex.formatHex(c.signature().value()));
        }
    }

    @GetMapping("/verification")
    @Operation(summary = "Verify the audit hash chain and its signed checkpoints",
            description = "Detects edited, deleted, reordered or inserted rows, and a truncated tail below a "
                    + "checkpoint. 200 in both cases: look at intact.")
    VerificationView verify(RequestContext context) {
        return VerificationView.of(audit.verify(context));
    }

    @PostMapping("/checkpoints")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Sign and store a checkpoint of the current chain head")
    CheckpointView checkpoint(RequestContext context) {
        return CheckpointView.of(audit.checkpoint(context));
    }
}
