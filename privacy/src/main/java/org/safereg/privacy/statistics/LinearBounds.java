package org.safereg.privacy.statistics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.math3.optim.MaxIter;
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
 * The linear program of a set of withheld cells (the variables): every additivity equation that mentions
 * one of them, published cells as constants, variables non-negative; solved with commons-math3's dense
 * {@link SimplexSolver} (Bland's rule). Depending on how the other withheld cells are treated, the range of a
 * variable is:
 * <ul>
 *   <li>{@link Kind#RESTRICTED}: other withheld cells held at their true values. When the variables are a
 *       whole connected component of withheld cells, nothing is held and the range is <b>exact</b>;
 *       otherwise every value in it is still consistent with the release (the range is <b>attained</b>).
 *   <li>{@link Kind#RELAXED}: equations mentioning other withheld cells dropped, so every value consistent
 *       with the release lies in the range (it <b>encloses</b> the true range).
 * </ul>
 * Variables pinned by an equation whose other cells are all known are substituted first. Cost: roughly
 * cubic in the number of variables; callers keep it to {@link SuppressionAudit#LP_LIMIT}. Confined to one
 * thread.
 */
final class LinearBounds {
    private static final double TOLERANCE = 1e-6;
    private static final int MAX_ITERATIONS = 1_000_000;

    /** How withheld cells outside the variables are treated. */
    enum Kind {
        RESTRICTED, RELAXED
    }

    private final Map<Integer, Integer> variable = new HashMap<>();
    private final Map<Integer, Long> pinned = new HashMap<>();
    private final LinearConstraintSet constraints;

    LinearBounds(CountTable table, boolean[] withheld, List<Integer> variables, Kind kind) {
        Equations eqs = table.equations();
        Set<Integer> inVariables = new LinkedHashSet<>(variables);
        List<Integer> equations = new ArrayList<>();
        Set<Integer> seen = new java.util.HashSet<>();
        for (int cell : variables) {
            for (int i = 0; i < eqs.degree(cell); i++) {
                int e = eqs.equationOf(cell, i);
                if (!seen.add(e)) {
                    continue;
                }
                boolean outside = false;
                for (int m = 0; m < eqs.size(e); m++) {
                    int member = eqs.member(e, m);
                    outside |= withheld[member] && !inVariables.contains(member);
                }
                if (!(outside && kind == Kind.RELAXED)) {
                    equations.add(e);
                }
            }
        }
        // substitute variables pinned by an equation with a single unknown, until none is left
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int e : equations) {
                int unknown = -1;
                int unknowns = 0;
                for (int m = 0; m < eqs.size(e); m++) {
                    int member = eqs.member(e, m);
                    if (inVariables.contains(member) && !pinned.containsKey(member)) {
                        unknowns++;
                        unknown = m;
                    }
                }
                if (unknowns == 1) {
                    long rest = 0;
                    for (int m = 0; m < eqs.size(e); m++) {
                        if (m != unknown) {
                            rest += Equations.sign(m) * known(table, eqs.member(e, m));
                        }
                    }
                    // sign(unknown) * x + rest = 0
                    pinned.put(eqs.member(e, unknown), -rest * Equations.sign(unknown));
                    changed = true;
                }
            }
        }
        for (int cell : variables) {
            if (!pinned.containsKey(cell)) {
                variable.put(cell, variable.size());
            }
        }
        List<LinearConstraint> rows = new ArrayList<>();
        for (int e : equations) {
            double[] coefficients = new double[variable.size()];
            double rhs = 0;
            boolean any = false;
            for (int m = 0; m < eqs.size(e); m++) {
                int member = eqs.member(e, m);
                Integer v = variable.get(member);
                if (v != null) {
                    coefficients[v] += Equations.sign(m);
                    any = true;
                } else {
                    rhs -= Equations.sign(m) * (double) known(table, member);
                }
            }
            if (any) {
                rows.add(new LinearConstraint(coefficients, Relationship.EQ, rhs));
            }
        }
        this.constraints = new LinearConstraintSet(rows);
    }

    /** A published cell's count, a pinned variable's value, or a held cell's true value. */
    private long known(CountTable table, int cell) {
        Long p = pinned.get(cell);
        return p != null ? p : table.count(cell);
    }

    /**
     * The range of a variable, rounded inwards to integers: {@code {lower, upper}}, upper
     * {@link CellInterval#UNBOUNDED} if unbounded.
     */
    long[] range(int cell) {
        Long p = pinned.get(cell);
        if (p != null) {
            return new long[] {p, p};
        }
        double[] objective = new double[variable.size()];
        objective[variable.get(cell)] = 1;
        LinearObjectiveFunction f = new LinearObjectiveFunction(objective, 0);
        long lower = (long) Math.ceil(optimum(f, GoalType.MINIMIZE) - TOLERANCE);
        double max = optimum(f, GoalType.MAXIMIZE);
        long upper = Double.isInfinite(max) ? CellInterval.UNBOUNDED : (long) Math.floor(max + TOLERANCE);
        return new long[] {lower, upper};
    }

    private double optimum(LinearObjectiveFunction f, GoalType goal) {
        try {
            return new SimplexSolver().optimize(new MaxIter(MAX_ITERATIONS), f, constraints, goal,
                    new NonNegativeConstraint(true), PivotSelectionRule.BLAND).getValue();
        } catch (UnboundedSolutionException e) {
            return Double.POSITIVE_INFINITY;
        }
    }
}
