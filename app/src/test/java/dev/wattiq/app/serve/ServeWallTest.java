package dev.wattiq.app.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.wattiq.meter.testing.FakeHwmon;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code wattiq serve} with a 250 W power meter beside the fake RAPL package: the wall and the rest as metrics. */
class ServeWallTest {
    @TempDir
    Path dir;

    static double value(String body, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.eE+-]+)$").matcher(body);
        if (!m.find()) throw new AssertionError(series + " not in\n" + body);
        return Double.parseDouble(m.group(1));
    }

    @Test
    void theWallPowerAndTheOtherEnergyAreExported() throws Exception {
        Path sysfs = ServeProcess.fakeRapl(dir, 1_000_000);
        new FakeHwmon(sysfs).device(0, "power_meter", true).power(0, "power1_average", 250).write(0, "power1_average_interval", "500\n");
        try (ServeProcess serve = ServeProcess.start(dir.resolve("home"), sysfs, "--scope", "machine")) {
            ServeProcess.setEnergy(sysfs, 1_000_000 + 42_500_000); // +42.5 J on package 0
            ServeProcess.eventually(Duration.ofSeconds(20), () -> {
                String b = serve.get("/metrics").body();
                return b.contains("wattiq_energy_joules_total{component=\"cpu_package\",device=\"package-0\"} 42.5")
                        && b.contains("wattiq_wall_power_watts 250.0") && value(b, "wattiq_wall_energy_joules_total{device=\"hwmon0\"}") > 100;
            });
            String b = serve.get("/metrics").body();
            assertThat(b).contains("# TYPE wattiq_wall_power_watts gauge", "# TYPE wattiq_wall_energy_joules_total counter")
                    .doesNotContain("wattiq_energy_joules_total{component=\"wall\"").doesNotContain("wattiq_power_watts{component=\"wall\"}");
            double wall = value(b, "wattiq_wall_energy_joules_total{device=\"hwmon0\"}");
            double other = value(b, "wattiq_energy_joules_total{component=\"other\",device=\"machine\"}");
            double cpu = value(b, "wattiq_energy_joules_total{component=\"cpu_package\",device=\"package-0\"}");
            assertThat(other + cpu).as("the components and other add up to the wall").isCloseTo(wall, within(1e-6));
        }
    }
}
