package dev.wattiq.meter.redfish;

import dev.wattiq.meter.ManualClock;
import dev.wattiq.meter.Measurement;
import dev.wattiq.meter.Meter;
import dev.wattiq.meter.Method;
import dev.wattiq.meter.SensorEnvironment;
import dev.wattiq.meter.Window;
import dev.wattiq.meter.testing.FakeBmc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The Redfish wall sensor against a fake BMC on loopback, through the real HTTP client, discovery and poller; time is
 * a manual clock, and the test drives the poller ({@link RedfishSensor#tick()}) and the meter at 100 ms steps.
 */
class RedfishSensorTest {
    static final String PASSWORD = "s3cr3t-Pa55-word";
    @TempDir
    Path dir;
    final ManualClock clock = new ManualClock();

    SensorEnvironment env(FakeBmc bmc) throws Exception {
        Path pw = dir.resolve("bmc.pw");
        Files.writeString(pw, PASSWORD + "\n");
        return SensorEnvironment.system().withClock(clock)
                .withRedfish(java.util.Optional.of(RedfishTarget.parse(bmc.url(), "admin", pw, null, false)));
    }

    /** Scripted power over time (seconds since the start): a swing of +-60 W around 240 W. */
    static final DoubleUnaryOperator SCRIPT = t -> 240 + 60 * Math.sin(t / 6.0) + (t > 40 ? 35 : 0);

    double seconds() {
        return clock.monotonicNanos() / 1e9;
    }

    /** Runs {@code steps} x 100 ms, polling the BMC as due and the meter every step; returns the scripted energy. */
    double run(Meter meter, RedfishSensor s, int steps, IntConsumer atStep) {
        double scripted = 0;
        for (int i = 0; i < steps; i++) {
            atStep.accept(i);
            for (int k = 0; k < 10; k++) scripted += SCRIPT.applyAsDouble(seconds() + k * 0.01 + 0.005) * 0.01;
            clock.advance(Duration.ofMillis(100));
            s.tick();
            meter.sampleNow();
        }
        return scripted;
    }

    /** One window's measurement and the energy the script gave over it. */
    record Run(Measurement m, double scripted) {
    }

    /** Opens the Redfish sensor on {@code bmc} and measures one window over {@code steps} x 100 ms ({@link #run}). */
    Run measure(FakeBmc bmc, int steps, IntConsumer atStep) throws Exception {
        SensorEnvironment env = env(bmc);
        RedfishSensor s = RedfishProvider.open(env, false);
        try (Meter meter = Meter.manual(List.of(s), env)) {
            Window w = meter.window("job");
            double scripted = run(meter, s, steps, atStep);
            return new Run(w.end(), scripted);
        }
    }

    @Test
    void environmentMetricsWithBusyAnswersAndAStaleReadingIsWithinFivePercentOfTheScript() throws Exception {
        try (FakeBmc bmc = FakeBmc.http(FakeBmc.Schema.ENVIRONMENT_METRICS, "admin", PASSWORD)) {
            bmc.power(() -> SCRIPT.applyAsDouble(seconds()));
            Run r = measure(bmc, 600, i -> {
                if (i == 100 || i == 250 || i == 420) bmc.answer(503, 1);
                if (i == 180) bmc.answer(429, 1);
                if (i == 300) bmc.stale(true);
                if (i == 335) bmc.stale(false);
            });
            Measurement m = r.m();
            double scripted = r.scripted();
            double wall = m.wallJoules().orElseThrow();
            assertThat(wall).isCloseTo(scripted, within(scripted * 0.05));
            assertThat(m.wall()).singleElement().satisfies(e -> {
                assertThat(e.method()).isEqualTo(Method.INTEGRATED);
                assertThat(e.device()).isEqualTo("bmc-1");
            });
            assertThat(m.energies()).isEmpty();
            assertThat(m.assumptions().get("wall_source")).contains("EnvironmentMetrics PowerWatts, read from its Sensor",
                    "/redfish/v1/Chassis/1/Sensors/TotalPower", "every 1 s (the sensor's SensingInterval)");
            assertThat(m.assumptions().get("redfish_energy_kwh")).contains("1234.567 kWh");
            assertThat(m.assumptions().get("redfish_polls")).contains("4 answered 429/503").containsPattern("[1-9]\\d* stale");
            assertThat(m.notes()).isEmpty(); // short outages are held over, no gap
            assertThat(bmc.readingRequests()).isBetween(55, 70); // the BMC's 1 s refresh, not the meter's 100 ms
            assertThat(String.join("\n", m.assumptions().values()) + m.notes()).doesNotContain(PASSWORD);
        }
    }

    @Test
    void thePowerSchemaIsReadWhereThereIsNoEnvironmentMetrics() throws Exception {
        try (FakeBmc bmc = FakeBmc.http(FakeBmc.Schema.POWER, "admin", PASSWORD)) {
            bmc.power(() -> SCRIPT.applyAsDouble(seconds()));
            Run r = measure(bmc, 300, i -> {
                if (i == 120) bmc.answer(503, 2);
            });
            Measurement m = r.m();
            double scripted = r.scripted();
            assertThat(m.wallJoules().orElseThrow()).isCloseTo(scripted, within(scripted * 0.05));
            assertThat(m.assumptions().get("wall_source")).contains("Power PowerControl[0].PowerConsumedWatts", "the BMC states no refresh: 1 s");
            assertThat(m.assumptions().get("redfish_not_added")).contains("CPU Power Control");
            assertThat(m.assumptions()).doesNotContainKey("redfish_energy_kwh");
        }
    }

    @Test
    void aReadingStaleForLongerThanTheHoldIsAGapNotAFrozenPower() throws Exception {
        try (FakeBmc bmc = FakeBmc.http(FakeBmc.Schema.ENVIRONMENT_METRICS, "admin", PASSWORD)) {
            bmc.power(300);
            Measurement m = measure(bmc, 400, i -> { // 40 s; stale from 10 s to 35 s: held 10 s, then 15 s missing
                if (i == 100) bmc.stale(true);
                if (i == 350) bmc.stale(false);
            }).m();
            assertThat(m.wallJoules().orElseThrow()).isCloseTo(300.0 * (40 - 15), within(300.0 * 1.1));
            assertThat(m.notes()).singleElement().satisfies(n -> assertThat(n).contains("sensor redfish: gap at",
                    "no fresh reading from the BMC for over 10 s", "stale (its ReadingTime stayed at"));
        }
    }

    @Test
    void aBusyBmcIsBackedOffNotHammered() throws Exception {
        try (FakeBmc bmc = FakeBmc.http(FakeBmc.Schema.POWER, "admin", PASSWORD)) {
            bmc.power(100);
            SensorEnvironment env = env(bmc);
            RedfishSensor s = RedfishProvider.open(env, false);
            int before = bmc.readingRequests();
            bmc.answer(503, 1000);
            try (Meter meter = Meter.manual(List.of(s), env)) {
                run(meter, s, 600, i -> { });
            }
            // Retry-After: 1 s at first, then each 503 keeps the wait at the BMC's 1 s: about one request a second at most
            assertThat(bmc.readingRequests() - before).isLessThanOrEqualTo(61);
        }
    }
}
