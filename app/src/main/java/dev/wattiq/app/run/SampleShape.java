package dev.wattiq.app.run;

import dev.wattiq.meter.PowerSample;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The run's power timeline for the ledger (tariff periods, hourly carbon), merged into buckets of at least
 * {@link #BUCKET_SECONDS} so that memory stays small at a 1 ms interval over long runs. Fed on the sampler thread.
 */
public final class SampleShape {
    /** Shortest bucket: tariffs and carbon series change by the hour at the finest, so a second is plenty. */
    public static final double BUCKET_SECONDS = 1.0;

    private final List<PowerSample> buckets = new ArrayList<>();
    private double joules;
    private double seconds;

    /** Adds one sample (sampler thread). */
    public synchronized void add(PowerSample s) {
        add(s.wallTime(), s.intervalSeconds(), s.totalWatts());
    }

    /** Adds an interval of {@code seconds} ending at {@code end} with average power {@code watts}. */
    public synchronized void add(Instant end, double intervalSeconds, double watts) {
        if (!(intervalSeconds > 0)) return;
        joules += Math.max(0, watts) * intervalSeconds;
        seconds += intervalSeconds;
        if (seconds >= BUCKET_SECONDS) flush(end);
        else pendingEnd = end;
    }

    private Instant pendingEnd;

    private void flush(Instant end) {
        buckets.add(new PowerSample(end, seconds, Map.of(), joules / seconds, false));
        joules = 0;
        seconds = 0;
        pendingEnd = null;
    }

    /** The buckets so far, the last partial one included. */
    public synchronized List<PowerSample> samples() {
        List<PowerSample> out = new ArrayList<>(buckets);
        if (seconds > 0 && pendingEnd != null) out.add(new PowerSample(pendingEnd, seconds, Map.of(), joules / seconds, false));
        return out;
    }
}
