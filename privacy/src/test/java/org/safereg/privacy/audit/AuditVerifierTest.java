package org.safereg.privacy.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safereg.keys.LocalKeystoreKekProvider;
import org.safereg.keys.ProviderSignature;
import org.safereg.keys.SubjectId;
import org.safereg.privacy.PseudonymDomain;
import org.safereg.privacy.Pseudonymizer;

class AuditVerifierTest {
    private static final Instant START = Instant.parse("2025-03-01T08:00:00.000001Z");

    @TempDir
    static Path dir;
    static LocalKeystoreKekProvider kek;
    static LocalKeystoreKekProvider otherKeystore;
    static Pseudonymizer pseudonyms;

    private List<ChainedAuditEvent> rows;
    private AuditVerifier verifier;

    @BeforeAll
    static void openKeystores() {
        kek = LocalKeystoreKekProvider.openOrCreate(dir.resolve("kek.bcfks"), "audit".toCharArray());
        otherKeystore = LocalKeystoreKekProvider.openOrCreate(dir.resolve("other.bcfks"), "other".toCharArray());
        pseudonyms = new Pseudonymizer(kek);
    }

    @BeforeEach
    void writeChain() {
        verifier = new AuditVerifier(kek);
        rows = new ArrayList<>();
        byte[] previous = AuditChain.GENESIS;
        for (int i = 1; i <= 10; i++) {
            ChainedAuditEvent row = AuditChain.link(i, event(i), previous);
            rows.add(row);
            previous = row.hash();
        }
    }

    @Test
    void intactChainWithCheckpointsVerifies() {
        AuditVerification result = verifier.verify(rows.iterator(), List.of(checkpoint(10), checkpoint(4)));

        assertThat(result.intact()).isTrue();
        assertThat(result).isEqualTo(new AuditVerification(10, 2, Optional.empty(), Optional.empty()));
    }

    @Test
    void emptyChainWithoutCheckpointsIsIntact() {
        assertThat(verifier.verify(Collections.emptyIterator(), List.of()))
                .isEqualTo(new AuditVerification(0, 0, Optional.empty(), Optional.empty()));
    }

    @Test
    void editedFieldIsDetectedAtItsRow() {
        ChainedAuditEvent original = rows.get(5);
        AuditEvent e = original.event();
        AuditEvent edited = new AuditEvent(e.at(), "someone-else", e.role(), e.purpose(), e.action(), e.subject(),
                e.requestId(), e.outcome());
        rows.set(5, new ChainedAuditEvent(6, edited, original.previousHash(), original.hash()));

        assertBrokenAt(verifier.verify(rows.iterator(), List.of()), 6, "edited row");
    }

    @Test
    void editedRowWithRecomputedHashBreaksTheNextLink() {
        ChainedAuditEvent original = rows.get(5);
        AuditEvent e = original.event();
        AuditEvent edited = new AuditEvent(e.at(), e.actor(), e.role(), e.purpose(), e.action(), e.subject(),
                e.requestId(), org.safereg.privacy.audit.AuditOutcome.DENIED);
        rows.set(5, AuditChain.link(6, edited, original.previousHash()));

        assertBrokenAt(verifier.verify(rows.iterator(), List.of()), 7, "previous-hash link broken");
    }

    @Test
    void deletedRowIsDetected() {
        rows.remove(3);

        AuditVerification result = verifier.verify(rows.iterator(), List.of());

        assertBrokenAt(result, 4, "missing");
        assertThat(result.rowsChecked()).isEqualTo(4);
    }

    @Test
    void deletedRowWithRenumberedSuccessorsIsDetected() {
        List<ChainedAuditEvent> renumbered = new ArrayList<>(rows.subList(0, 3));
        for (ChainedAuditEvent later : rows.subList(4, rows.size())) {
            renumbered.add(new ChainedAuditEvent(later.sequence() - 1, later.event(), later.previousHash(), later.hash()));
        }

        assertBrokenAt(verifier.verify(renumbered.iterator(), List.of()), 4, "previous-hash link broken");
    }

    @Test
    void swappedRowsAreDetected() {
        Collections.swap(rows, 2, 3);

        assertBrokenAt(verifier.verify(rows.iterator(), List.of()), 3, "missing");
    }

    @Test
    void swappedRowContentsUnderTheirOriginalSequenceNumbersAreDetected() {
        ChainedAuditEvent third = rows.get(2);
        ChainedAuditEvent fourth = rows.get(3);
        rows.set(2, new ChainedAuditEvent(3, fourth.event(), fourth.previousHash(), fourth.hash()));
        rows.set(3, new ChainedAuditEvent(4, third.event(), third.previousHash(), third.hash()));

        assertBrokenAt(verifier.verify(rows.iterator(), List.of()), 3, "previous-hash link broken");
    }

    @Test
    void rowsGoingBackwardsAreReportedAsOutOfOrder() {
        List<ChainedAuditEvent> replayed = new ArrayList<>(rows.subList(0, 3));
        replayed.add(rows.get(1));

        assertBrokenAt(verifier.verify(replayed.iterator(), List.of()), 4, "out of order");
    }

    @Test
    void chainNotStartingAtOneIsDetected() {
        assertBrokenAt(verifier.verify(rows.subList(1, rows.size()).iterator(), List.of()), 1, "missing");
    }

