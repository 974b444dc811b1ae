package dev.wattiq.meter.proc;

import dev.wattiq.meter.Measurement;
import dev.wattiq.meter.Meter;
import dev.wattiq.meter.Scope;
import dev.wattiq.meter.SensorEnvironment;
import dev.wattiq.meter.Window;
import dev.wattiq.meter.estimate.CpuEstimateProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A real process tree on this machine's /proc: a shell forks three busy workers, one of them through a subshell
 * (a grandchild), and one exits early; the shell waits for all and prints its children's CPU time ({@code times}).
 * Two meters watch the same run, one in process scope and one in machine scope.
 */
@EnabledOnOs(OS.LINUX)
class RealProcessTreeTest {
    private static final String SCRIPT = "w(){ i=0; while [ $i -lt $1 ]; do i=$((i+1)); done; }; "
            + "w 40000 & w 120000 & ( w 100000 & wait ) & wait; times";

    @Test
    void processScopeChargesTheTreeAndNoMoreThanTheMachine() throws Exception {
        Process sh = new ProcessBuilder("sh", "-c", SCRIPT).redirectErrorStream(true).start();
        long pid = sh.pid();
        SensorEnvironment base = SensorEnvironment.system();
        SensorEnvironment procEnv = base.withScope(Scope.PROCESS, pid);
        CpuEstimateProvider provider = new CpuEstimateProvider();
        ProcessTree tree = new ProcessTree(Path.of("/proc"), pid);
        Measurement process;
        Measurement machine;
        long ticks;
        try (Meter pm = Meter.start(List.of(provider.open(procEnv)), procEnv, Duration.ofMillis(20));
             Meter mm = Meter.start(List.of(provider.open(base)), base, Duration.ofMillis(20))) {
            Window pw = pm.window("tree");
            Window mw = mm.window("machine");
            long last = 0;
            while (sh.isAlive()) {
                last = tree.cpuTicks();
                Thread.sleep(5); // the real workers need wall time; nothing here is timed
            }
            ticks = Math.max(last, tree.cpuTicks());
            process = pw.end();
            machine = mw.end();
        }
        String out = new String(sh.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(sh.waitFor()).isZero();
        // second line of `times`: the shell's reaped children, user and system, e.g. "0m0.590000s 0m0.010000s"
        String[] children = out.strip().split("\n")[1].trim().split("\\s+");
        double childrenSeconds = seconds(children[0]) + seconds(children[1]);

        assertThat(childrenSeconds).isGreaterThan(0.1);
        // every worker, the early one and the grandchild included, counted once: the tracker saw (almost) all of the
        // kernel's figure; what it may miss is the last few ticks before the shell exited and was reaped by us
        assertThat(ticks / 100.0).isLessThanOrEqualTo(childrenSeconds + 0.05).isGreaterThan(childrenSeconds * 0.6);
        assertThat(process.scope()).isEqualTo(Scope.PROCESS);
        assertThat(process.totalJoules()).isPositive();
        assertThat(process.totalJoules()).isLessThanOrEqualTo(machine.totalJoules() + 1e-9);
        assertThat(process.energies()).allSatisfy(e -> assertThat(e.energyJoules()).isLessThanOrEqualTo(e.deviceJoules() + 1e-9));
        assertThat(machine.totalJoules()).isCloseTo(machine.energies().stream().mapToDouble(e -> e.deviceJoules()).sum(), within(1e-9));
        assertThat(process.assumptions()).containsKeys("cpu_max_w", "cpu_idle_w", "memory_w_per_gb", "attribution");
        assertThat(process.idlePowerWatts()).isPositive();
    }

    private static double seconds(String times) {
        // "1m2.500000s"
        int m = times.indexOf('m');
        return Integer.parseInt(times.substring(0, m)) * 60 + Double.parseDouble(times.substring(m + 1, times.length() - 1));
    }

}
