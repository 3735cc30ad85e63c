package org.safereg.privacy.statistics;

import java.util.List;
import java.util.Map;
import org.safereg.privacy.statistics.MoveSearch.Move;

/**
 * A proof that a withheld cell can take another value: moves applied in sequence to the published table,
 * {@code step t} adding {@code t} times each corner's sign to the corner. If every corner of every move is
 * withheld, every move leaves every additivity equation unchanged, and no cell goes negative after any step,
 * then each intermediate table is a non-negative integer table consistent with everything published, and the
 * cell's value in it is attained. A single step of {@link MoveSearch#UNLIMITED} proves the cell unbounded
 * above (its move has no negative corner, so any multiple of it may be added).
 *
 * <p>Made by {@link SecondarySuppression} for every cell it withholds or protects, checked by
 * {@link SuppressionAudit}, which trusts nothing in it. Immutable.
 */
record Witness(List<Step> steps) {
    /** One move and how far it is applied (negative: the opposite way). */
    record Step(Move move, long t) {}

    Witness {
        steps = List.copyOf(steps);
    }

    static Witness of(Move move, long t) {
        return new Witness(List.of(new Step(move, t)));
    }

    /**
     * How far the witness shifts {@code cell}, {@link MoveSearch#UNLIMITED} for a single unlimited step through it,
     * assuming the witness holds (for witnesses built from the working table of a {@link MoveSearch}; the
     * {@link Checker} trusts nothing).
     */
    long shiftOf(int cell) {
        long shift = 0;
        for (Step step : steps) {
            int[] cells = step.move().cells();
            for (int i = 0; i < cells.length; i++) {
                if (cells[i] == cell) {
                    if (step.t() == MoveSearch.UNLIMITED) {
                        return step.move().signs()[i] > 0 ? MoveSearch.UNLIMITED : 0;
                    }
                    shift += step.t() * step.move().signs()[i];
                }
            }
        }
        return shift;
    }

    /** Marks a witness that does not hold. */
    static final long INVALID = Long.MIN_VALUE;

    /**
     * Checks witnesses against one table and pattern; moves shared by several witnesses are checked once.
     * Thread-safe.
     */
    static final class Checker {
        private final CountTable table;
        private final boolean[] withheld;
        private final Equations equations;
        private final Map<Move, Boolean> additive = new java.util.concurrent.ConcurrentHashMap<>();

        Checker(CountTable table, boolean[] withheld) {
            this.table = table;
            this.withheld = withheld;
            this.equations = table.equations();
        }

        /**
         * How far the witness shifts {@code cell} ({@link MoveSearch#UNLIMITED} if without limit), or
         * {@link #INVALID} if the witness does not hold.
         */
        long shift(Witness witness, int cell) {
            if (witness.steps().size() == 1 && witness.steps().get(0).t() == MoveSearch.UNLIMITED) {
                return unlimited(witness.steps().get(0).move(), cell);
            }
            Map<Integer, Long> delta = delta(witness);
            return delta == null ? INVALID : delta.getOrDefault(cell, 0L);
        }

        CountTable table() {
            return table;
        }

        /**
         * The change the witness makes to each cell it touches, or null if it does not hold (or is unlimited:
         * no single table).
         */
        Map<Integer, Long> delta(Witness witness) {
            Map<Integer, Long> delta = new java.util.HashMap<>();
            for (Step step : witness.steps()) {
                Move move = step.move();
                if (step.t() == MoveSearch.UNLIMITED || !additive.computeIfAbsent(move, this::checkMove)) {
                    return null;
                }
                for (int i = 0; i < move.cells().length; i++) {
                    int corner = move.cells()[i];
                    long d = delta.merge(corner, Math.multiplyExact(step.t(), move.signs()[i]), Long::sum);
                    if (table.count(corner) + d < 0) {
                        return null;
                    }
                }
            }
            return delta;
        }

        /** A move applied without limit: valid if it has no negative corner, and then shifts its cells up. */
        private long unlimited(Move move, int cell) {
            if (!additive.computeIfAbsent(move, this::checkMove)) {
                return INVALID;
            }
            int signOfCell = 0;
            for (int i = 0; i < move.cells().length; i++) {
                if (move.signs()[i] < 0) {
                    return INVALID;
                }
                if (move.cells()[i] == cell) {
                    signOfCell = move.signs()[i];
                }
            }
            return signOfCell > 0 ? MoveSearch.UNLIMITED : INVALID;
        }

        /** Every corner withheld and every equation through a corner unchanged by the move. */
        private boolean checkMove(Move move) {
            Map<Integer, Integer> sign = new java.util.HashMap<>();
            for (int i = 0; i < move.cells().length; i++) {
                if (!withheld[move.cells()[i]] || sign.put(move.cells()[i], move.signs()[i]) != null) {
                    return false;
                }
            }
            for (int corner : move.cells()) {
                for (int j = 0; j < equations.degree(corner); j++) {
                    int e = equations.equationOf(corner, j);
                    long sum = 0;
                    for (int m = 0; m < equations.size(e); m++) {
                        sum += Equations.sign(m) * sign.getOrDefault(equations.member(e, m), 0);
                    }
                    if (sum != 0) {
                        return false;
                    }
                }
            }
            return true;
        }
    }
}
