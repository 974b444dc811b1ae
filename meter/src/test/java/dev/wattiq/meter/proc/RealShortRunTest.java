package dev.wattiq.meter.proc;

import dev.wattiq.meter.Measurement;
import dev.wattiq.meter.Meter;
import dev.wattiq.meter.Scope;
import dev.wattiq.meter.Sensor;
import dev.wattiq.meter.SensorEnvironment;
import dev.wattiq.meter.Window;
import dev.wattiq.meter.estimate.CpuEstimateProvider;
import dev.wattiq.meter.estimate.CpuEstimateSensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real, short CPU-bound command on this machine's /proc, measured with a sampling interval longer than the command:
 * no sample falls inside it, yet its CPU time is charged, from its parent's (this JVM's) reaped-children time at exit.
 */
@EnabledOnOs(OS.LINUX)
class RealShortRunTest {
    @Test
    void aCommandShorterThanTheIntervalIsChargedItsExactCpuTime() throws Exception {
        long before = reapedTicks();
        Process sh = new ProcessBuilder("sh", "-c", "i=0; while [ $i -lt 60000 ]; do i=$((i+1)); done").start();
        SensorEnvironment env = SensorEnvironment.system().withScope(Scope.PROCESS, sh.pid());
        Measurement m;
        double marginal;
        try (Sensor s = new CpuEstimateProvider().open(env); Meter meter = Meter.start(List.of(s), env, Duration.ofSeconds(5))) {
            marginal = ((CpuEstimateSensor) s).marginalWattsPerCpu();
            long opened = reapedTicks(); // nothing of the command is reaped yet
            assertThat(opened).isEqualTo(before);
            Window w = meter.window("short");
            assertThat(sh.waitFor()).isZero();
            Thread.sleep(15); // one procfs tick after the exit, so the window's end reads procfs afresh
            m = w.end();
        }
        long commandTicks = reapedTicks() - before; // the kernel's figure for the command, reaped by this JVM
        assertThat(commandTicks).isPositive();
        double cpuJ = m.joulesByComponent().get("cpu");
        assertThat(cpuJ).isPositive().isNotNaN();
        // charged from the meter's start to the exit: at most the command's whole time, short of it by what ran before
        // the meter opened (a few ticks of the shell's start) and at most one tick of skew
        assertThat(cpuJ / marginal * 100).isLessThanOrEqualTo(commandTicks + 1e-9).isGreaterThan(commandTicks - 8.0);
        assertThat(m.samples()).isLessThanOrEqualTo(2);
    }

    /** This JVM's {@code cutime + cstime}: the CPU time of the children it has reaped. */
    private static long reapedTicks() throws Exception {
        ProcessStat st = ProcessStat.parse(Files.readString(Path.of("/proc/self/stat")));
        return st.cutime() + st.cstime();
    }
}
