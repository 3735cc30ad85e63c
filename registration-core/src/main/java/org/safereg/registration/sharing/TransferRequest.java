package org.safereg.registration.sharing;

import java.util.List;
import java.util.Optional;

/**
 * What to transfer: the recipient organisation's code, and either the subjects (person ids, at most
 * {@link TransferService#MAX_SUBJECTS}) or an admin unit P-code (everyone registered in it or below, at most
 * {@link TransferService#MAX_SUBJECTS}); optionally the fields wanted (field names, e.g. {@code NAMES}; default:
 * every field both the purpose and the agreement allow). The purpose is the request's declared purpose.
 */
public record TransferRequest(String recipient, Optional<List<String>> subjects, Optional<String> adminPcode,
                              Optional<List<String>> fields) {
    public TransferRequest {
        subjects = subjects == null ? Optional.empty() : subjects;
        adminPcode = adminPcode == null ? Optional.empty() : adminPcode;
        fields = fields == null ? Optional.empty() : fields;
    }
}
