package dev.wattiq.lab.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.wattiq.meter.EnergyCounter;
import dev.wattiq.meter.Method;
import dev.wattiq.meter.Meter;
import dev.wattiq.meter.Sensor;
import dev.wattiq.meter.SensorEnvironment;
import dev.wattiq.ledger.Point;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A small real sweep: the shipped models on 24 corpus sentences, metered by a fake wall socket of known power. */
class ServeLabTest {
    static final double WATTS = 12.0;
    static final ServeConfig SMALL = new ServeConfig(List.of(Precision.FP32, Precision.INT8), List.of(1, 8), List.of(1),
            24, 12, 10, false);
    static ServeResult metered;

    /** The outside world: a socket meter that draws a constant {@link #WATTS}, read off the meter's clock. */
    static final class ConstantPowerSensor implements Sensor {
        private final SensorEnvironment env;
        private final long startNanos;

        ConstantPowerSensor(SensorEnvironment env) {
            this.env = env;
            this.startNanos = env.clock().monotonicNanos();
        }

        @Override
        public String name() {
            return "socket";
        }

        @Override
        public List<EnergyCounter> poll() {
            double joules = WATTS * (env.clock().monotonicNanos() - startNanos) / 1e9;
            return List.of(EnergyCounter.whole("machine", "machine", joules, Method.MEASURED));
        }
    }

    @BeforeAll
    static void sweep() throws Exception {
        SensorEnvironment env = SensorEnvironment.system();
        try (Meter meter = Meter.start(List.of(new ConstantPowerSensor(env)), env, Duration.ofMillis(50))) {
            metered = ServeLab.run(SMALL, Corpus.shipped(), meter, ServeLab.Listener.NONE);
        }
    }

    @Test
    void everyConfigurationIsMeasuredWithPrecisionsInterleaved() {
        assertThat(metered.rows()).extracting(r -> r.precision().label() + "/" + r.batch())
                .containsExactly("fp32/1", "int8/1", "int8/8", "fp32/8");
        assertThat(metered.sensors()).containsExactly("socket");
        for (ServeRow r : metered.rows()) {
            assertThat(r.embeddings()).isEqualTo(24);
            assertThat(r.method()).isEqualTo("measured");
            assertThat(r.latencyP50Ms()).isPositive().isLessThanOrEqualTo(r.latencyP99Ms());
            assertThat(r.throughputPerSecond()).isCloseTo(24 / r.durationSeconds(), within(1e-9));
        }
    }

    @Test
    void energyPerThousandIsTheWindowsEnergyOverItsEmbeddings() {
        for (ServeRow r : metered.rows()) {
            double expected = WATTS * r.durationSeconds() / 24 * 1000;
            assertThat(r.joulesPer1k()).isCloseTo(expected, within(expected * 0.02));
        }
    }

    @Test
    void fp32MatchesItsReferenceAndInt8DriftsALittle() {
        for (ServeRow r : metered.rows()) {
            if (r.precision() == Precision.FP32) {
                assertThat(r.fidelityCosine()).isGreaterThan(0.9999);
                assertThat(r.topkOverlap()).isGreaterThan(0.95);
            } else {
                assertThat(r.fidelityCosine()).isBetween(0.9, 0.9999);
                assertThat(r.topkOverlap()).isBetween(0.3, 1.0);
            }
        }
    }

    @Test
    void rowsBecomeTunerPointsPerThousandEmbeddings() {
        ServeRow r = metered.rows().get(1);
        Point p = r.toPoint();
        assertThat(p.name()).isEqualTo("serve-int8-b1-t1");
        assertThat(p.config()).containsEntry("precision", "int8").containsEntry("batch", "1").containsEntry("threads", "1");
        assertThat(p.energyJoules()).isEqualTo(r.joulesPer1k());
        assertThat(p.durationSeconds()).isCloseTo(1000 / r.throughputPerSecond(), within(1e-9));
        assertThat(p.quality()).isEqualTo(r.topkOverlap());
        assertThat(p.measured()).isTrue();
    }

    @Test
    void withoutSensorsEnergyIsUnknownAndSaid() throws Exception {
        ServeConfig one = new ServeConfig(List.of(Precision.INT8), List.of(4), List.of(1), 12, 4, 10, true);
        List<ServeRow> seen = new ArrayList<>();
        ServeResult r;
        try (Meter meter = Meter.start(List.of(), SensorEnvironment.system(), Duration.ofMillis(50))) {
            r = ServeLab.run(one, Corpus.shipped(), meter, (row, done, total) -> seen.add(row));
        }
        assertThat(seen).hasSize(1);
        assertThat(r.rows().getFirst().joulesPer1k()).isNaN();
        assertThat(r.rows().getFirst().method()).isEqualTo("none");
        assertThat(r.notes()).anyMatch(n -> n.startsWith("no energy sensor was available"));
        assertThat(ServeReport.table(r)).contains("n/a");
        assertThat(ServeReport.html(r)).contains("No energy figures").doesNotContain("<script");
    }

    @Test
    void reportShowsEveryRowAndTwoSelfContainedCharts() {
        String table = ServeReport.table(metered);
        assertThat(table.lines()).hasSize(1 + metered.rows().size());
        String html = ServeReport.html(metered);
        assertThat(html.split("<svg", -1)).hasSize(3);
        assertThat(html.split("<circle", -1)).hasSize(1 + 2 * (metered.rows().size() + 2));
        assertThat(html).doesNotContain("<script").doesNotContain("src=").contains("serve-int8-b8-t1");
    }
}
