package org.safereg.privacy.statistics;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.safereg.privacy.statistics.MoveSearch.Direction;
import org.safereg.privacy.statistics.MoveSearch.Move;

/**
 * Pipeline stage 2: complementary suppression by moves (the hypercube method generalised to hierarchies,
 * in the spirit of GHMITER). Every withheld cell with true value {@code v}, complementary cells included, must be
 * able to shift up by {@code k} and down by {@code min(v, k)} (see {@link SuppressionAudit}): for each, withhold the
 * corners of the cheapest {@linkplain Moves move} through it that can shift it that far without any corner going
 * negative; for every primary cell holding at least the group-disclosure share of a sensitive line, also moves that
 * keep the line total and take it below the share. Moves never touch a cell an earlier release published. The move
 * is then itself the proof ({@link Witness}) of the range of every corner it has, so cells it withholds often need
 * nothing more; a cell it leaves short of {@code +/- k} (a complement whose move runs through a primary cell of
 * {@code v < k} shifts by {@code v} only on one side) is protected in its turn, until every withheld cell is. Cost
 * of a move: the persons in the cells it newly withholds plus one per cell (cells already withheld are free, so
 * moves share complements).
 *
 * <p>When no single move suffices (a margin whose children are each smaller than it, for example), the
 * shifts are reached by several moves in sequence on a working table, each the cheapest reaching as far as
 * possible (halving the goal until one is found), and the witness is the sequence. In a sparse region where the
 * search finds none within its budget, an {@linkplain MoveSearch#exchange exchange} with climbs to the margins (the
 * cheapest over the dimensions, never withholding the grand total), and only if none exists the move of last
 * resort ({@link MoveSearch#allPositive}), unless an earlier release published one of its corners. Primary cells
 * are protected deepest first (leaves before
 * margins: the margins' moves can then reuse the leaves' complements; on the benchmark table this withholds
 * about an eighth fewer cells than the other way round), smallest first within a depth, then the cells withheld
 * for them in the order they were withheld. Greedy and not optimal (optimal secondary suppression is NP-hard).
 *
 * <p>Cost: one branch-and-bound search per withheld cell not already proven by the moves before it (more for
 * cells needing several moves), bounded by {@link MoveSearch#BUDGET}. An instance accumulates one table's pattern
 * across repair rounds and is confined to one thread.
 */
final class SecondarySuppression {
    private final CountTable table;
    private final SuppressionReason[] reasons;
    private final boolean[] withheld;
    private final int k;
    private final SuppressionRules rules;
    private final MoveSearch search;
    private final Map<Integer, List<Witness>> witnesses = new HashMap<>();
    /** Withheld cells other than primary ones not yet given their own {@code +/- k}. */
    private final Deque<Integer> unprotected = new ArrayDeque<>();

    SecondarySuppression(SuppressionPattern primary, Moves moves, SuppressionRules rules, boolean[] known) {
        this.table = primary.table();
        this.reasons = primary.reasons();
        this.withheld = new boolean[reasons.length];
        for (int i = 0; i < reasons.length; i++) {
            withheld[i] = reasons[i] != null;
            if (withheld[i] && !reasons[i].primary() && !known[i]) {
                unprotected.add(i);
            }
        }
        this.k = rules.k();
        this.rules = rules;
        this.search = new MoveSearch(moves, withheld, false, known);
    }

    /** Protects every primary cell, deepest first, then every other withheld cell. */
    void protectAll() {
        List<Integer> cells = new ArrayList<>();
        for (int i = 0; i < reasons.length; i++) {
            if (reasons[i] != null && reasons[i].primary()) {
                cells.add(i);
            }
        }
        cells.sort(Comparator.comparingInt((Integer i) -> -table.depth(i)).thenComparingLong(table::count)
                .thenComparingInt(i -> i));
        for (int cell : cells) {
            protect(cell);
        }
        protectOthers();
    }

    /** Protects again each cell an audit found under-protected, with fresh witnesses. */
    void widen(List<Integer> underProtected) {
        for (int cell : underProtected) {
            witnesses.remove(cell);
            protect(cell);
        }
        protectOthers();
    }

    SuppressionPattern pattern() {
        return new SuppressionPattern(table, reasons);
    }

    /** The witnesses of every withheld cell protected so far (live view). */
    Map<Integer, List<Witness>> witnesses() {
        return Collections.unmodifiableMap(witnesses);
    }

    private void protect(int cell) {
        if (reasons[cell].primary()) {
            for (int total : SuppressionAudit.dominatedLines(table, cell, rules.groupDisclosureShare())) {
                refuteShare(cell, total);
            }
        }
        protectPlusMinusK(cell);
    }

    /** Gives each withheld cell not yet protected in its own right its {@code +/- k}, the cells this withholds too. */
    private void protectOthers() {
        while (!unprotected.isEmpty()) {
            protectPlusMinusK(unprotected.poll());
        }
    }

