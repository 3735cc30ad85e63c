package org.safereg.privacy;

import java.util.Objects;
import java.util.Optional;
import org.safereg.keys.SubjectId;

/**
 * A request to process personal data, as the policy decision point sees it.
 *
 * @param declaredPurpose the raw {@code X-Purpose} value, empty if the client sent none
 * @param subject the individual concerned, empty for searches and lists before results are known
 */
public record AccessRequest(Actor actor, Optional<String> declaredPurpose, Action action, Optional<SubjectId> subject) {
    public AccessRequest {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(declaredPurpose, "declaredPurpose");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(subject, "subject");
    }
}
