package dev.wattiq.meter.proc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ancestor walk, and {@link ProcessStat#parentPid} that it reads each stat line with. */
class ProcessAncestryTest {
    @TempDir
    Path proc;

    @Test
    void parsesTheParentEvenWhenTheCommandHasSpacesAndParentheses() {
        assertThat(ProcessStat.parentPid("4242 (python3) S 100 4242 4242 0 -1 4194560 1 0")).isEqualTo(100);
        assertThat(ProcessStat.parentPid("7 (a) b) (c) R 1 7 7")).isEqualTo(1);
        assertThat(ProcessStat.parentPid("9 (tmux: server) S 0 9 9\n")).isZero();
    }

    @Test
    void malformedStatLinesAreRefusedWithTheLine() {
        assertThatThrownBy(() -> ProcessStat.parentPid("")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no '(comm)'");
        assertThatThrownBy(() -> ProcessStat.parentPid("12 python S 1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProcessStat.parentPid("12 (python) S")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no parent pid");
        assertThatThrownBy(() -> ProcessStat.parentPid("12 (python) S x 1")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not a number: 'x'");
        assertThatThrownBy(() -> ProcessStat.parentPid("12 (python) S -4 1")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
        assertThatThrownBy(() -> ProcessStat.parentPid(") 12 (python S 3")).isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void anyCommandNameRoundTrips(@ForAll @StringLength(max = 40) String comm, @ForAll @LongRange(min = 0, max = 4_194_304) long ppid) {
        String clean = comm.replace("\n", " ");
        assertThat(ProcessStat.parentPid("123 (" + clean + ") S " + ppid + " 123 123 0 -1")).isEqualTo(ppid);
    }

    @Test
    void descendantsAreMembersAndOthersAndExitedProcessesAreNot() throws Exception {
        stat(100, 1);
        stat(200, 100);
        stat(300, 200);
        stat(400, 1);
        ProcessAncestry t = new ProcessAncestry(proc, 100);
        assertThat(t.contains(100)).isTrue();
        assertThat(t.contains(300)).isTrue();
        assertThat(t.contains(400)).isFalse();
        assertThat(t.contains(555)).as("no such process").isFalse();
        Files.writeString(proc.resolve("300").resolve("stat"), "300 (w) S 1 300 300"); // re-parented after its launcher died
        assertThat(t.contains(300)).as("a member stays a member").isTrue();
        assertThatThrownBy(() -> new ProcessAncestry(proc, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aParentCycleDoesNotHang() throws Exception {
        stat(5, 6);
        stat(6, 5);
        assertThat(new ProcessAncestry(proc, 100).contains(5)).isFalse();
    }

    private void stat(long pid, long ppid) throws Exception {
        Path d = Files.createDirectories(proc.resolve(Long.toString(pid)));
        Files.writeString(d.resolve("stat"), pid + " (p" + pid + ") S " + ppid + " " + pid + " " + pid + " 0 -1");
    }
}
