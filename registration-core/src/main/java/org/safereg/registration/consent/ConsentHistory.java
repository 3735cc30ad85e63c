package org.safereg.registration.consent;

import java.util.List;
import org.safereg.privacy.consent.BasisRecord;
import org.safereg.privacy.consent.ConsentRecord;

/**
 * A subject's consent history: every consent record (oldest first, decrypted), every withdrawal (oldest first),
 * and the current standing per purpose as the policy decision point reads it (the latest entry per purpose).
 */
public record ConsentHistory(List<ConsentRecord> records, List<Withdrawal> withdrawals, List<BasisRecord> current) {
    public ConsentHistory {
        records = List.copyOf(records);
        withdrawals = List.copyOf(withdrawals);
        current = List.copyOf(current);
    }
}
