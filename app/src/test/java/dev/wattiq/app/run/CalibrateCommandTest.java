package dev.wattiq.app.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wattiq.app.cli.Cli;
import dev.wattiq.meter.testing.FakeDedicatedMachine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code wattiq calibrate} through the CLI against a fake dedicated 2-CPU machine whose /proc/stat and power meter
 * follow the command's own load threads (40 W + 12 W per busy CPU); then a run on that machine estimates with the fit.
 */
class CalibrateCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path tmp;

    @Test
    void theFitIsPrintedWithItsErrorSavedAndUsedByLaterEstimates() throws Exception {
        // the fake machine lives on through the later run, as a real one would: stopping it right after the sweep
        // could leave its meter at a loaded step's power while the run sees an idle /proc/stat
        Cli.Result r;
        Cli.Result run;
        Path out = tmp.resolve("run.json");
        try (FakeDedicatedMachine.Running machine = FakeDedicatedMachine.start(tmp, "Fake EPYC 2-CPU", 2, 40, 12)) {
            String sys = machine.sysfsRoot().toString();
            String proc = machine.procfsRoot().toString();
            r = Cli.run(tmp.resolve("home"), "calibrate", "--sysfs-root", sys, "--procfs-root", proc,
                    "--settle", "400ms", "--step", "1500ms", "--json");
            run = r.exitCode() != 0 ? null : Cli.run(tmp.resolve("home"), "run", "--scope", "machine", "--no-store", "--json-out", out.toString(),
                    "--sysfs-root", sys, "--procfs-root", proc, "--nvml-library", "/nonexistent/libnvidia-ml.so.1",
                    "--", "sleep", "0.5");
        }
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("wattiq calibrate: ", "step 1/3", "step 3/3", "busy", "wall");
        JsonNode fit = JSON.readTree(r.out());
        assertThat(fit.get("idle_w").asDouble()).isCloseTo(40, within(1.5));
        assertThat(fit.get("w_per_busy_cpu").asDouble()).isCloseTo(12, within(1.0));
        assertThat(fit.get("rmse_w").asDouble()).isLessThan(1.5);
        assertThat(fit.get("steps")).hasSize(3);
        Path saved = Path.of(fit.get("saved_to").asText());
        assertThat(saved).startsWith(tmp.resolve("home").resolve("calibration")).exists();
        assertThat(Files.readString(saved)).contains("wall_source=hwmon", "cpu_model=Fake EPYC 2-CPU", "logical_cpus=2");

        JsonNode j = JSON.readTree(out.toFile());
        StringBuilder a = new StringBuilder();
        for (JsonNode n : j.get("assumptions")) a.append(n.get("name").asText()).append('=').append(n.get("value").asText()).append('\n');
        assertThat(a).contains("cpu_model=Fake EPYC 2-CPU (calibrated for this machine)", "wattiq calibrate on ");
        // the fake machine idles at 40 W: the calibrated estimate explains the wall, so little is left as other
        double wall = j.get("energy_j").get("wall").asDouble();
        assertThat(Math.abs(j.get("energy_j").get("other").asDouble()) / wall).as(run.err()).isLessThan(0.1);
    }

    @Test
    void withoutAWallSourceItSaysWhatItNeeds() {
        Cli.Result r = Cli.run(tmp.resolve("home"), "calibrate", "--sysfs-root", tmp.resolve("empty").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("wattiq: calibrate needs a wall source, and there is none: no ACPI power meter under ")
                .contains("give --redfish URL").doesNotContain("\n");
        try (Stream<Path> s = Files.exists(tmp.resolve("home/calibration")) ? Files.list(tmp.resolve("home/calibration")) : Stream.empty()) {
            assertThat(s).isEmpty();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
