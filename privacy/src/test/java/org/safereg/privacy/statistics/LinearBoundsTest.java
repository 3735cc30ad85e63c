package org.safereg.privacy.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The audit's claims in large components rest on two linear programs over part of a component: holding the
 * other withheld cells at their true values can only narrow a range (attained bounds), dropping their
 * equations can only widen it (enclosing bounds).
 */
class LinearBoundsTest {
    @Test
    void restrictedRangesLieInsideExactRangesWhichLieInsideRelaxedRanges() {
        Random random = new Random(42);
        CountTable t = new SyntheticPopulation(2, 3, 1.0, 2, 2, 3).tally(400, 4);
        for (int trial = 0; trial < 5; trial++) {
            boolean[] withheld = new boolean[t.cellCount()];
            for (int i = 0; i < withheld.length; i++) {
                withheld[i] = random.nextInt(3) == 0;
            }
            withheld[0] = false;
            // the component of the first withheld leaf, and the first half of it, breadth first
            int start = 0;
            while (!withheld[start] || !t.isLeaf(start)) {
                start++;
            }
            List<Integer> component = NWayProtectionTest.components(t, withheld).get(start);
            List<Integer> part = component.subList(0, Math.max(1, component.size() / 2));
            LinearBounds exact = new LinearBounds(t, withheld, component, LinearBounds.Kind.RESTRICTED);
            LinearBounds restricted = new LinearBounds(t, withheld, part, LinearBounds.Kind.RESTRICTED);
            LinearBounds relaxed = new LinearBounds(t, withheld, part, LinearBounds.Kind.RELAXED);
            for (int cell : part) {
                long[] in = restricted.range(cell);
                long[] mid = exact.range(cell);
                long[] out = relaxed.range(cell);
                long v = t.count(cell);
                assertThat(in[0]).isBetween(mid[0], v);
                assertThat(mid[0]).isGreaterThanOrEqualTo(out[0]);
                assertThat(in[1]).isBetween(v, mid[1]);
                assertThat(mid[1]).isLessThanOrEqualTo(out[1]);
            }
        }
    }
}
