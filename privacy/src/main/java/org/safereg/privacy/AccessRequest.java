package org.safereg.privacy;

import java.util.Objects;
import java.util.Optional;
import org.safereg.keys.SubjectId;

/**
 * A request to process personal data, as the policy decision point sees it.
 *
 * @param declaredPurpose the raw {@code X-Purpose} value, empty if the client sent none
 * @param subject the individual concerned, empty for searches and lists before results are known
 * @param bases the subject's recorded bases and break-glass grants ({@link SubjectBases#none()} without a
 *              subject, or when nothing is recorded)
 * @param disclosure present when the data goes to a recipient outside the organisation
 */
public record AccessRequest(Actor actor, Optional<String> declaredPurpose, Action action, Optional<SubjectId> subject,
                            SubjectBases bases, Optional<Disclosure> disclosure) {
    public AccessRequest {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(declaredPurpose, "declaredPurpose");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(bases, "bases");
        Objects.requireNonNull(disclosure, "disclosure");
    }

    /** A request inside the organisation with no recorded bases. */
    public AccessRequest(Actor actor, Optional<String> declaredPurpose, Action action, Optional<SubjectId> subject) {
        this(actor, declaredPurpose, action, subject, SubjectBases.none(), Optional.empty());
    }
}
