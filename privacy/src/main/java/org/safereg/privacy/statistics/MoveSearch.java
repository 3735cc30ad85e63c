package org.safereg.privacy.statistics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds moves through a cell (see {@link Moves}): tensor products of one additive vector per dimension,
 * explored depth-first, dimension by dimension, with the move's corners (the cells it changes) built up as
 * the product grows. A move can shift the cell up by {@code t} if every corner of sign {@code -1} holds at
 * least {@code t}, and down by {@code t} if every corner of sign {@code +1} (the cell included) does.
 *
 * <p>Two uses. The suppression asks for the {@linkplain #cheapest cheapest} move meeting given shifts, where
 * a corner costs nothing if already withheld and its count plus one otherwise (persons and cells lost),
 * by branch and bound. The audit, over withheld cells only, asks for any move meeting given shifts or for the
 * {@linkplain #widest widest} move in one direction. Values are those of a working table: the published counts plus the moves
 * {@linkplain #apply applied} since the last {@link #reset()}, so a shift too large for one move is reached
 * by several in sequence, each leaving a table consistent with every published cell.
 *
 * <p>The suppression tries, per dimension, the {@value #OPTIONS} vectors whose own corners (the cell moved
 * along that dimension only) are cheapest; the audit tries every vector whose own corners are withheld. Each
 * search explores at most {@value #BUDGET} partial moves ({@value #AUDIT_BUDGET} for the audit) and
 * then returns the best found. Not thread-safe: one instance per thread (the {@link Moves} may be shared).
 */
final class MoveSearch {
    /** Most partial moves explored per search. */
    static final int BUDGET = 2_000;
    /** Most partial moves explored per search over withheld cells only (the audit's, cheaper per step). */
    static final int AUDIT_BUDGET = 20_000;
    /** Most additive vectors tried per dimension (the best by their own corners' cost or reach). */
    static final int OPTIONS = 16;
    /** Marks a shift no corner limits. */
    static final long UNLIMITED = Long.MAX_VALUE;

    /** Which way the searched cell is to move. */
    enum Direction {
        UP, DOWN
    }

    /** A move's corners with their signs (the searched cell first, sign +1) and how far it can go. */
    record Move(int[] cells, int[] signs, long cost, long up, long down) {
        long reach(Direction direction) {
            return direction == Direction.UP ? up : down;
        }
    }

    private final Moves moves;
    private final CountTable table;
    private final boolean[] withheld;
    private final boolean withheldOnly;
    private final boolean[] known;
    private final Map<Integer, Long> shift = new HashMap<>();
    private int forbidden = -1;

    // state of the current search
    private int origin;
    private long needUp;
    private long needDown;
    private Direction widen;
    private long target;
    private int[] order;
    private Moves.Factor[][] options;
    private long[] floorCost;
    private int[] cells = new int[64];
    private int[] signs = new int[64];
    private int explored;
    private Move best;

    /**
     * @param withheld the pattern; read live, so the suppression sees the cells it adds
     * @param withheldOnly whether moves may only change withheld cells (the audit) or any (the suppression)
     * @param known cells the reader knows from earlier releases: never a corner
     */
    MoveSearch(Moves moves, boolean[] withheld, boolean withheldOnly, boolean[] known) {
        this.moves = moves;
        this.table = moves.table();
        this.withheld = withheld;
        this.withheldOnly = withheldOnly;
        this.known = known;
    }

    /**
     * Keeps the given cell out of every move until the next call ({@code -1}: none), for example the total of a
     * line whose share is to change.
     */
    void forbid(int cell) {
        this.forbidden = cell;
    }

    /** The working value of a cell. */
    long value(int cell) {
        if (shift.isEmpty()) {
            return table.count(cell);
        }
        Long s = shift.get(cell);
        return table.count(cell) + (s == null ? 0 : s);
    }

    /** Back to the published table. */
    void reset() {
        shift.clear();
    }

    /** Applies a found move to the working table: its first corner moves by {@code t} in {@code direction}. */
    void apply(Move move, Direction direction, long t) {
        long step = direction == Direction.UP ? t : -t;
        for (int i = 0; i < move.cells().length; i++) {
            shift.merge(move.cells()[i], move.signs()[i] * step, Long::sum);
        }
    }

    /**
     * The cheapest move through {@code cell} able to shift it up by {@code up} and down by {@code down} (0: that
     * direction is not required), or null if none was found.
     */
    Move cheapest(int cell, long up, long down) {
        return search(cell, up, down, null, 0);
    }

    /**
     * The cheapest move through {@code cell} reaching {@code goal} in {@code direction}, else half of it, and so on
     * down to 1; null if none is found.
     */
    Move cheapestTowards(int cell, Direction direction, long goal) {
        for (long g = goal; ; g = (g + 1) / 2) {
            Move move = direction == Direction.UP ? cheapest(cell, g, 0) : cheapest(cell, 0, g);
            if (move != null || g <= 1) {
                return move;
            }
        }
    }

    /**
     * Among moves through {@code cell} (over withheld cells only for the audit), one reaching furthest in
     * {@code direction}
     * (at least 1), stopping early once one reaches {@code enough}; null if none was found.
     */
    Move widest(int cell, Direction direction, long enough) {
        return search(cell, direction == Direction.UP ? 1 : 0, direction == Direction.DOWN ? 1 : 0, direction,
                enough);
    }

    /**
     * The move of last resort: {@code +1} on every ancestor of the cell and on one path down from it to a leaf,
     * chosen greedily through the children with the largest working values. It has no negative corner, so it
     * shifts the cell up without limit, and down by the smallest corner, at least 1 while the cell is not 0
     * (every corner is an ancestor of that leaf). It withholds the grand total. Null if a corner is known from an
     * earlier release.
     */
    Move allPositive(int cell) {
        int n = table.dimensionCount();
        int leaf = cell;
        for (int d = 0; d < n; d++) {
            leaf = descend(leaf, d, new ArrayList<>());
        }
        int count = 1;
        int[] corners = {leaf};
        for (int d = 0; d < n; d++) {
            Dimension dim = table.dimensions().get(d);
            int depth = dim.depth(table.node(leaf, d));
            int[] next = new int[count * (depth + 1)];
            int m = 0;
            for (int i = 0; i < count; i++) {
                for (int node = table.node(leaf, d); node >= 0; node = dim.parent(node)) {
                    next[m++] = table.withNode(corners[i], d, node);
                }
            }
            corners = next;
            count = m;
        }
        // the searched cell first
        for (int i = 0; i < corners.length; i++) {
            if (corners[i] == cell) {
                corners[i] = corners[0];
                corners[0] = cell;
            }
        }
        long cost = 0;
        long down = UNLIMITED;
        for (int c : corners) {
            if (known[c]) {
                return null;
            }
            cost += withheld[c] ? 0 : table.count(c) + 1;
            down = Math.min(down, value(c));
        }
        int[] plus = new int[corners.length];
        Arrays.fill(plus, 1);
        return new Move(corners, plus, cost, UNLIMITED, down);
    }

    /**
     * A move of last resort for a cell in a sparse region: an exchange with another category of the cell's line in
     * dimension {@code d} (with paths down to leaves where the nodes are inner ones; never the line's total), and in
     * every other dimension a climb from the cell (through its largest children down to a leaf, if it is not one)
     * up to the root. Going down, the corners that fall with the cell are the cell, its descents and the nodes
     * above it in the climbs (at the cell's category), so the move reaches as far as the cell's smallest descent;
     * going up, as far as the other category's smallest corner. It withholds the margins of both categories up to
     * the grand totals of the other dimensions, never the table's grand total. Of the exchanges in {@code d}, the
     * cheapest reaching {@code need} in {@code direction}, else the one reaching furthest; null if none reaches 1
     * (or each touches a known or forbidden cell).
     */
    Move exchange(int cell, int d, Direction direction, long need) {
        int n = table.dimensionCount();
        Moves.Factor[] vectors = new Moves.Factor[n];
        int leaf = cell;
        for (int e = 0; e < n; e++) {
            if (e != d) {
                Dimension dim = table.dimensions().get(e);
                List<Integer> nodes = new ArrayList<>();
                leaf = descend(leaf, e, nodes);
                for (int node = dim.parent(table.node(cell, e)); node >= 0; node = dim.parent(node)) {
                    nodes.add(node);
                }
                int[] plus = new int[nodes.size()];
                Arrays.fill(plus, 1);
                vectors[e] = new Moves.Factor(nodes.stream().mapToInt(Integer::intValue).toArray(), plus);
            }
        }
        int parent = table.dimensions().get(d).parent(table.node(cell, d));
        Move best = null;
        for (Moves.Factor f : moves.through(d, table.node(cell, d))) {
            boolean swap = false;
            boolean aboveCell = false;
            for (int i = 0; i < f.nodes().length; i++) {
                swap |= f.signs()[i] < 0;
                aboveCell |= f.nodes()[i] == parent;
            }
            if (!swap || aboveCell) {
                continue;
            }
            vectors[d] = f;
            Move move = product(cell, vectors);
            long reach = move == null ? 0 : move.reach(direction);
            if (reach == 0) {
                continue;
            }
            if (best == null || better(move, best, direction, need)) {
                best = move;
            }
        }
        return best;
    }

    /**
     * From {@code cell} down dimension {@code d} to a leaf through the children with the largest working values;
     * the nodes passed are added to {@code path}. Returns the cell reached.
     */
    private int descend(int cell, int d, List<Integer> path) {
        Dimension dim = table.dimensions().get(d);
        int at = cell;
        while (!dim.isLeaf(table.node(at, d))) {
            int bestChild = -1;
            long bestValue = -1;
            for (int child : dim.children(table.node(at, d))) {
                long v = value(table.withNode(at, d, child));
                if (v > bestValue) {
                    bestValue = v;
                    bestChild = child;
                }
            }
            path.add(bestChild);
            at = table.withNode(at, d, bestChild);
        }
        return at;
    }

    /** Whether {@code a} goes further than {@code b} towards {@code need}, or as far more cheaply. */
    static boolean better(Move a, Move b, Direction direction, long need) {
        long reachA = Math.min(a.reach(direction), need);
        long reachB = Math.min(b.reach(direction), need);
        return reachA > reachB || reachA == reachB && a.cost() < b.cost();
    }

    /** The tensor product of one vector per dimension through the cell; null if a corner is known or forbidden. */
    private Move product(int cell, Moves.Factor[] vectors) {
        int[] corners = {cell};
        int[] cornerSigns = {1};
        for (int e = 0; e < vectors.length; e++) {
            Moves.Factor vector = vectors[e];
            int size = corners.length * (vector.nodes().length + 1);
            int[] next = new int[size];
            int[] nextSigns = new int[size];
            int m = 0;
            for (int i = 0; i < corners.length; i++) {
                next[m] = corners[i];
                nextSigns[m++] = cornerSigns[i];
                for (int j = 0; j < vector.nodes().length; j++) {
                    next[m] = table.withNode(corners[i], e, vector.nodes()[j]);
                    nextSigns[m++] = cornerSigns[i] * vector.signs()[j];
                }
            }
            corners = next;
            cornerSigns = nextSigns;
        }
        long cost = 0;
        long up = UNLIMITED;
        long down = UNLIMITED;
        for (int i = 0; i < corners.length; i++) {
            int c = corners[i];
            if (known[c] || c == forbidden) {
                return null;
            }
            cost += withheld[c] ? 0 : table.count(c) + 1;
            if (cornerSigns[i] > 0) {
                down = Math.min(down, value(c));
            } else {
                up = Math.min(up, value(c));
            }
        }
        return new Move(corners, cornerSigns, cost, up, down);
    }

    /** Whether every corner of the move is withheld. */
    boolean withinPattern(Move move) {
        for (int c : move.cells()) {
            if (!withheld[c]) {
                return false;
            }
        }
        return true;
    }

    private Move search(int cell, long up, long down, Direction widen, long target) {
        this.origin = cell;
        this.needUp = up;
        this.needDown = down;
        this.widen = widen;
        this.target = target;
        this.best = null;
        this.explored = 0;
        if (down > value(cell)) {
            return null;
        }
        int n = table.dimensionCount();
        options = new Moves.Factor[n][];
        floorCost = new long[n + 1];
        long[] cheapestPerDimension = new long[n];
        Integer[] dims = new Integer[n];
        for (int d = 0; d < n; d++) {
            dims[d] = d;
            Moves.Factor[] all = moves.through(d, table.node(cell, d));
            Moves.Factor[] feasible = new Moves.Factor[all.length];
            long[] score = new long[all.length];
            int kept = 0;
            for (Moves.Factor f : all) {
                long cost = 0;
                long minNeg = UNLIMITED;
                long minPos = UNLIMITED;
                boolean ok = true;
                for (int j = 0; j < f.nodes().length && ok; j++) {
                    int corner = table.withNode(cell, d, f.nodes()[j]);
                    long v = value(corner);
                    if (f.signs()[j] < 0) {
                        ok = admissible(corner, v, -1);
                        minNeg = Math.min(minNeg, v);
                    } else {
                        ok = admissible(corner, v, 1);
                        minPos = Math.min(minPos, v);
                    }
                    cost += withheld[corner] ? 0 : table.count(corner) + 1;
                }
                if (ok) {
                    score[kept] = widen == null ? cost : -reach(minNeg, minPos);
                    feasible[kept++] = f;
                }
            }
            if (kept == 0) {
                return null;
            }
            Integer[] idx = new Integer[kept];
            for (int i = 0; i < kept; i++) {
                idx[i] = i;
            }
            Arrays.sort(idx, (a, b) -> Long.compare(score[a], score[b]));
            Moves.Factor[] sorted = new Moves.Factor[withheldOnly ? kept : Math.min(kept, OPTIONS)];
            for (int i = 0; i < sorted.length; i++) {
                sorted[i] = feasible[idx[i]];
            }
            options[d] = sorted;
            cheapestPerDimension[d] = widen == null ? score[idx[0]] : 0;
        }
        Arrays.sort(dims, (a, b) -> Integer.compare(options[a].length, options[b].length));
        order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = dims[i];
        }
        for (int level = n - 1; level >= 0; level--) {
            floorCost[level] = floorCost[level + 1] + cheapestPerDimension[order[level]];
        }
        cells[0] = cell;
        signs[0] = 1;
        explore(0, 1, 0, UNLIMITED, UNLIMITED);
        return best;
    }

    /** Whether a corner other than the origin may take part, given its sign. */
    private boolean admissible(int corner, long value, int sign) {
        if (known[corner] || corner == forbidden || withheldOnly && !withheld[corner]) {
            return false;
        }
        return sign < 0 ? value >= needUp : value >= needDown;
    }

    private long reach(long minNeg, long minPos) {
        return widen == Direction.UP ? minNeg : Math.min(minPos, value(origin));
    }

    private int budget() {
        return withheldOnly ? AUDIT_BUDGET : BUDGET;
    }

    private boolean done() {
        if (best == null) {
            return explored >= budget();
        }
        if (explored >= budget()) {
            return true;
        }
        return widen == null ? best.cost() <= floorCost[0] : best.reach(widen) >= target;
    }

    private void explore(int level, int count, long cost, long minNeg, long minPos) {
        explored++;
        int n = order.length;
        if (level == n) {
            long down = Math.min(minPos, value(origin));
            if (widen == null ? best == null || cost < best.cost() : best == null || reach(minNeg, minPos) > best.reach(widen)) {
                best = new Move(Arrays.copyOf(cells, count), Arrays.copyOf(signs, count), cost, minNeg, down);
            }
            return;
        }
        int d = order[level];
        for (Moves.Factor f : options[d]) {
            int size = count * (f.nodes().length + 1);
            if (size > cells.length) {
                cells = Arrays.copyOf(cells, Math.max(size, cells.length * 2));
                signs = Arrays.copyOf(signs, cells.length);
            }
            int m = count;
            long c = cost;
            long neg = minNeg;
            long pos = minPos;
            boolean ok = true;
            for (int i = 0; i < count && ok; i++) {
                for (int j = 0; j < f.nodes().length; j++) {
                    int corner = table.withNode(cells[i], d, f.nodes()[j]);
                    int sign = signs[i] * f.signs()[j];
                    long v = value(corner);
                    if (!admissible(corner, v, sign)) {
                        ok = false;
                        break;
                    }
                    if (sign < 0) {
                        neg = Math.min(neg, v);
                    } else {
                        pos = Math.min(pos, v);
                    }
                    c += withheld[corner] ? 0 : table.count(corner) + 1;
                    cells[m] = corner;
                    signs[m++] = sign;
                }
            }
            if (!ok) {
                continue;
            }
            if (widen == null) {
                if (best != null && c + floorCost[level + 1] >= best.cost()) {
                    continue;
                }
            } else if (best != null && reach(neg, pos) <= best.reach(widen)) {
                continue;
            }
            explore(level + 1, m, c, neg, pos);
            if (done()) {
                return;
            }
        }
    }
}
