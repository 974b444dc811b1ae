package dev.wattiq.ledger;

import dev.wattiq.meter.Measurement;
import dev.wattiq.meter.PowerSample;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * IT energy over wall time, as the ledger prices it: a list of intervals, each with a constant average power. The
 * ledger splits an interval at tariff, carbon-series and demand-window boundaries in proportion to time, so a long
 * interval (a planner's whole-run estimate) is priced as correctly as many short ones (a meter's samples).
 *
 * @param intervals in wall-time order, not overlapping; gaps between them are allowed (nothing was drawn)
 */
public record EnergyTrace(List<Interval> intervals) {

    /**
     * One stretch of constant average IT power.
     *
     * @param start    wall time at its start
     * @param seconds  its length, in seconds (0 allowed only with 0 joules)
     * @param itJoules IT energy drawn over it, in joules
     */
    public record Interval(Instant start, double seconds, double itJoules) {
        public Interval {
            Objects.requireNonNull(start, "start");
            if (!(seconds >= 0) || !Double.isFinite(seconds)) {
                throw new LedgerException("energy interval at " + start + " has length " + seconds + " s: it must be a finite number of seconds >= 0");
            }
            if (!(itJoules >= 0) || !Double.isFinite(itJoules)) {
                throw new LedgerException("energy interval at " + start + " has " + itJoules + " J: IT energy must be a finite number >= 0");
            }
            if (seconds == 0 && itJoules > 0) {
                throw new LedgerException("energy interval at " + start + " has " + itJoules + " J in 0 s: give it a length");
            }
        }

        public Instant end() {
            return start.plusNanos(Math.round(seconds * 1e9));
        }

        /** Average IT power, in watts (0 for an empty interval). */
        public double powerWatts() {
            return seconds == 0 ? 0 : itJoules / seconds;
        }
    }

    public EnergyTrace {
        intervals = List.copyOf(intervals);
        for (int i = 1; i < intervals.size(); i++) {
            Interval prev = intervals.get(i - 1), cur = intervals.get(i);
            if (cur.start().isBefore(prev.end().minusMillis(1))) {
                throw new LedgerException("energy intervals overlap or are out of order at " + cur.start()
                        + " (previous ends " + prev.end() + "): give them in wall-time order without overlap");
            }
        }
    }

    /** One interval: {@code itJoules} drawn evenly over {@code seconds} from {@code start}. */
    public static EnergyTrace of(Instant start, double seconds, double itJoules) {
        return new EnergyTrace(List.of(new Interval(start, seconds, itJoules)));
    }

    /** One interval: {@code itJoules} drawn evenly over {@code duration} from {@code start}. */
    public static EnergyTrace of(Instant start, Duration duration, double itJoules) {
        return of(start, duration.toNanos() / 1e9, itJoules);
    }

    /** A measurement as one interval: its charged energy spread evenly over its window. */
    public static EnergyTrace of(Measurement m) {
        return of(m.start(), m.durationSeconds(), m.totalJoules());
    }

    /**
     * A measurement shaped by its power samples: each sample becomes an interval, and the samples' energies are scaled
     * so they add up to the measurement's own total (counters are exact, samples carry the timing). Without samples,
     * or with samples that hold no energy, the measurement is one interval.
     */
    public static EnergyTrace of(Measurement m, List<PowerSample> samples) {
        EnergyTrace shape = fromSamples(samples);
        double sampled = shape.totalJoules();
        if (shape.intervals.isEmpty() || !(sampled > 0)) return of(m);
        double k = m.totalJoules() / sampled;
        List<Interval> out = new ArrayList<>(shape.intervals.size());
        for (Interval i : shape.intervals) out.add(new Interval(i.start(), i.seconds(), i.itJoules() * k));
        return new EnergyTrace(out);
    }

    /** Power samples as intervals: a sample ending at {@code wallTime} covers the {@code intervalSeconds} before it. */
    public static EnergyTrace fromSamples(List<PowerSample> samples) {
        List<Interval> out = new ArrayList<>(samples.size());
        List<PowerSample> sorted = new ArrayList<>(samples);
        sorted.sort(Comparator.comparing(PowerSample::wallTime));
        for (PowerSample s : sorted) {
            if (!(s.intervalSeconds() > 0)) continue;
            Instant start = s.wallTime().minusNanos(Math.round(s.intervalSeconds() * 1e9));
            out.add(new Interval(start, s.intervalSeconds(), Math.max(0, s.totalWatts()) * s.intervalSeconds()));
        }
        return new EnergyTrace(out);
    }

    /** Total IT energy, in joules. */
    public double totalJoules() {
        double t = 0;
        for (Interval i : intervals) t += i.itJoules();
        return t;
    }

    /** Time covered by the intervals (gaps excluded), in seconds. */
    public double durationSeconds() {
        double t = 0;
        for (Interval i : intervals) t += i.seconds();
        return t;
    }

    /** Highest interval-average IT power, in watts (0 when empty). */
    public double peakPowerWatts() {
        double p = 0;
        for (Interval i : intervals) p = Math.max(p, i.powerWatts());
        return p;
    }
}
