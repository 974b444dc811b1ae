package dev.wattiq.app.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class BillsTest {
    @Test
    void theWallsMeasuredShareIsBilled() {
        assertThat(Bills.itJoules(100, 100, 400, true)).as("machine scope: the wall").isCloseTo(400, within(1e-9));
        assertThat(Bills.itJoules(25, 100, 400, false)).as("process scope: its share of the wall").isCloseTo(100, within(1e-9));
        assertThat(Bills.itJoules(25, 100, Double.NaN, false)).as("no wall: the components").isEqualTo(25);
        assertThat(Bills.itJoules(0, 0, 400, true)).as("a wall alone in machine scope").isEqualTo(400);
        assertThat(Bills.itJoules(0, 0, 400, false)).as("nothing to attribute it by").isZero();
    }

    @Property
    void theBilledShareOfTheWallIsTheChargedShareOfTheComponents(@ForAll @DoubleRange(min = 0, max = 1) double share,
                                                                 @ForAll @DoubleRange(min = 1, max = 1e6) double components,
                                                                 @ForAll @DoubleRange(min = 0, max = 1e7) double wall) {
        double billed = Bills.itJoules(share * components, components, wall, false);
        assertThat(billed).isCloseTo(share * wall, within(1e-6 * (1 + wall)));
        assertThat(billed).isBetween(0.0, wall * (1 + 1e-12));
    }
}
