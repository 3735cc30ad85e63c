package org.safereg.registration.statistics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * An extract request as the client wrote it (checked by {@link ExtractService#extract}, which lists every invalid
 * field in one {@link org.safereg.registration.ValidationException}).
 *
 * @param fields 1 to {@value ExtractService#MAX_FIELDS} {@linkplain StatisticalDimension#parse dimension names}:
 *     the quasi-identifiers of the extract, all of them generalised and suppressed as k-anonymity needs
 * @param population the admin0 P-code of the population extracted
 * @param recipient the recipient outside the organisation (with an active agreement covering the purpose)
 * @param epoch the recipient's pseudonym epoch: empty for its current one (1 before its first extract); a
 *     higher number starts a new epoch (pseudonyms unlinkable to earlier extracts); a lower one is refused
 */
public record ExtractDraft(List<String> fields, String population, String recipient, Optional<Integer> epoch) {
    public ExtractDraft {
        fields = fields == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(fields));
        epoch = epoch == null ? Optional.empty() : epoch;
    }
}
