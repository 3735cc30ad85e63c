package org.safereg.privacy.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.safereg.keys.DataCategory;
import org.safereg.privacy.LegalBasis;
import org.safereg.privacy.PurposeCode;
import org.safereg.privacy.sharing.RecipientId;

/** What a consent declaration may answer: never vital interest, never a prohibited purpose. */
class PurposeConsentTest {

    private static PurposeConsent answer(String purpose, LegalBasis basis) {
        return new PurposeConsent(PurposeCode.of(purpose), basis, Set.of(DataCategory.DEMOGRAPHIC),
                Set.of(RecipientId.of("ICRC")), Optional.empty(), ConsentStatus.GIVEN);
    }

    @Test
    void vitalInterestCannotBeDeclaredItComesOnlyFromABreakGlassGrant() {
        for (String purpose : new String[] {"PROT.FAMILY_TRACING", "ASSIST.CASH", "REG.ENROL"}) {
            assertThatThrownBy(() -> answer(purpose, LegalBasis.VITAL_INTEREST))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("break-glass");
        }
    }

    @Test
    void aProhibitedPurposeCannotBeConsentedTo() {
        for (String purpose : new String[] {"LAW_ENFORCEMENT", "IMMIGRATION_ENFORCEMENT", "MILITARY", "COMMERCIAL"}) {
            assertThatThrownBy(() -> answer(purpose, LegalBasis.CONSENT))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("prohibited");
        }
    }

    @Test
    void otherBasesAndTheRecipientsNamedAreKept() {
        PurposeConsent tracing = answer("PROT.FAMILY_TRACING", LegalBasis.CONSENT);
        assertThat(tracing.recipients()).containsExactly(RecipientId.of("ICRC"));
        assertThat(answer("ASSIST.CASH", LegalBasis.PUBLIC_INTEREST_MANDATE).basis())
                .isEqualTo(LegalBasis.PUBLIC_INTEREST_MANDATE);
    }
}
