package org.safereg.privacy.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.safereg.privacy.Pseudonym;
import org.safereg.privacy.sharing.RecipientId;

class AuditChainTest {
    static final Instant AT = Instant.parse("2025-03-01T10:15:30.123456Z");
    static final AuditEvent EVENT = new AuditEvent(AT, "officer-1", "REGISTRATION_OFFICER", "REG.ENROL", "ENROL",
            Optional.of(new Pseudonym(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16})),
            "req-1", AuditOutcome.SUCCESS);

    @Test
    void hashIsDeterministicAndLinkRecordsIt() {
        ChainedAuditEvent row = AuditChain.link(1, EVENT, AuditChain.GENESIS);

        assertThat(row.hash()).hasSize(32).isEqualTo(AuditChain.hash(1, EVENT, AuditChain.GENESIS));
        assertThat(row.previousHash()).isEqualTo(AuditChain.GENESIS);
        assertThat(row.sequence()).isEqualTo(1);
        assertThat(row.event()).isEqualTo(EVENT);
    }

    @Test
    void hashCommitsToEveryFieldSequenceAndPreviousHash() {
        byte[] base = AuditChain.hash(1, EVENT, AuditChain.GENESIS);
        byte[] otherPrevious = new byte[32];
        otherPrevious[31] = 1;

        assertThat(AuditChain.hash(2, EVENT, AuditChain.GENESIS)).isNotEqualTo(base);
        assertThat(AuditChain.hash(1, EVENT, otherPrevious)).isNotEqualTo(base);
        for (UnaryOperator<AuditEvent> change : java.util.List.<UnaryOperator<AuditEvent>>of(
                e -> with(e, e.at().plusNanos(1000), e.actor(), e.role(), e.purpose(), e.action(), e.subject(), e.requestId(), e.outcome()),
                e -> with(e, e.at(), "officer-2", e.role(), e.purpose(), e.action(), e.subject(), e.requestId(), e.outcome()),
                e -> with(e, e.at(), e.actor(), "PROTECTION_OFFICER", e.purpose(), e.action(), e.subject(), e.requestId(), e.outcome()),
                e -> with(e, e.at(), e.actor(), e.role(), "REG.VERIFY", e.action(), e.subject(), e.requestId(), e.outcome()),
                e -> with(e, e.at(), e.actor(), e.role(), e.purpose(), "READ", e.subject(), e.requestId(), e.outcome()),
                e -> with(e, e.at(), e.actor(), e.role(), e.purpose(), e.action(), Optional.empty(), e.requestId(), e.outcome()),
                e -> with(e, e.at(), e.actor(), e.role(), e.purpose(), e.action(), Optional.of(new Pseudonym(new byte[16])), e.requestId(), e.outcome()),
                e -> with(e, e.at(), e.actor(), e.role(), e.purpose(), e.action(), e.subject(), "req-2", e.outcome()),
                e -> with(e, e.at(), e.actor(), e.role(), e.purpose(), e.action(), e.subject(), e.requestId(), AuditOutcome.DENIED))) {
            assertThat(AuditChain.hash(1, change.apply(EVENT), AuditChain.GENESIS)).isNotEqualTo(base);
        }
    }

    @Test
    void encodingIsUnambiguousAcrossFieldBoundaries() {
        AuditEvent a = with(EVENT, AT, "ab", "c", EVENT.purpose(), EVENT.action(), Optional.empty(), "", EVENT.outcome());
        AuditEvent b = with(EVENT, AT, "a", "bc", EVENT.purpose(), EVENT.action(), Optional.empty(), "", EVENT.outcome());
        AuditEvent emptySubject = with(EVENT, AT, "a", "bc", EVENT.purpose(), EVENT.action(), Optional.of(new Pseudonym(new byte[0])), "", EVENT.outcome());

        assertThat(AuditChain.hash(1, a, AuditChain.GENESIS)).isNotEqualTo(AuditChain.hash(1, b, AuditChain.GENESIS));
        assertThat(AuditChain.hash(1, b, AuditChain.GENESIS)).isNotEqualTo(AuditChain.hash(1, emptySubject, AuditChain.GENESIS));
    }

    @Test
    void timeIsHashedAtMicrosecondPrecisionLikeTimestamptz() {
        AuditEvent withNanos = with(EVENT, AT.plusNanos(789), EVENT.actor(), EVENT.role(), EVENT.purpose(),
                EVENT.action(), EVENT.subject(), EVENT.requestId(), EVENT.outcome());

        assertThat(AuditChain.hash(1, withNanos, AuditChain.GENESIS)).isEqualTo(AuditChain.hash(1, EVENT, AuditChain.GENESIS));
    }

    @Test
    void pinnedHashOfAKnownEventGuardsTheEncoding() {
        assertThat(java.util.HexFormat.of().formatHex(AuditChain.hash(1, EVENT, AuditChain.GENESIS)))
                .isEqualTo(ReferenceEncoding.hexHash(1, EVENT, AuditChain.GENESIS));
    }

    @Test
    void recipientIsHashedOnlyWhenPresentSoEarlierRowsKeepTheirHash() {
        AuditEvent disclosed = new AuditEvent(AT, EVENT.actor(), EVENT.role(), "ASSIST.CASH", "TRANSFER",
                EVENT.subject(), EVENT.requestId(), EVENT.outcome(), Optional.of(RecipientId.of("WFP-SO")));
        AuditEvent otherRecipient = new AuditEvent(AT, EVENT.actor(), EVENT.role(), "ASSIST.CASH", "TRANSFER",
                EVENT.subject(), EVENT.requestId(), EVENT.outcome(), Optional.of(RecipientId.of("WFP-KE")));
        AuditEvent internal = new AuditEvent(AT, EVENT.actor(), EVENT.role(), "ASSIST.CASH", "TRANSFER",
                EVENT.subject(), EVENT.requestId(), EVENT.outcome());

        assertThat(AuditChain.hash(1, disclosed, AuditChain.GENESIS))
                .isNotEqualTo(AuditChain.hash(1, internal, AuditChain.GENESIS))
                .isNotEqualTo(AuditChain.hash(1, otherRecipient, AuditChain.GENESIS));
        assertThat(java.util.HexFormat.of().formatHex(AuditChain.hash(1, disclosed, AuditChain.GENESIS)))
                .isEqualTo(ReferenceEncoding.hexHash(1, disclosed, AuditChain.GENESIS));
        assertThat(java.util.HexFormat.of().formatHex(AuditChain.hash(1, internal, AuditChain.GENESIS)))
                .isEqualTo(ReferenceEncoding.hexHash(1, internal, AuditChain.GENESIS));
    }

    @Test
    void rejectsBadSequenceAndPreviousHash() {
        assertThatThrownBy(() -> AuditChain.hash(0, EVENT, AuditChain.GENESIS)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuditChain.hash(1, EVENT, new byte[31])).isInstanceOf(IllegalArgumentException.class);
    }

    static AuditEvent with(AuditEvent e, Instant at, String actor, String role, String purpose, String action,
                           Optional<Pseudonym> subject, String requestId, AuditOutcome outcome) {
        return new AuditEvent(at, actor, role, purpose, action, subject, requestId, outcome);
    }
}
