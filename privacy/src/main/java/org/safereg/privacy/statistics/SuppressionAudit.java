package org.safereg.privacy.statistics;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.safereg.privacy.statistics.CellInterval.Bounds;
import org.safereg.privacy.statistics.MoveSearch.Direction;
import org.safereg.privacy.statistics.MoveSearch.Move;

/**
 * Audit of a suppression pattern: for every withheld cell, what values it can take over the non-negative
 * tables that agree with every published cell and satisfy every margin and hierarchy equation.
 *
 * <p>The rules: an interval pinned near the true value is a disclosure, whichever side it is pinned on.
 * <ul>
 *   <li>Every withheld cell, whatever its {@linkplain SuppressionReason reason}, with true value {@code v} passes
 *       only if it can be as high as {@code v + k} and as low as {@code max(0, v - k)}. When {@code v < k} the
 *       attacker therefore cannot even rule out that the cell is empty. Both sides matter: {@code [v, v + 40]}
 *       tells the attacker "at least v people", which for a small cell is the disclosure itself. Complementary
 *       cells are held to the same rule: a complement pinned near its value would narrow the cells it protects
 *       through a later release or a published total.
 *   <li>A primary cell holding at least the group-disclosure share of a line of a sensitive dimension (every
 *       {@link SuppressionReason#GROUP_DISCLOSURE} cell, and any small count that does) must besides be shown
 *       to hold <em>less</em> than the share of that line in some table consistent with the release, for every
 *       such line: a witness (below) after which {@code cell < share * lineTotal}; the suppression builds it with
 *       the line total kept, so the other categories of the line, zeros included, absorb the difference.
 *   <li>A cell an earlier release published ({@link PriorReleases#published()}) is a constant to the attacker:
 *       never a variable of a witness or a linear program, reported as {@code [v, v]}, failing if it is primary
 *       (nothing withheld now can protect what was published before).
 * </ul>
 *
 * <p>How a cell passes or fails; only proven claims are made:
 * <ol>
 *   <li><b>Witnesses</b> ({@link Witness}): moves over withheld cells only (see {@link Moves}), applied in
 *       sequence to the published table, each step leaving a non-negative integer table consistent with the
 *       whole release, so the values the cell takes in them are attained: a cell reaching its required
 *       shifts passes, with an {@linkplain Bounds#ATTAINED attained} interval (the attacker's range contains
 *       it). {@link TableProtector} hands over the witnesses it built and the audit checks every one (corners
 *       withheld, every equation through every corner unchanged, no cell negative after any step); cells
 *       without a valid witness are searched for one ({@link MoveSearch}: one move meeting both shifts, else
 *       moves in sequence in each direction, the widest first, else as the suppression builds them).
 *   <li><b>Linear programming</b> for every cell still without a witness of its range ({@link LinearBounds},
 *       commons-math3 simplex; their number is {@link AuditReport#cellsByLinearProgram()}), over the connected
 *       component of withheld cells it belongs to (cells linked through equations): a cell alone in an equation
 *       is recomputable (no LP needed); otherwise the range of the <b>linear relaxation</b> (real-valued
 *       tables, {@linkplain Bounds#RELAXATION relaxation} bounds) when the component has at most
 *       {@value #LP_LIMIT} cells. It contains the range over integer tables and may be wider: a pass decided here
 *       is a pass for real-valued tables (the same for a two-way table without hierarchies, whose equations form
 *       a network). In a larger component, over the {@value #LP_LIMIT} withheld cells nearest to it: their
 *       equations with other withheld cells dropped give {@linkplain Bounds#ENCLOSING enclosing} bounds (a
 *       proven failure if too narrow); else the other withheld cells held at their true values give bounds
 *       attained by the relaxation (a pass if wide enough). A cell neither proven protected nor proven exposed
 *       fails: the audit never passes a cell it could not prove. The group-disclosure share is proven by
 *       witnesses only.
 * </ol>
 * Only withheld cells are variables; equations without any are constants and never built. A witness proves
 * at least the required width, not the full range: attained intervals are lower bounds of what the attacker
 * cannot rule out.
 *
 * <p>Stateless and thread-safe. The witness and linear-programming stages run in parallel on the common
 * fork-join pool (each task with its own move search, dropped when the audit returns). Cost: a check per witness or a
 * bounded search per withheld cell; linear programs only for the cells left, each roughly cubic in {@value #LP_LIMIT}
 * (a pattern leaving thousands of cells exposed in large components takes seconds: about 5 s for the 7,217 primary
 * cells alone of the benchmark table).
 */
