package dev.wattiq.lab.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The charts place every point inside the plot area, whatever the figures, and the page escapes what it shows. */
class ServeReportTest {
    private static final Pattern DOT = Pattern.compile("<circle cx=\"([-0-9.]+)\" cy=\"([-0-9.]+)\" r=\"4\" fill=\"#[0-9a-f]{6}\" fill-opacity");

    private static ServeRow row(Precision p, int batch, double jPer1k, double p50, double overlap) {
        return new ServeRow(p, batch, 1, 1000, jPer1k, "estimated", 10, p50, p50 * 2, 0.99, overlap);
    }

    @Property(tries = 200)
    void everyDotLiesInsideThePlotArea(@ForAll @DoubleRange(min = 0.01, max = 1e5) double j1, @ForAll @DoubleRange(min = 0.01, max = 1e5) double j2,
                                       @ForAll @DoubleRange(min = 0.01, max = 1e5) double l1, @ForAll @DoubleRange(min = 0.01, max = 1e5) double l2,
                                       @ForAll @DoubleRange(min = 0, max = 1) double o, @ForAll @IntRange(min = 1, max = 64) int batch) {
        List<ServeRow> rows = List.of(row(Precision.FP32, batch, j1, l1, 1.0), row(Precision.INT8, batch, j2, l2, o));
        for (boolean fidelity : new boolean[] {true, false}) {
            String svg = ServeReport.chart(rows, "t", "y", fidelity);
            assertThat(svg).doesNotContain("NaN").doesNotContain("Infinity");
            Matcher m = DOT.matcher(svg);
            List<double[]> dots = new ArrayList<>();
            while (m.find()) dots.add(new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))});
            assertThat(dots).hasSize(2);
            for (double[] d : dots) {
                assertThat(d[0]).isBetween(60.0, 450.0);
                assertThat(d[1]).isBetween(40.0, 270.0);
            }
        }
    }

    @Test
    void lowerEnergyIsFurtherLeftAndHigherOverlapHigher() {
        String svg = ServeReport.chart(List.of(row(Precision.FP32, 1, 200, 10, 1.0), row(Precision.INT8, 1, 100, 5, 0.8)), "t", "y", true);
        Matcher m = DOT.matcher(svg);
        m.find();
        double fx = Double.parseDouble(m.group(1)), fy = Double.parseDouble(m.group(2));
        m.find();
        double ix = Double.parseDouble(m.group(1)), iy = Double.parseDouble(m.group(2));
        assertThat(ix).isLessThan(fx);
        assertThat(iy).isGreaterThan(fy); // SVG y grows downwards: lower overlap sits lower
    }

    @Test
    void notesAndAssumptionsAreEscaped() {
        ServeResult r = new ServeResult(ServeConfig.quick(), List.of(row(Precision.INT8, 1, 50, 5, 0.9)), List.of("a<b"),
                Map.of("cpu_model", "<script>x</script>"), List.of("note & \"quote\""));
        String html = ServeReport.html(r);
        assertThat(html).doesNotContain("<script").contains("&lt;script&gt;").contains("note &amp; &quot;quote&quot;").contains("a&lt;b");
    }
}