    @Test
    void truncatedTailBelowACheckpointIsDetected() {
        List<AuditCheckpoint> checkpoints = List.of(checkpoint(4), checkpoint(8));

        AuditVerification result = verifier.verify(rows.subList(0, 6).iterator(), checkpoints);

        assertBrokenAt(result, 7, "truncated");
        assertThat(result.rowsChecked()).isEqualTo(6);
        assertThat(result.checkpointsChecked()).isEqualTo(2);
    }

    @Test
    void truncationWithoutACheckpointAboveIsUndetectable() {
        assertThat(verifier.verify(rows.subList(0, 6).iterator(), List.of(checkpoint(4))).intact()).isTrue();
    }

    @Test
    void rewrittenChainIsDetectedByTheCheckpoint() {
        List<ChainedAuditEvent> rewritten = new ArrayList<>();
        byte[] previous = AuditChain.GENESIS;
        for (ChainedAuditEvent row : rows) {
            AuditEvent e = row.event();
            AuditEvent forged = row.sequence() == 2
                    ? new AuditEvent(e.at(), "innocent", e.role(), e.purpose(), e.action(), e.subject(), e.requestId(), e.outcome())
                    : e;
            ChainedAuditEvent relinked = AuditChain.link(row.sequence(), forged, previous);
            rewritten.add(relinked);
            previous = relinked.hash();
        }

        assertThat(verifier.verify(rewritten.iterator(), List.of()).intact()).isTrue();
        assertBrokenAt(verifier.verify(rewritten.iterator(), List.of(checkpoint(5))), 5, "chain rewritten");
    }

    @Test
    void forgedCheckpointSignatureIsDetected() {
        AuditCheckpoint genuine = checkpoint(5);
        byte[] value = genuine.signature().value();
        value[0] ^= 1;
        AuditCheckpoint tampered = new AuditCheckpoint(5, genuine.headHash(), genuine.signedAt(),
                new ProviderSignature(genuine.signature().keyId(), genuine.signature().algorithm(), value));

        assertBrokenAt(verifier.verify(rows.iterator(), List.of(tampered)), 5, "signature invalid");
    }

    @Test
    void checkpointSignedByAnotherKeyIsDetected() {
        ChainedAuditEvent head = rows.get(6);
        AuditCheckpoint foreign = AuditCheckpoint.sign(otherKeystore, head, START.plusSeconds(99));

        assertBrokenAt(verifier.verify(rows.iterator(), List.of(foreign)), 7, "signature invalid");
    }

    @Test
    void checkpointMovedToAnotherSequenceOrTimeIsDetected() {
        AuditCheckpoint genuine = checkpoint(5);
        AuditCheckpoint moved = new AuditCheckpoint(9, genuine.headHash(), genuine.signedAt(), genuine.signature());
        AuditCheckpoint redated = new AuditCheckpoint(5, genuine.headHash(), genuine.signedAt().plusSeconds(1), genuine.signature());

        assertBrokenAt(verifier.verify(rows.iterator(), List.of(moved)), 9, "signature invalid");
        assertBrokenAt(verifier.verify(rows.iterator(), List.of(redated)), 5, "signature invalid");
    }

    @Test
    void forgedCheckpointBeyondTheEndIsReportedAsForgedNotTruncated() {
        AuditCheckpoint genuine = checkpoint(10);
        AuditCheckpoint forged = new AuditCheckpoint(12, genuine.headHash(), genuine.signedAt(), genuine.signature());

        assertBrokenAt(verifier.verify(rows.iterator(), List.of(forged)), 12, "signature invalid");
    }

    @Test
    void checkpointSignedMessageSurvivesMicrosecondStorage() {
        AuditCheckpoint genuine = AuditCheckpoint.sign(kek, rows.get(2), START.plusNanos(123_456_789));
        AuditCheckpoint stored = new AuditCheckpoint(3, genuine.headHash(), genuine.signedAt(), genuine.signature());

        assertThat(genuine.signedAt().getNano() % 1000).isZero();
        assertThat(verifier.verify(rows.iterator(), List.of(stored)).intact()).isTrue();
    }

    @Test
    void problemsNameOnlySequenceNumbers() {
        ChainedAuditEvent original = rows.get(1);
        AuditEvent e = original.event();
        rows.set(1, new ChainedAuditEvent(2, new AuditEvent(e.at(), "x", e.role(), e.purpose(), e.action(),
                e.subject(), e.requestId(), e.outcome()), original.previousHash(), original.hash()));

        String problem = verifier.verify(rows.iterator(), List.of()).problem().orElseThrow();

        assertThat(problem).doesNotContain(e.actor()).doesNotContain(e.requestId())
                .doesNotContain(e.subject().orElseThrow().hex());
    }

    private static void assertBrokenAt(AuditVerification result, long sequence, String problem) {
        assertThat(result.intact()).isFalse();
        assertThat(result.firstBadSequence()).contains(sequence);
        assertThat(result.problem()).hasValueSatisfying(p -> assertThat(p).contains(problem));
    }

    private AuditCheckpoint checkpoint(long sequence) {
        return AuditCheckpoint.sign(kek, rows.get((int) sequence - 1), START.plus(Duration.ofMinutes(sequence)));
    }

    private static AuditEvent event(int i) {
        return new AuditEvent(START.plusMillis(i * 1001L), "officer-" + (i % 3), "REGISTRATION_OFFICER", "REG.ENROL",
                i % 2 == 0 ? "READ" : "ENROL", Optional.of(pseudonyms.of(PseudonymDomain.AUDIT, SubjectId.random())),
                "req-" + i, AuditOutcome.SUCCESS);
    }
}
