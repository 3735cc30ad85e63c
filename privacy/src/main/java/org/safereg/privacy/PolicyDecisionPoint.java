package org.safereg.privacy;

/**
 * The one policy decision used by every personal-data route. Implementations are thread-safe and do no I/O
 * unless stated (consent checks read the subject's consent records).
 */
public interface PolicyDecisionPoint {
    AccessDecision decide(AccessRequest request);
}
