package dev.wattiq.meter.calibrate;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoadSweepTest {
    @Test
    void levelsGoFromIdleToEveryCpuInAFewSteps() {
        assertThat(LoadSweep.levels(1)).containsExactly(0, 1);
        assertThat(LoadSweep.levels(2)).containsExactly(0, 1, 2);
        assertThat(LoadSweep.levels(6)).containsExactly(0, 1, 2, 3, 4, 5, 6);
        assertThat(LoadSweep.levels(64)).containsExactly(0, 8, 16, 32, 48, 64);
        assertThat(LoadSweep.levels(7)).containsExactly(0, 1, 2, 4, 5, 7);
    }

    @Test
    void theLoadThreadsBurnCpuAndStop() throws Exception {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        try (LoadSweep load = new LoadSweep()) {
            load.run(2);
            Thread.sleep(600);
            long cpu = 0;
            int alive = 0;
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (t.getName().startsWith("wattiq-load-")) {
                    alive++;
                    cpu += mx.getThreadCpuTime(t.threadId());
                }
            }
            assertThat(alive).isEqualTo(2);
            assertThat(cpu).as("CPU ns the two load threads used in 0.6 s (a shared machine gives them less than all of it)")
                    .isGreaterThan(30_000_000L);
            load.run(0);
            assertThat(Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("wattiq-load-"))).isEmpty();
        }
    }
}
