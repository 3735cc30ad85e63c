package org.safereg.api.consent;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.safereg.keys.DataCategory;
import org.safereg.privacy.LegalBasis;
import org.safereg.privacy.consent.BasisRecord;
import org.safereg.privacy.consent.ConsentDeclaration;
import org.safereg.privacy.consent.ConsentGiver;
import org.safereg.privacy.consent.ConsentRecord;
import org.safereg.privacy.consent.ConsentStatus;
import org.safereg.privacy.consent.DeliveryMode;
import org.safereg.privacy.consent.PurposeConsent;
import org.safereg.privacy.sharing.RecipientId;
import org.safereg.registration.consent.ConsentHistory;
import org.safereg.registration.consent.ReconsentDue;
import org.safereg.registration.consent.Withdrawal;

/** JSON views of the consent routes (absent values are omitted); the history view is also in the subject export. */
public final class ConsentViews {
    private ConsentViews() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PurposeView(String purpose, LegalBasis basis, Set<DataCategory> categories, List<String> recipients,
                       Period retention, ConsentStatus status) {
        static PurposeView of(PurposeConsent p) {
            return new PurposeView(p.purpose().value(), p.basis(), p.categories(),
                    p.recipients().stream().map(RecipientId::value).sorted().toList(), p.retention().orElse(null),
                    p.status());
        }
    }

    record NoticeView(String id, String version, String sha256) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RecordView(UUID id, Instant recordedAt, String collectedBy, NoticeView notice, String language,
                      DeliveryMode delivery, boolean interpreterUsed, ConsentGiver givenBy, String proxyReference,
                      Boolean childAssent, String site, Instant validUntil, LocalDate reconsentAtMajority,
                      List<PurposeView> purposes) {
        static RecordView of(ConsentRecord r) {
            ConsentDeclaration d = r.declaration();
            return new RecordView(r.id().value(), r.recordedAt(), r.collectedBy(),
                    new NoticeView(d.notice().id(), d.notice().version(), d.notice().sha256Hex()), d.language(),
                    d.delivery(), d.interpreterUsed(), d.givenBy(), d.proxyReference().orElse(null),
                    d.childAssent().orElse(null), d.site().orElse(null), d.validUntil().orElse(null),
                    d.reconsentAtMajority().orElse(null), d.purposes().stream().map(PurposeView::of).toList());
        }
    }

    record WithdrawalView(UUID consent, String purpose, Instant withdrawnAt) {
        static WithdrawalView of(Withdrawal w) {
            return new WithdrawalView(w.consent().value(), w.purpose().value(), w.withdrawnAt());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record StandingView(String purpose, LegalBasis basis, ConsentStatus status, Set<DataCategory> categories,
                        List<String> recipients, Instant recordedAt, Instant validUntil) {
        static StandingView of(BasisRecord b) {
            return new StandingView(b.purpose().value(), b.basis(), b.status(), b.categories(),
                    b.recipients().stream().map(r -> r.value()).sorted().toList(), b.recordedAt(),
                    b.validUntil().orElse(null));
        }
    }

    /** A subject's consent history: records, withdrawals and current standing per purpose. */
    public record HistoryView(List<RecordView> records, List<WithdrawalView> withdrawals, List<StandingView> current) {
        public static HistoryView of(ConsentHistory h) {
            return new HistoryView(h.records().stream().map(RecordView::of).toList(),
                    h.withdrawals().stream().map(WithdrawalView::of).toList(),
                    h.current().stream().map(StandingView::of).toList());
        }
    }

    /** A subject due for re-consent, and the month (YYYY-MM) they come of age in. */
    record ReconsentView(UUID subject, String dueMonth) {
        static ReconsentView of(ReconsentDue d) {
            return new ReconsentView(d.subject().value(), d.dueMonth().toString());
        }
    }
}
