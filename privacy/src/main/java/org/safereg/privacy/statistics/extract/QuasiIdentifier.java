package org.safereg.privacy.statistics.extract;

import java.util.Objects;
import org.safereg.privacy.statistics.Dimension;

/**
 * A quasi-identifier of an extract: a field an attacker may know from elsewhere (place, sex, age band,
 * nationality...), with its generalisation hierarchy. The hierarchy is a {@link Dimension} tree: leaves are
 * the finest values, each inner node the generalisation of its children, the root the value that says
 * nothing (the total).
 *
 * <p><b>Levels.</b> The hierarchy's height {@code h} is the depth of its deepest node. At generalisation
 * level {@code g} (0 &le; g &le; h) a value at depth {@code d} is replaced by its ancestor at depth
 * {@code min(d, h - g)}: level 0 publishes values as they are, level {@code h} publishes the root for
 * everyone. In a balanced tree level {@code g} moves every value {@code g} steps up.
 *
 * <p><b>Information loss</b> of one published value: {@code weight} times the share of the path to the root
 * that generalisation climbed ({@code steps / d}), or {@code weight} when the value is suppressed.
 *
 * @param hierarchy the generalisation tree; its name is the field's name
 * @param weight how much losing this field costs relative to the others (&gt; 0)
 * @param minLevel the least generalisation allowed (a floor such as "no finer than admin1")
 * @param maxLevel the most generalisation allowed (a ceiling such as "keep at least admin1")
 */
public record QuasiIdentifier(Dimension hierarchy, double weight, int minLevel, int maxLevel) {
    public QuasiIdentifier {
        Objects.requireNonNull(hierarchy, "hierarchy");
        if (!(weight > 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("weight must be positive");
        }
        int height = height(hierarchy);
        if (minLevel < 0 || minLevel > maxLevel || maxLevel > height) {
            throw new IllegalArgumentException("levels of " + hierarchy.name() + " must satisfy 0 <= min <= max <= " + height);
        }
    }

    /** Weight 1, any level from 0 (as is) to the root. */
    public static QuasiIdentifier of(Dimension hierarchy) {
        return new QuasiIdentifier(hierarchy, 1.0, 0, height(hierarchy));
    }

    public QuasiIdentifier withWeight(double newWeight) {
        return new QuasiIdentifier(hierarchy, newWeight, minLevel, maxLevel);
    }

    public QuasiIdentifier withLevels(int newMin, int newMax) {
        return new QuasiIdentifier(hierarchy, weight, newMin, newMax);
    }

    public String name() {
        return hierarchy.name();
    }

    /** The depth of the hierarchy's deepest node. */
    public int height() {
        return height(hierarchy);
    }

    private static int height(Dimension d) {
        int h = 0;
        for (int node = 0; node < d.size(); node++) {
            h = Math.max(h, d.depth(node));
        }
        return h;
    }
}
