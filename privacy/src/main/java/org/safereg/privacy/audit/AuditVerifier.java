package org.safereg.privacy.audit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.safereg.keys.KekProvider;

/**
 * Verifies a stored audit chain, streaming: rows must come in storage order of sequence number, starting at 1.
 * Detects an edited row (its hash no longer matches its content), a deleted or reordered row (the sequence
 * skips ahead or goes backwards), a broken link (previous hash not the preceding row's hash) and, with
 * checkpoints, a forged checkpoint (bad signature), a rewritten chain (the row at a checkpoint's sequence has
 * another hash) and a truncated tail (a checkpoint beyond the last row).
 *
 * <p>Stops at the first problem and reports its sequence number and a description that names only sequence
 * numbers, never audit content. Checkpoints are checked when the stream reaches their sequence, so the
 * reported problem is the earliest one in chain order. Not thread-safe per call (it consumes the iterator);
 * the instance itself is stateless. Cost: one SHA-256 per row, one signature verification per checkpoint;
 * memory is constant in the number of rows.
 */
public final class AuditVerifier {
    private final KekProvider signatureVerifier;

    public AuditVerifier(KekProvider signatureVerifier) {
        this.signatureVerifier = Objects.requireNonNull(signatureVerifier, "signatureVerifier");
    }

    public AuditVerification verify(Iterator<ChainedAuditEvent> rows, List<AuditCheckpoint> checkpoints) {
        List<AuditCheckpoint> sorted = new ArrayList<>(checkpoints);
        sorted.sort(Comparator.comparingLong(AuditCheckpoint::sequence));
        Deque<AuditCheckpoint> pending = new ArrayDeque<>(sorted);
        long rowsChecked = 0;
        long checkpointsChecked = 0;
        long expected = 1;
        byte[] previousHash = AuditChain.GENESIS;

        while (rows.hasNext()) {
            ChainedAuditEvent row = rows.next();
            rowsChecked++;
            long sequence = row.sequence();
            if (sequence != expected) {
                String problem = sequence > expected
                        ? "row(s) missing or out of order: expected sequence " + expected + ", found " + sequence
                        : "rows out of order or repeated: sequence " + sequence + " after " + (expected - 1);
                return broken(rowsChecked, checkpointsChecked, expected, problem);
            }
            if (!Arrays.equals(row.previousHash(), previousHash)) {
                return broken(rowsChecked, checkpointsChecked, sequence,
                        "previous-hash link broken at sequence " + sequence + " (a preceding row was removed or altered)");
            }
            byte[] hash = AuditChain.hash(sequence, row.event(), row.previousHash());
            if (!Arrays.equals(hash, row.hash())) {
                return broken(rowsChecked, checkpointsChecked, sequence,
                        "row content does not match its hash at sequence " + sequence + " (edited row)");
            }
            while (!pending.isEmpty() && pending.peekFirst().sequence() <= sequence) {
                AuditCheckpoint checkpoint = pending.removeFirst();
                checkpointsChecked++;
                Optional<String> problem = signatureProblem(checkpoint);
                if (problem.isEmpty() && !Arrays.equals(checkpoint.headHash(), hash)) {
                    problem = Optional.of("row at sequence " + sequence + " differs from the signed checkpoint"
                            + " (chain rewritten)");
                }
                if (problem.isPresent()) {
                    return broken(rowsChecked, checkpointsChecked, checkpoint.sequence(), problem.get());
                }
            }
            previousHash = hash;
            expected = sequence + 1;
        }

        if (!pending.isEmpty()) {
            AuditCheckpoint beyondEnd = pending.removeFirst();
            checkpointsChecked++;
            Optional<String> forged = signatureProblem(beyondEnd);
            return forged.isPresent()
                    ? broken(rowsChecked, checkpointsChecked, beyondEnd.sequence(), forged.get())
                    : broken(rowsChecked, checkpointsChecked, expected, "chain truncated: checkpoint at sequence "
                            + beyondEnd.sequence() + " but the last row is " + (expected - 1));
        }
        return new AuditVerification(rowsChecked, checkpointsChecked, Optional.empty(), Optional.empty());
    }

    private Optional<String> signatureProblem(AuditCheckpoint checkpoint) {
        boolean valid = checkpoint.sequence() >= 1 && checkpoint.headHash().length == AuditChain.HASH_LENGTH
                && signatureVerifier.verify(checkpoint.signedMessage(), checkpoint.signature());
        return valid ? Optional.empty()
                : Optional.of("checkpoint signature invalid at sequence " + checkpoint.sequence() + " (forged checkpoint)");
    }

    private static AuditVerification broken(long rows, long checkpoints, long firstBad, String problem) {
        return new AuditVerification(rows, checkpoints, Optional.of(firstBad), Optional.of(problem));
    }
}
