package dev.wattiq.meter.proc;

import dev.wattiq.meter.testing.FakeProcfs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The tree's CPU time on a fake procfs, where every exit and reap is scripted. */
class ProcessTreeTest {
    @TempDir
    Path dir;

    @Test
    void countsDescendantsAndReapedChildrenExactlyOnce() throws Exception {
        FakeProcfs p = new FakeProcfs(dir, "Test CPU", 2, 1024);
        p.process(100, 1, "sh", 10, 5, 0, 0, 200);
        p.process(200, 100, "worker", 20, 0, 0, 0, 300);
        p.process(300, 200, "grand child", 30, 0, 0, 0);
        p.process(999, 1, "unrelated", 1000, 0, 0, 0);
        try (ProcessTree t = new ProcessTree(dir, 100)) {
            assertThat(t.cpuTicks()).isEqualTo(65);
            assertThat(t.members()).isEqualTo(3);

            // the grandchild exits and its parent waits for it: its time moves into 200's cutime
            p.remove(300);
            p.process(200, 100, "worker", 20, 0, 30, 0);
            assertThat(t.cpuTicks()).isEqualTo(65);

            // 200 exits; 100 has not waited yet: a zombie still shows its own time
            p.process(200, 100, "worker", 22, 0, 30, 0);
            p.process(100, 1, "sh", 10, 5, 0, 0, 200);
            assertThat(t.cpuTicks()).isEqualTo(67);

            // the race: 200 is reaped, but 100's stat has not caught up in this walk -> no dip, no double count
            p.remove(200);
            p.process(100, 1, "sh", 10, 5, 0, 0);
            assertThat(t.cpuTicks()).isEqualTo(67);
            p.process(100, 1, "sh", 10, 5, 52, 0);
            assertThat(t.cpuTicks()).isEqualTo(67);
            assertThat(t.members()).isEqualTo(1);

            // the root keeps working
            p.process(100, 1, "sh", 15, 5, 52, 0);
            assertThat(t.cpuTicks()).isEqualTo(72);
            assertThat(t.cpuSeconds()).isEqualTo(0.72); // CLK_TCK 100: no auxv in a fake procfs
        }
    }

    @Test
    void afterTheRootIsReapedItsTimeComesFromTheParentAndItsMemoryIsSummed() throws Exception {
        FakeProcfs p = new FakeProcfs(dir, "Test CPU", 2, 1024);
        p.process(50, 1, "wattiq", 0, 0, 500, 20); // the parent has reaped 520 ticks of earlier children
        p.rssPages(300).process(100, 50, "sh", 10, 5, 0, 0, 200);
        p.rssPages(700).process(200, 100, "worker", 20, 0, 0, 0);
        try (ProcessTree t = new ProcessTree(dir, 100)) {
            assertThat(t.cpuTicks()).isEqualTo(35);
            assertThat(t.rssPages()).isEqualTo(1000);
            // the worker is reaped by sh, sh exits and is reaped by its parent, all between two walks
            p.remove(200);
            p.remove(100);
            p.process(50, 1, "wattiq", 0, 0, 500 + 41, 20 + 2); // sh's own 17 and the worker's 26
            assertThat(t.cpuTicks()).isEqualTo(43);
            assertThat(t.members()).isZero();
            assertThat(t.rssPages()).isZero();
        }
    }

    @Test
    void aRootWhoseParentCannotBeReadKeepsItsLastWalk() throws Exception {
        FakeProcfs p = new FakeProcfs(dir, "Test CPU", 2, 1024);
        p.process(100, 1, "sh", 10, 5, 0, 0);
        try (ProcessTree t = new ProcessTree(dir, 100)) {
            assertThat(t.cpuTicks()).isEqualTo(15);
            p.remove(100);
            assertThat(t.cpuTicks()).isEqualTo(15);
        }
    }

    @Test
    void withoutChildrenFilesScansParentIds() throws Exception {
        FakeProcfs p = new FakeProcfs(dir, "Test CPU", 2, 1024);
        p.process(100, 1, "sh", 10, 0, 0, 0);
        p.process(200, 100, "w", 20, 0, 0, 0);
        p.process(300, 200, "w2", 30, 0, 0, 0);
        p.process(999, 1, "other", 1000, 0, 0, 0);
        for (long pid : new long[]{100, 200, 300, 999}) {
            Files.delete(dir.resolve(pid + "/task/" + pid + "/children"));
        }
        try (ProcessTree t = new ProcessTree(dir, 100)) {
            assertThat(t.cpuTicks()).isEqualTo(60);
            assertThat(t.members()).isEqualTo(3);
        }
    }

    @Test
    void missingRootIsReported() {
        new FakeProcfs(dir, "Test CPU", 2, 1024);
        assertThatThrownBy(() -> ProcessAttribution.open(dir, 4242, 0)).hasMessageContaining("process 4242 not found");
        assertThatThrownBy(() -> new ProcessTree(dir, 0)).hasMessageContaining("root pid > 0");
    }

    @Test
    void attributionWaitsForBusyTicksThenChargesTheShare() throws Exception {
        FakeProcfs p = new FakeProcfs(dir, "Test CPU", 2, 1024);
        p.machine(1000, 5000);
        p.process(100, 1, "sh", 10, 0, 0, 0);
        try (ProcessAttribution a = ProcessAttribution.open(dir, 100, 0)) {
            assertThat(a.share(5_000_000)).isNaN(); // under one tick since the start: not read
            assertThat(a.share(10_000_000)).isNaN(); // no new busy ticks on the machine yet
            p.machine(1040, 5000);
            p.process(100, 1, "sh", 20, 0, 0, 0);
            assertThat(a.share(20_000_000)).isEqualTo(0.25);
            p.machine(1050, 5000);
            p.process(100, 1, "sh", 40, 0, 0, 0); // sampling skew: the tree saw more than the machine
            assertThat(a.share(30_000_000)).isEqualTo(1.0);
        }
    }
}
