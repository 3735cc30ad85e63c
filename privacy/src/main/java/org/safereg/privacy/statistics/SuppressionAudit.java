package org.safereg.privacy.statistics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.PivotSelectionRule;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.linear.UnboundedSolutionException;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;

/**
 * Linear-programming audit of a suppression pattern: for every withheld cell, the minimum and maximum value
 * it can take over all non-negative tables that agree with every published cell and satisfy every published
 * margin and hierarchy equation (commons-math3 {@link SimplexSolver}). The LP bounds are rounded inwards
 * (cells are integers), which is what an attacker who knows that would do.
 *
 * <p>The rule: an interval pinned near the true value is a disclosure, whichever side it is pinned on.
 * <ul>
 *   <li>A <b>primary</b> cell (small count or group disclosure) with true value {@code v} passes only if
 *       {@code upper >= v + k} and {@code lower <= max(0, v - k)}. When {@code v < k} the lower bound must
 *       therefore be 0: the attacker cannot even rule out that the cell is empty. Requiring both sides
 *       matters: {@code [v, v + 40]} tells the attacker "at least v people", which for a small cell is the
 *       disclosure itself.
 *   <li>A <b>complementary</b> cell is not sensitive in itself and is not held to {@code +/- k} (a
 *       complement's range is tied to the primary cell it protects, whose own range may be smaller than
 *       {@code k} on the low side, so that rule could never be met); it passes if it is not recomputable,
 *       {@code lower < upper}.
 * </ul>
 *
 * <p>Limitation: bounds are those of the LP relaxation. For the additive two-way hierarchical tables built
 * here the vertices found are integral in every case we tested, but in general the integer range may be
 * narrower than the LP range.
 *
 * <p>Stateless and thread-safe. Cost: two LPs per withheld cell, each over the withheld cells linked to it
 * through equations (connected component); the dense simplex is roughly cubic in the component's size, so
 * large tables with long chains of suppressions are the expensive case.
 */
public final class SuppressionAudit {
    private static final double TOLERANCE = 1e-6;
    private static final int MAX_ITERATIONS = 1_000_000;

    private final int k;

    public SuppressionAudit(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be positive");
        }
        this.k = k;
    }

    public AuditReport audit(SuppressionPattern pattern) {
        CountTable table = pattern.table();
        List<int[]> equations = new ArrayList<>();
        for (int[] eq : table.equations().asArrays()) {
            if (SecondarySuppression.withheld(eq, pattern.reasons()) > 0) {
                equations.add(eq);
            }
        }
        List<CellInterval> intervals = new ArrayList<>();
        for (Component component : components(pattern, equations)) {
            intervals.addAll(audit(pattern, component));
        }
        return new AuditReport(k, intervals);
    }

    /** Withheld cells linked through equations, with the equations that mention them. */
    private record Component(int[] cells, List<int[]> equations) {}

    private static Collection<Component> components(SuppressionPattern pattern, List<int[]> equations) {
        int n = pattern.table().cellCount();
        int[] root = new int[n];
        for (int i = 0; i < n; i++) {
            root[i] = i;
        }
        for (int[] eq : equations) {
            int first = -1;
            for (int cell : eq) {
                if (pattern.reason(cell) != null) {
                    if (first < 0) {
                        first = cell;
                    } else {
                        root[find(root, cell)] = find(root, first);
                    }
                }
            }
        }
        Map<Integer, List<Integer>> cells = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            if (pattern.reason(i) != null) {
                cells.computeIfAbsent(find(root, i), r -> new ArrayList<>()).add(i);
            }
        }
        Map<Integer, List<int[]>> eqs = new LinkedHashMap<>();
        for (int[] eq : equations) {
            for (int cell : eq) {
                if (pattern.reason(cell) != null) {
                    eqs.computeIfAbsent(find(root, cell), r -> new ArrayList<>()).add(eq);
                    break;
                }
            }
        }
        List<Component> out = new ArrayList<>();
        for (Map.Entry<Integer, List<Integer>> e : cells.entrySet()) {
            out.add(new Component(e.getValue().stream().mapToInt(Integer::intValue).toArray(),
                    eqs.getOrDefault(e.getKey(), List.of())));
        }
        return out;
    }

    private static int find(int[] root, int i) {
        while (root[i] != i) {
            root[i] = root[root[i]];
            i = root[i];
        }
        return i;
    }

    private List<CellInterval> audit(SuppressionPattern pattern, Component component) {
        CountTable table = pattern.table();
        int[] cells = component.cells();
        Map<Integer, Integer> variable = new LinkedHashMap<>();
        for (int i = 0; i < cells.length; i++) {
            variable.put(cells[i], i);
        }
        List<LinearConstraint> constraints = new ArrayList<>();
        for (int[] eq : component.equations()) {
            // parent - sum(children) = 0, published cells moved to the right-hand side
            double[] coefficients = new double[cells.length];
            double rhs = 0;
            for (int i = 0; i < eq.length; i++) {
                int sign = i == 0 ? 1 : -1;
                Integer v = variable.get(eq[i]);
                if (v != null) {
                    coefficients[v] += sign;
                } else {
                    rhs -= sign * (double) table.count(eq[i]);
                }
            }
            constraints.add(new LinearConstraint(coefficients, Relationship.EQ, rhs));
        }
        LinearConstraintSet set = new LinearConstraintSet(constraints);
        List<CellInterval> out = new ArrayList<>();
        for (int i = 0; i < cells.length; i++) {
            double[] objective = new double[cells.length];
            objective[i] = 1;
            LinearObjectiveFunction f = new LinearObjectiveFunction(objective, 0);
            long lower = (long) Math.ceil(optimum(f, set, GoalType.MINIMIZE) - TOLERANCE);
            double max = optimum(f, set, GoalType.MAXIMIZE);
            long upper = Double.isInfinite(max) ? CellInterval.UNBOUNDED : (long) Math.floor(max + TOLERANCE);
            long value = table.count(cells[i]);
            SuppressionReason reason = pattern.reason(cells[i]);
            boolean ok = reason.primary()
                    ? lower <= Math.max(0, value - k) && (upper == CellInterval.UNBOUNDED || upper >= value + k)
                    : lower < upper;
            out.add(new CellInterval(table.cell(cells[i]), reason, value, lower, upper, CellInterval.Bounds.EXACT, ok));
        }
        return out;
    }

    private static double optimum(LinearObjectiveFunction f, LinearConstraintSet constraints, GoalType goal) {
        try {
            PointValuePair p = new SimplexSolver().optimize(new MaxIter(MAX_ITERATIONS), f, constraints, goal,
                    new NonNegativeConstraint(true), PivotSelectionRule.BLAND);
            return p.getValue();
        } catch (UnboundedSolutionException e) {
            return Double.POSITIVE_INFINITY;
        }
    }
}
