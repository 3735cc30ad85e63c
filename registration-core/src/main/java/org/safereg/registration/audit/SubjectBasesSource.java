package org.safereg.registration.audit;

import org.safereg.keys.SubjectId;
import org.safereg.privacy.SubjectBases;

/**
 * What the {@link AccessGuard} asks for a subject's recorded bases (internal): called inside the transaction of the
 * guarded operation, so the decision and the work see the same consent state.
 */
public interface SubjectBasesSource {

    /**
     * The subject's current basis per purpose and their approved, unexpired break-glass grants.
     *
     * @throws org.safereg.registration.RecordNotFoundException no such individual
     * @throws org.safereg.registration.SubjectErasedException the individual was erased
     */
    SubjectBases load(SubjectId subject);
}