public final class SuppressionAudit {
    /** Most variables of one linear program. */
    public static final int LP_LIMIT = 120;

    private final int k;
    private final double share;

    /** An audit with threshold {@code k} and the default group-disclosure share. */
    public SuppressionAudit(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be positive");
        }
        this.k = k;
        this.share = SuppressionRules.DEFAULT_GROUP_DISCLOSURE_SHARE;
    }

    /** An audit applying these rules' {@code k} and group-disclosure share. */
    public SuppressionAudit(SuppressionRules rules) {
        this.k = rules.k();
        this.share = rules.groupDisclosureShare();
    }

    public int k() {
        return k;
    }

    public AuditReport audit(SuppressionPattern pattern) {
        return audit(pattern, PriorReleases.NONE);
    }

    /**
     * Audits a pattern against everything published, earlier releases included: cells in
     * {@code prior.published()} are constants to the attacker even where this pattern withholds them.
     */
    public AuditReport audit(SuppressionPattern pattern, PriorReleases prior) {
        return audit(pattern, new Moves(pattern.table()), null, Map.of(), known(pattern.table(), prior));
    }

    AuditReport audit(SuppressionPattern pattern, Moves moves) {
        return audit(pattern, moves, null, Map.of(), new boolean[pattern.table().cellCount()]);
    }

    /** The cells of this table that earlier releases published. */
    static boolean[] known(CountTable table, PriorReleases prior) {
        boolean[] known = new boolean[table.cellCount()];
        for (TableCell cell : prior.published()) {
            known[table.index(cell)] = true;
        }
        return known;
    }

    /**
     * Audits a pattern that grew from an audited one: a cell that passed before keeps its interval, reported as
     * attained. Withholding more cells only removes constraints, so the tables that attained its bounds are
     * still consistent with the release (a relaxation range may have widened, hence reported as attained). The
     * given witnesses are checked first (see {@link Witness}); cells without one that holds are searched.
     * Cells in {@code known} are published constants to the attacker, withheld or not.
     */
    AuditReport audit(SuppressionPattern pattern, Moves moves, AuditReport previous,
            Map<Integer, List<Witness>> witnesses, boolean[] known) {
        Map<TableCell, CellInterval> passed = new HashMap<>();
        if (previous != null) {
            for (CellInterval i : previous.intervals()) {
                if (i.protectedEnough()) {
                    passed.put(i.cell(), i);
                }
            }
        }
        CountTable table = pattern.table();
        boolean[] withheld = new boolean[table.cellCount()];
        List<Integer> cells = new ArrayList<>();
        for (int i = 0; i < withheld.length; i++) {
            withheld[i] = pattern.withheld(i) && !known[i];
            if (pattern.withheld(i)) {
                cells.add(i);
            }
        }
        Witness.Checker checker = new Witness.Checker(table, withheld);
        CellInterval[] intervals = new CellInterval[cells.size()];
        boolean[] shareProven = new boolean[cells.size()];
        int chunks = Math.max(1, Math.min(cells.size(), 4 * ForkJoinPool.getCommonPoolParallelism()));
        IntStream.range(0, chunks).parallel().forEach(chunk -> {
            MoveSearch search = new MoveSearch(moves, withheld, true, known);
            for (int i = chunk; i < intervals.length; i += chunks) {
                int cell = cells.get(i);
                if (known[cell]) {
                    long v = table.count(cell);
                    SuppressionReason reason = pattern.reason(cell);
                    intervals[i] = new CellInterval(table.cell(cell), reason, v, v, v, Bounds.RELAXATION,
                            !reason.primary());
                    shareProven[i] = true;
                    continue;
                }
                CellInterval prior = passed.isEmpty() ? null : passed.get(table.cell(cell));
                if (prior != null) {
                    intervals[i] = new CellInterval(prior.cell(), prior.reason(), prior.value(), prior.lower(),
                            prior.upper(), Bounds.ATTAINED, true);
                    shareProven[i] = true;
                    continue;
                }
                CellInterval interval = checked(checker, witnesses.get(cell), pattern, cell);
                intervals[i] = interval.protectedEnough() ? interval : witness(search, pattern, cell);
                shareProven[i] = !pattern.reason(cell).primary()
                        || shareRefuted(checker, search, witnesses.get(cell), cell);
            }
        });
        Map<Integer, Integer> unproven = new HashMap<>();
        for (int i = 0; i < intervals.length; i++) {
            if (!intervals[i].protectedEnough()) {
                unproven.put(cells.get(i), i);
            }
        }
        if (!unproven.isEmpty()) {
            new Programs(pattern, withheld).solve(unproven, intervals);
        }
        for (int i = 0; i < intervals.length; i++) {
            if (!shareProven[i] && intervals[i].protectedEnough()) {
                CellInterval c = intervals[i];
                intervals[i] = new CellInterval(c.cell(), c.reason(), c.value(), c.lower(), c.upper(), c.bounds(),
                        false);
            }
        }
        return new AuditReport(k, Arrays.asList(intervals), unproven.size());
    }

    /**
     * The totals of the lines of sensitive dimensions in which the cell holds at least the group-disclosure
     * share (the lines it would disclose as "all or nearly all" if nothing consistent with the release said
     * otherwise).
     */
    static List<Integer> dominatedLines(CountTable table, int cell, double share) {
        List<Integer> out = new ArrayList<>();
        long v = table.count(cell);
        for (int d = 0; d < table.dimensionCount(); d++) {
            Dimension dimension = table.dimensions().get(d);
            int parent = dimension.parent(table.node(cell, d));
            if (dimension.sensitive() && parent >= 0) {
                int total = table.withNode(cell, d, parent);
                long t = table.count(total);
                if (v > 0 && v >= share * t) {
                    out.add(total);
                }
            }
        }
        return out;
    }

    /**
     * How far a cell must go down, its line total kept, to hold less than the share of the line: the least
     * {@code s} with {@code v - s < share * t}.
     */
    static long shareShift(long v, long t, double share) {
        long s = Math.max(0, v - (long) Math.ceil(share * t) + 1);
        while (s > 0 && v - (s - 1) < share * t) {
            s--;
        }
        while (!(v - s < share * t)) {
            s++;
        }
        return s;
    }

    /**
     * Whether, for every sensitive line the cell dominates, some table consistent with the release gives the
     * cell less than the group-disclosure share of the line: a given witness whose resulting table shows it,
     * else a move over withheld cells that keeps the line total and shifts the cell down far enough.
     */
    private boolean shareRefuted(Witness.Checker checker, MoveSearch search, List<Witness> given, int cell) {
        CountTable table = checker.table();
        for (int total : dominatedLines(table, cell, share)) {
            if (!shareRefuted(checker, given, cell, total)) {
                long need = shareShift(table.count(cell), table.count(total), share);
                search.forbid(total);
                List<Witness.Step> widest = new ArrayList<>();
                List<Witness.Step> cheapest = new ArrayList<>();
                reach(search, cell, Direction.DOWN, need, true, widest);
                reach(search, cell, Direction.DOWN, need, false, cheapest);
                search.forbid(-1);
                if (!shareRefuted(checker, List.of(new Witness(widest), new Witness(cheapest)), cell, total)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Whether one of the witnesses leaves a table in which the cell holds less than the share of the line. */
    private boolean shareRefuted(Witness.Checker checker, List<Witness> witnesses, int cell, int total) {
        if (witnesses == null) {
            return false;
        }
        for (Witness w : witnesses) {
            Map<Integer, Long> delta = checker.delta(w);
            if (delta != null) {
                long v = checker.table().count(cell) + delta.getOrDefault(cell, 0L);
                long t = checker.table().count(total) + delta.getOrDefault(total, 0L);
                if (v < share * t) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Stage 1: how far the given witnesses shift the cell (none: not at all). */
    private CellInterval checked(Witness.Checker checker, List<Witness> given, SuppressionPattern pattern, int cell) {
        long up = 0;
        long down = 0;
        long needDown = Math.min(pattern.table().count(cell), k);
        if (given != null) {
            for (Witness w : given) {
                if (up >= k && down >= needDown) {
                    break;
                }
                long shift = checker.shift(w, cell);
                if (shift != Witness.INVALID) {
                    up = Math.max(up, shift);
                    down = Math.max(down, -shift);
                }
            }
        }
        return interval(pattern, cell, up, down);
    }

    private CellInterval interval(SuppressionPattern pattern, int cell, long up, long down) {
        CountTable table = pattern.table();
        SuppressionReason reason = pattern.reason(cell);
        long v = table.count(cell);
        boolean ok = up >= k && down >= Math.min(v, k);
        long upper = up == MoveSearch.UNLIMITED ? CellInterval.UNBOUNDED : v + up;
        return new CellInterval(table.cell(cell), reason, v, v - down, upper, Bounds.ATTAINED, ok);
    }

    /**
     * Stage 2: how far moves over withheld cells shift the cell: first one move meeting the rule in both
     * directions (what {@link SecondarySuppression} makes), else moves in sequence in each direction.
     */
    private CellInterval witness(MoveSearch search, SuppressionPattern pattern, int cell) {
        long needDown = Math.min(pattern.table().count(cell), k);
        search.reset();
        Move single = search.cheapest(cell, k, needDown);
        long up;
        long down;
        if (single != null) {
            up = single.up();
            down = single.down();
        } else {
            up = reach(search, cell, Direction.UP, k);
            down = needDown > 0 ? reach(search, cell, Direction.DOWN, needDown) : 0;
        }
        return interval(pattern, cell, up, down);
    }

    /**
     * How far moves in sequence shift the cell towards {@code need}: first the widest move at each step; if that
     * falls short, the first move reaching the remaining need, or half of it, and so on (the way
     * {@link SecondarySuppression} builds its sequences).
     */
    private static long reach(MoveSearch search, int cell, Direction direction, long need) {
        long widest = reach(search, cell, direction, need, true, new ArrayList<>());
        return widest >= need ? widest
                : Math.max(widest, reach(search, cell, direction, need, false, new ArrayList<>()));
    }

    /** As above, one strategy; the moves applied are added to {@code steps} (a witness when finite). */
    private static long reach(MoveSearch search, int cell, Direction direction, long need, boolean widest,
            List<Witness.Step> steps) {
        search.reset();
        long achieved = 0;
        while (achieved < need) {
            long remaining = need - achieved;
            Move move = null;
            if (widest) {
                move = search.widest(cell, direction, remaining);
            } else {
                move = search.cheapestTowards(cell, direction, remaining);
            }
            if (move == null) {
                move = search.allPositive(cell);
                if (move == null || !search.withinPattern(move)) {
                    break;
                }
            }
            long step = move.reach(direction);
            if (step == MoveSearch.UNLIMITED) {
                return MoveSearch.UNLIMITED;
            }
            step = widest ? step : Math.min(step, remaining);
            steps.add(new Witness.Step(move, direction == Direction.UP ? step : -step));
            search.apply(move, direction, step);
            achieved += step;
        }
        return achieved;
    }

    /** Stage 3: linear programs for the cells without witnesses. Lives for one audit. */
    private final class Programs {
        private final SuppressionPattern pattern;
        private final CountTable table;
        private final boolean[] withheld;
        private final Equations equations;
        private final int[] root;
        private final int[] component;

        Programs(SuppressionPattern pattern, boolean[] withheld) {
            this.pattern = pattern;
            this.table = pattern.table();
            this.withheld = withheld;
            this.equations = table.equations();
            this.root = new int[withheld.length];
            for (int i = 0; i < root.length; i++) {
                root[i] = i;
            }
            for (int e = 0; e < equations.count(); e++) {
                int first = -1;
                for (int m = 0; m < equations.size(e); m++) {
                    int cell = equations.member(e, m);
                    if (withheld[cell]) {
                        if (first < 0) {
                            first = cell;
                        } else {
                            root[find(cell)] = find(first);
                        }
                    }
                }
            }
            this.component = new int[root.length];
            for (int i = 0; i < root.length; i++) {
                component[i] = find(i);
            }
        }

        private int find(int i) {
            while (root[i] != i) {
                root[i] = root[root[i]];
                i = root[i];
            }
            return i;
        }

        void solve(Map<Integer, Integer> unproven, CellInterval[] intervals) {
            Map<Integer, List<Integer>> components = new HashMap<>();
            Set<Integer> roots = new LinkedHashSet<>();
            for (int cell : unproven.keySet()) {
                roots.add(component[cell]);
            }
            for (int i = 0; i < withheld.length; i++) {
                if (withheld[i] && roots.contains(component[i])) {
                    components.computeIfAbsent(component[i], r -> new ArrayList<>()).add(i);
                }
            }
            Map<Integer, LinearBounds> exact = new ConcurrentHashMap<>();
            unproven.entrySet().parallelStream().forEach(e -> {
                int cell = e.getKey();
                int at = e.getValue();
                intervals[at] = solve(cell, intervals[at], components.get(component[cell]), exact);
            });
        }

        private CellInterval solve(int cell, CellInterval witnessed, List<Integer> members,
                Map<Integer, LinearBounds> exact) {
            if (alone(cell)) {
                long v = table.count(cell);
                return decide(cell, new long[] {v, v}, Bounds.RELAXATION);
            }
            if (members.size() <= LP_LIMIT) {
                LinearBounds lp = exact.computeIfAbsent(component[cell],
                        r -> new LinearBounds(table, withheld, members, LinearBounds.Kind.RESTRICTED));
                return decide(cell, lp.range(cell), Bounds.RELAXATION);
            }
            List<Integer> near = neighbourhood(cell);
            long[] outer = new LinearBounds(table, withheld, near, LinearBounds.Kind.RELAXED).range(cell);
            CellInterval enclosing = decide(cell, outer, Bounds.ENCLOSING);
            if (!enclosing.protectedEnough()) {
                return enclosing;
            }
            long[] inner = new LinearBounds(table, withheld, near, LinearBounds.Kind.RESTRICTED).range(cell);
            inner[0] = Math.min(inner[0], witnessed.lower());
            inner[1] = Math.max(inner[1], witnessed.upper());
            return decide(cell, inner, Bounds.ATTAINED);
        }

        /** Whether the cell is the only withheld cell of some equation: recomputable by subtraction. */
        private boolean alone(int cell) {
            for (int i = 0; i < equations.degree(cell); i++) {
                int e = equations.equationOf(cell, i);
                int others = 0;
                for (int m = 0; m < equations.size(e); m++) {
                    int member = equations.member(e, m);
                    if (member != cell && withheld[member]) {
                        others++;
                    }
                }
                if (others == 0) {
                    return true;
                }
            }
            return false;
        }

        /** Whether the range meets the rule. */
        private CellInterval decide(int cell, long[] range, Bounds bounds) {
            long v = table.count(cell);
            SuppressionReason reason = pattern.reason(cell);
            boolean ok = range[0] <= Math.max(0, v - k) && (range[1] == CellInterval.UNBOUNDED || range[1] >= v + k);
            return new CellInterval(table.cell(cell), reason, v, Math.min(range[0], v), Math.max(range[1], v), bounds,
                    ok);
        }

        /** The {@value #LP_LIMIT} withheld cells nearest to {@code cell} through equations, breadth first. */
        private List<Integer> neighbourhood(int cell) {
            Set<Integer> near = new LinkedHashSet<>(List.of(cell));
            Deque<Integer> queue = new ArrayDeque<>(near);
            while (!queue.isEmpty() && near.size() < LP_LIMIT) {
                int c = queue.poll();
                for (int i = 0; i < equations.degree(c) && near.size() < LP_LIMIT; i++) {
                    int e = equations.equationOf(c, i);
                    for (int m = 0; m < equations.size(e) && near.size() < LP_LIMIT; m++) {
                        int member = equations.member(e, m);
                        if (withheld[member] && near.add(member)) {
                            queue.add(member);
                        }
                    }
                }
            }
            return new ArrayList<>(near);
        }
    }
}
