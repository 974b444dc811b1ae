package dev.wattiq.meter.control;

import dev.wattiq.meter.EnergyCounter;
import dev.wattiq.meter.Meter;
import dev.wattiq.meter.Method;
import dev.wattiq.meter.Sensor;
import dev.wattiq.meter.SensorEnvironment;
import dev.wattiq.meter.Window;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the Python client's own tests ({@code python3 -m unittest discover clients/python/tests}) against a real control
 * socket over a running meter, and fails when they fail. Off CI a missing python3 skips; under {@code CI} it fails.
 * The joules the Python tests saw are compared with what the server recorded, exactly.
 */
class PythonClientTest {
    static final Path CLIENT = Path.of("..", "clients", "python").toAbsolutePath().normalize();

    @TempDir
    Path tmp;

    /** The hardware: a counter that a steady 20 W load advances (the meter reads it at its boundaries). */
    static final class SteadyLoad implements Sensor {
        final long start = System.nanoTime();

        @Override
        public String name() {
            return "steady-load";
        }

        @Override
        public List<EnergyCounter> poll() {
            double j = 20.0 * (System.nanoTime() - start) / 1e9;
            return List.of(new EnergyCounter("cpu_package", "package-0", j, j, Method.MEASURED));
        }
    }

    static String python() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, "python3");
            if (Files.isExecutable(p)) return p.toString();
        }
        String msg = "python3 is missing: apt-get install -y python3 (.ci/run installs it)";
        if (System.getenv("CI") != null) throw new AssertionError(msg);
        Assumptions.assumeTrue(false, msg);
        return null;
    }

    @Test
    void thePythonClientsTestsPassAgainstARealControlSocket() throws Exception {
        String python = python();
        Path report = tmp.resolve("windows.jsonl");
        Path log = tmp.resolve("unittest.log");
        try (Meter meter = Meter.start(List.of(new SteadyLoad()), SensorEnvironment.system(), Duration.ofMillis(10))) {
            Window run = meter.window("run");
            ControlState state = new ControlState(meter, run, "python-client-test", ControlLimits.DEFAULT, r -> { });
            try (ControlServer server = ControlServer.bind(Map.of("XDG_RUNTIME_DIR", tmp.toString()), ControlLimits.DEFAULT, "python-client-test")) {
                server.serve(state);
                ProcessBuilder pb = new ProcessBuilder(python, "-m", "unittest", "discover", "-v", "-s", "tests", "-t", ".")
                        .directory(CLIENT.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
                pb.environment().put("PYTHONPATH", CLIENT.toString());
                pb.environment().put(ControlServer.ENV, server.socketPath().toString());
                pb.environment().put("WATTIQ_TEST_SERVER", "1");
                pb.environment().put("WATTIQ_TEST_REPORT", report.toString());
                Process p = pb.start();
                boolean done = p.waitFor(5, TimeUnit.MINUTES);
                if (!done) p.destroyForcibly();
                String out = Files.readString(log);
                assertThat(done).as("python unittest finished in time:\n" + out).isTrue();
                assertThat(p.exitValue()).as("python unittest:\n" + out).isZero();
                assertThat(out).contains("OK").doesNotContain("skipped 'needs a wattiq control socket");
                System.out.println(out.lines().filter(l -> l.startsWith("Ran ") || l.startsWith("OK")).toList());
            }
            assertWindowsAgree(report, state.windows());
        }
    }

    /** Every window a Python test reported: the server recorded the same joules (bit for bit) and the same work. */
    static void assertWindowsAgree(Path report, List<WindowRecord> recorded) throws IOException {
        List<String> lines = Files.readAllLines(report);
        assertThat(lines).hasSizeGreaterThanOrEqualTo(3);
        Pattern p = Pattern.compile("\\{\"name\": \"([^\"]+)\", \"energy_j\": ([^,]+), \"duration_s\": ([^,]+), \"work\": "
                + "\\{\"steps\": (\\d+), \"samples\": (\\d+), \"tokens\": (\\d+)\\}\\}");
        for (String line : lines) {
            Matcher m = p.matcher(line);
            assertThat(m.matches()).as(line).isTrue();
            WindowRecord r = recorded.stream().filter(w -> w.name().equals(m.group(1))).findFirst().orElseThrow();
            assertThat(Double.parseDouble(m.group(2))).as(line).isEqualTo(r.measurement().totalJoules());
            assertThat(Double.parseDouble(m.group(3))).as(line).isEqualTo(r.measurement().durationSeconds());
            assertThat(new Work(Long.parseLong(m.group(4)), Long.parseLong(m.group(5)), Long.parseLong(m.group(6)))).isEqualTo(r.work());
        }
    }
}
