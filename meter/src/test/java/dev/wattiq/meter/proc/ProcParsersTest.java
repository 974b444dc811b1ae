package dev.wattiq.meter.proc;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Parsers on files recorded from this build machine (src/test/resources/proc) and on hand-written edge cases. */
class ProcParsersTest {
    static String fixture(String name) throws IOException {
        try (InputStream in = ProcParsersTest.class.getResourceAsStream("/proc/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void recordedProcStat() throws IOException {
        String text = fixture("stat.epyc-2cpu.txt");
        MachineCpuTimes t = MachineCpuTimes.parse(text);
        assertThat(t).isEqualTo(new MachineCpuTimes(17181, 0, 6348, 57608, 496, 0, 310, 1399));
        assertThat(t.busyTicks()).isEqualTo(17181 + 6348 + 310 + 1399);
        assertThat(t.totalTicks()).isEqualTo(t.busyTicks() + 57608 + 496);
        assertThat(MachineCpuTimes.onlineCpus(text)).isEqualTo(2);
    }

    @Test
    void oldKernelProcStatWithFourColumns() {
        assertThat(MachineCpuTimes.parse("cpu  1 2 3 4\ncpu0 1 2 3 4\n")).isEqualTo(new MachineCpuTimes(1, 2, 3, 4, 0, 0, 0, 0));
    }

    /** Malformed {@code /proc/stat} and {@code /proc/PID/stat} text, and what the parser's message says. */
    static Stream<Arguments> malformed() {
        Function<String, Object> cpu = MachineCpuTimes::parse;
        Function<String, Object> pid = ProcessStat::parse;
        return Stream.of(
                arguments(cpu, "intr 1 2\n", "no aggregate 'cpu ' line"),
                arguments(cpu, "cpu  1 2 x 4\n", "field 3 is not a number"),
                arguments(cpu, "cpu  1 2\n", "expected at least 4"),
                arguments(cpu, "cpu  1 2 -3 4\n", "negative"),
                arguments(cpu, "cpu  99999999999999999999 0 0 0\n", "too large"),
                arguments(cpu, "cpu  9223372036854775808 0 0 0\n", "too large"),
                arguments(pid, "42 sh S 1", "no '(comm)'"),
                arguments(pid, "(sh) S 1 2 3", "no '(comm)'"),
                arguments(pid, "x (sh) S 1 2 3", "pid"),
                arguments(pid, "42 (sh)", "nothing after"),
                arguments(pid, "42 (sh) S 1 2 3", "expected at least 15"),
                arguments(pid, "42 (sh) S 1 2 3 4 5 6 7 8 9 10 1x 2 3 4 5", "not a number"));
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void malformedStatIsRefusedSayingWhy(Function<String, Object> parser, String text, String message) {
        assertThatThrownBy(() -> parser.apply(text)).hasMessageContaining(message);
    }

    @Test
    void procStatEdges() {
        assertThatThrownBy(() -> MachineCpuTimes.parse("")).isInstanceOf(IllegalArgumentException.class);
        assertThat(MachineCpuTimes.parse("cpu  9223372036854775807 0 0 0\n").user()).isEqualTo(Long.MAX_VALUE);
        byte[] b = "cpu  1 2 3 4\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(MachineCpuTimes.parse(new AsciiText(b, b.length))).isEqualTo(MachineCpuTimes.parse("cpu  1 2 3 4\n"));
    }

    @Test
    void recordedPidStat() throws IOException {
        ProcessStat s = ProcessStat.parse(fixture("pid-stat.cat.txt"));
        assertThat(s.pid()).isEqualTo(10950);
        assertThat(s.comm()).isEqualTo("cat");
        assertThat(s.state()).isEqualTo('R');
        assertThat(s.ppid()).isEqualTo(10944);
        assertThat(s.utime()).isZero();
    }

    @Test
    void commWithSpacesAndParentheses() {
        ProcessStat s = ProcessStat.parse("42 (a) b (c)) S 7 42 42 0 -1 0 0 0 0 0 11 12 13 14 20 0 1 0 5 6 7\n");
        assertThat(s.comm()).isEqualTo("a) b (c)");
        assertThat(s.ppid()).isEqualTo(7);
        assertThat(s).extracting(ProcessStat::utime, ProcessStat::stime, ProcessStat::cutime, ProcessStat::cstime)
                .containsExactly(11L, 12L, 13L, 14L);
        assertThat(s.cpuTicksWithReapedChildren()).isEqualTo(50);
        assertThat(ProcessStat.parse("1 () R 0 1 1 0 -1 0 0 0 0 0 1 2 3 4 20").comm()).isEmpty();
    }

    @Test
    void stateLetterOfAStatLine() throws IOException {
        assertThat(ProcessStat.state("42 (sleep) Z 1 42 42 0 -1\n")).isEqualTo('Z');
        assertThat(ProcessStat.state("7 (a) Z b) R 1")).as("a name that looks like a state").isEqualTo('R');
        assertThat(ProcessStat.state(fixture("pid-stat.cat.txt"))).isEqualTo(ProcessStat.parse(fixture("pid-stat.cat.txt")).state());
        assertThatThrownBy(() -> ProcessStat.state("42 (sh)")).hasMessageContaining("nothing after");
        assertThatThrownBy(() -> ProcessStat.state("42 sh Z")).hasMessageContaining("no '(comm)'");
    }

    @Test
    void recordedMeminfo() throws IOException {
        MemInfo m = MemInfo.parse(fixture("meminfo.txt"));
        assertThat(m.totalBytes()).isEqualTo(24684092L * 1024);
        assertThat(m.availableBytes()).isPositive();
        assertThat(MemInfo.parse("MemTotal: 10 kB\n")).isEqualTo(new MemInfo(10240, -1));
    }

    @Test
    void malformedMeminfo() {
        assertThatThrownBy(() -> MemInfo.parse("MemFree: 10 kB\n")).hasMessageContaining("no MemTotal");
        assertThatThrownBy(() -> MemInfo.parse("MemTotal: 10 MB\n")).hasMessageContaining("not in kB");
        assertThatThrownBy(() -> MemInfo.parse("MemTotal: ten kB\n")).hasMessageContaining("not a number");
    }

    @Test
    void recordedCpuinfo() throws IOException {
        CpuInfo c = CpuInfo.parse(fixture("cpuinfo.epyc-vm.txt"));
        assertThat(c).isEqualTo(new CpuInfo("AMD EPYC", 2, 1));
    }

    @Test
    void cpuinfoEdgeCases() {
        assertThat(CpuInfo.parse("")).isEqualTo(new CpuInfo("unknown", 0, 1));
        String twoSockets = "processor : 0\nmodel name : Xeon X\nphysical id : 0\n\nprocessor : 1\nmodel name : Xeon X\nphysical id : 1\n";
        assertThat(CpuInfo.parse(twoSockets)).isEqualTo(new CpuInfo("Xeon X", 2, 2));
        assertThat(CpuInfo.parse("processor : 0\nCPU part : 0xd0c\n").modelName()).isEqualTo("0xd0c");
        assertThat(CpuInfo.parse("garbage without colons\n\n").logicalCpus()).isZero();
    }

    @Test
    void clockTicksFromAuxv() {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(64).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.putLong(6).putLong(4096).putLong(17).putLong(250).putLong(0).putLong(0);
        assertThat(ClockTicks.fromAuxv(b.array())).isEqualTo(250);
        assertThat(ClockTicks.fromAuxv(new byte[0])).isEqualTo(ClockTicks.DEFAULT);
        assertThat(ClockTicks.fromAuxv(new byte[]{1, 2, 3})).isEqualTo(ClockTicks.DEFAULT);
        assertThat(ClockTicks.read(java.nio.file.Path.of("/proc"))).isEqualTo(100); // this machine's USER_HZ (getconf CLK_TCK)
        assertThat(ClockTicks.read(java.nio.file.Path.of("/nonexistent"))).isEqualTo(ClockTicks.DEFAULT);
    }

    @Test
    void childrenFileParsing() {
        java.util.List<Long> out = new java.util.ArrayList<>();
        ProcessTree.parsePids("12 345 x7 8\n", out);
        assertThat(out).containsExactly(12L, 345L, 8L);
    }

    @Test
    void unsignedLongParsing() {
        assertThat(AsciiText.parseUnsignedLong(" 123\n")).isEqualTo(123);
        assertThatThrownBy(() -> AsciiText.parseUnsignedLong("\n")).hasMessageContaining("empty");
        assertThatThrownBy(() -> AsciiText.parseUnsignedLong("12a")).hasMessageContaining("not a decimal");
        assertThatThrownBy(() -> AsciiText.parseUnsignedLong("-1")).hasMessageContaining("not a decimal");
        assertThatThrownBy(() -> AsciiText.parseUnsignedLong("9223372036854775808")).hasMessageContaining("too large");
        // a corrupt file's bytes stay on one line of the message: controls escaped, as every message shows outside text
        assertThatThrownBy(() -> AsciiText.parseUnsignedLong("12\r\n34")).hasMessageContaining("'12\\u000d\\u000a34'")
                .hasMessageNotContaining("\n");
    }
}
