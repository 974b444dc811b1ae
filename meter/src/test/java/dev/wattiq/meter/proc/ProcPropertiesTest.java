package dev.wattiq.meter.proc;

import dev.wattiq.meter.ChargedEnergy;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProcPropertiesTest {

    @Property
    void pidStatRoundTripsAnyComm(@ForAll @StringLength(max = 16) @CharRange(from = ' ', to = '~') String comm,
                                  @ForAll @LongRange(min = 1, max = 4_194_304) long pid, @ForAll @LongRange(min = 0, max = 1L << 40) long utime,
                                  @ForAll @LongRange(min = 0, max = 1L << 40) long stime, @ForAll @LongRange(min = 0, max = 1L << 40) long cutime) {
        String line = pid + " (" + comm + ") S 1 2 3 0 -1 4194560 0 0 0 0 " + utime + " " + stime + " " + cutime + " 7 20 0 1 0 9 9 9\n";
        ProcessStat s = ProcessStat.parse(line);
        assertThat(s).isEqualTo(new ProcessStat(pid, comm, 'S', 1, utime, stime, cutime, 7, 1, 9));
    }

    @Property
    void procStatRoundTrips(@ForAll @Size(8) List<@LongRange(min = 0, max = 1L << 50) Long> v) {
        String text = "cpu  " + String.join(" ", v.stream().map(String::valueOf).toList()) + " 0 0\ncpu0 1 1 1 1\n";
        MachineCpuTimes t = MachineCpuTimes.parse(new AsciiText(text.getBytes(StandardCharsets.ISO_8859_1), text.length()));
        assertThat(t).isEqualTo(new MachineCpuTimes(v.get(0), v.get(1), v.get(2), v.get(3), v.get(4), v.get(5), v.get(6), v.get(7)));
        assertThat(t.totalTicks()).isGreaterThanOrEqualTo(t.busyTicks());
    }

    @Property
    void unsignedLongRoundTrips(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long v) {
        assertThat(AsciiText.parseUnsignedLong(v + "\n")).isEqualTo(v);
    }

    @Property
    void shareIsAlwaysWithinZeroAndOne(@ForAll @Size(max = 30) List<@LongRange(min = 0, max = 1000) Long> treeSteps,
                                       @ForAll @Size(max = 30) List<@LongRange(min = 0, max = 1000) Long> busySteps) {
        CpuShare share = new CpuShare();
        long tree = 0;
        long busy = 0;
        share.start(tree, busy);
        for (int i = 0; i < Math.min(treeSteps.size(), busySteps.size()); i++) {
            tree += treeSteps.get(i);
            busy += busySteps.get(i);
            double s = share.update(tree, busy);
            if (busySteps.get(i) == 0 && !Double.isNaN(s)) throw new AssertionError("a share without busy time");
            if (!Double.isNaN(s)) assertThat(s).isBetween(0.0, 1.0);
        }
    }

    @Property
    void chargedEnergyNeverExceedsTheDevice(@ForAll @Size(max = 40) List<@DoubleRange(min = 0, max = 1e6) Double> deltas,
                                            @ForAll @Size(max = 40) List<@DoubleRange(min = -1, max = 2) Double> shares) {
        ChargedEnergy c = new ChargedEnergy();
        double sum = 0;
        for (int i = 0; i < deltas.size(); i++) {
            c.add(deltas.get(i));
            sum += deltas.get(i);
            if (i < shares.size()) c.settle(shares.get(i));
            assertThat(c.attributedJoules()).isBetween(0.0, c.joules());
        }
        assertThat(c.joules()).isEqualTo(sum);
        c.settle(1.0);
        assertThat(c.pendingJoules()).isZero();
    }
}
