package org.safereg.privacy.statistics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;

/**
 * An attacker's linear program over a whole small table, written independently of the audit: every cell the
 * pattern withholds (and no earlier release published) is a non-negative variable, every other cell a
 * constant, every additivity equation a constraint. Minimises a linear objective over the cells.
 */
final class ExactLp {
    private final CountTable table;
    private final Map<Integer, Integer> variable = new HashMap<>();
    private final List<LinearConstraint> constraints = new ArrayList<>();

    ExactLp(SuppressionPattern pattern, Set<TableCell> known) {
        this.table = pattern.table();
        for (int i = 0; i < table.cellCount(); i++) {
            if (pattern.withheld(i) && !known.contains(table.cell(i))) {
                variable.put(i, variable.size());
            }
        }
        Equations eqs = table.equations();
        for (int e = 0; e < eqs.count(); e++) {
            double[] row = new double[variable.size()];
            double constant = 0;
            boolean any = false;
            for (int m = 0; m < eqs.size(e); m++) {
                int member = eqs.member(e, m);
                Integer x = variable.get(member);
                if (x == null) {
                    constant -= Equations.sign(m) * table.count(member);
                } else {
                    row[x] += Equations.sign(m);
                    any = true;
                }
            }
            if (any) {
                constraints.add(new LinearConstraint(row, Relationship.EQ, constant));
            }
        }
    }

    /** The least value of {@code sum coefficient * cell} over the relaxation (cells not withheld are constants). */
    double minimum(Map<TableCell, Double> objective) {
        double[] c = new double[variable.size()];
        double constant = 0;
        for (Map.Entry<TableCell, Double> term : objective.entrySet()) {
            int cell = table.index(term.getKey());
            Integer x = variable.get(cell);
            if (x == null) {
                constant += term.getValue() * table.count(cell);
            } else {
                c[x] += term.getValue();
            }
        }
        if (variable.isEmpty()) {
            return constant;
        }
        return new SimplexSolver().optimize(new MaxIter(10_000), new LinearObjectiveFunction(c, constant),
                new LinearConstraintSet(constraints), GoalType.MINIMIZE, new NonNegativeConstraint(true)).getValue();
    }

    /** The range {@code [min, max]} of one cell over the relaxation. */
    double[] range(TableCell cell) {
        return new double[] {minimum(Map.of(cell, 1.0)), -minimum(Map.of(cell, -1.0))};
    }
}