    /**
     * Withholds what the cell still needs to shift up by {@code k} and down by {@code min(v, k)}: one move for both
     * if neither is proven yet and one exists, else moves in sequence for each side still short.
     */
    private void protectPlusMinusK(int cell) {
        long down = Math.min(table.count(cell), k);
        long[] proven = provenShifts(cell);
        boolean upShort = proven[0] < k;
        boolean downShort = proven[1] < down;
        if (upShort && downShort) {
            search.reset();
            Move move = search.cheapest(cell, k, down);
            if (move != null) {
                withhold(move, Witness.of(move, move.up()), Witness.of(move, -move.down()));
                return;
            }
        }
        if (upShort) {
            cover(cell, Direction.UP, k);
        }
        if (downShort) {
            cover(cell, Direction.DOWN, down);
        }
    }

    /** How far up and down the cell's witnesses so far shift it (built here, hence valid). */
    private long[] provenShifts(int cell) {
        long[] shifts = new long[2];
        for (Witness w : witnesses.getOrDefault(cell, List.of())) {
            long shift = w.shiftOf(cell);
            shifts[0] = Math.max(shifts[0], shift);
            shifts[1] = Math.max(shifts[1], shift == MoveSearch.UNLIMITED ? 0 : -shift);
        }
        return shifts;
    }

    /**
     * Group disclosure: withholds moves that keep the line total and take the cell below the share of its line
     * (their partners are other categories of the line, zeros included): the cheapest reaching the needed
     * shift, else the widest, in sequence until the shift is reached, and records them as the cell's witness
     * that the release does not say "all or nearly all". Where the widest falls short (in a sparse table the
     * cells that would fall with it are small), the {@linkplain MoveSearch#exchange exchange} with climbs to the
     * grand totals if it goes further (it reaches as far as the cell's smallest descent). Nothing is recorded if
     * the shift cannot be reached; the audit then fails the cell.
     */
    private void refuteShare(int cell, int total) {
        long need = SuppressionAudit.shareShift(table.count(cell), table.count(total), rules.groupDisclosureShare());
        search.reset();
        search.forbid(total);
        List<Witness.Step> steps = new ArrayList<>();
        long remaining = need;
        while (remaining > 0) {
            Move move = search.cheapest(cell, 0, remaining);
            if (move == null) {
                move = search.widest(cell, Direction.DOWN, remaining);
            }
            if (move == null || move.down() < remaining) {
                Move exchange = search.exchange(cell, lineDimension(cell, total), Direction.DOWN, remaining);
                if (exchange != null
                        && (move == null || MoveSearch.better(exchange, move, Direction.DOWN, remaining))) {
                    move = exchange;
                }
            }
            if (move == null || move.down() == 0) {
                break;
            }
            long step = Math.min(move.down(), remaining);
            steps.add(new Witness.Step(move, -step));
            withhold(move, new Witness(steps));
            search.apply(move, Direction.DOWN, step);
            remaining -= step;
        }
        search.forbid(-1);
    }

    /** The dimension along which {@code total} is the total of the cell's line. */
    private int lineDimension(int cell, int total) {
        int d = 0;
        while (table.node(cell, d) == table.node(total, d)) {
            d++;
        }
        return d;
    }

    /**
     * Withholds moves in sequence until the cell can shift by {@code need} in {@code direction}, and records
     * the sequence as its witness; stops short if even the move of last resort is barred (by a cell an earlier
     * release published), leaving the audit to fail the cell.
     */
    private void cover(int cell, Direction direction, long need) {
        search.reset();
        List<Witness.Step> steps = new ArrayList<>();
        long remaining = need;
        while (remaining > 0) {
            Move move = search.cheapestTowards(cell, direction, remaining);
            if (move == null) {
                move = exchange(cell, direction, remaining);
            }
            if (move == null) {
                move = search.allPositive(cell);
            }
            if (move == null || move.reach(direction) == 0) {
                return;
            }
            long step = Math.min(move.reach(direction), remaining);
            steps.add(new Witness.Step(move, direction == Direction.UP ? step : -step));
            withhold(move, new Witness(steps));
            search.apply(move, direction, step);
            remaining -= step;
        }
    }

    /** Of the exchanges through the cell in every dimension, the cheapest reaching the shift, else the furthest. */
    private Move exchange(int cell, Direction direction, long shift) {
        Move best = null;
        for (int d = 0; d < table.dimensionCount(); d++) {
            Move move = search.exchange(cell, d, direction, shift);
            if (move != null && (best == null || MoveSearch.better(move, best, direction, shift))) {
                best = move;
            }
        }
        return best;
    }

    private void prove(int cell, Witness witness) {
        witnesses.computeIfAbsent(cell, c -> new ArrayList<>()).add(witness);
    }

    /**
     * Withholds the move's corners and records the proofs for every corner (each moves with the move, as every
     * corner of a proof's moves is withheld); a newly withheld cell also waits for its own {@code +/- k}.
     */
    private void withhold(Move move, Witness... proofs) {
        for (int c : move.cells()) {
            if (!withheld[c]) {
                withheld[c] = true;
                reasons[c] = SuppressionReason.COMPLEMENTARY;
                unprotected.add(c);
            }
            for (Witness proof : proofs) {
                prove(c, proof);
            }
        }
    }
}
