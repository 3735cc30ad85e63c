package org.safereg.registration.breakglass;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.safereg.privacy.breakglass.BreakGlassReason;
import org.safereg.privacy.breakglass.BreakGlassRequest;

/**
 * A break-glass request as its approvers and reviewers see it: its state and the decrypted reason (and review
 * note). Reason and note are personal data: never log them.
 *
 * @param reason the stated reason; empty once the subject was erased (its keys, and so the reason, are gone), or
 *               when the caller's purpose does not see NAMES
 * @param reviewNote the data protection officer's note, if one was recorded (and the subject not erased)
 * @param accesses the audited operations the grant permitted so far (empty unless approved)
 */
public record BreakGlassCase(BreakGlassRequest request, Optional<BreakGlassReason> reason,
                             Optional<String> reviewNote, List<GrantAccess> accesses) {
    public BreakGlassCase {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(reviewNote, "reviewNote");
        accesses = List.copyOf(accesses);
    }
}
