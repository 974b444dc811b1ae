package dev.wattiq.app.run;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wattiq.app.output.Json;
import dev.wattiq.meter.calibrate.Calibrator;
import dev.wattiq.meter.estimate.CpuCalibration;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/** A {@link Calibrated} as {@code wattiq calibrate} prints it: progress to standard error, then the fit as text or JSON. */
final class CalibrateText {
    private CalibrateText() {
    }

    /** The warnings of the request, one {@code wattiq:} line each. */
    static void warnings(PrintWriter err, CalibrateRequest r) {
        for (String w : r.warnings()) err.println("wattiq: " + w);
    }

    /** Prints the sweep as it goes to {@code err}: what it runs against, then one line per step. */
    static Calibrated.Progress progress(PrintWriter err) {
        return new Calibrated.Progress() {
            @Override
            public void started(int steps, Duration settle, Duration step, String wallSource) {
                err.printf(Locale.ROOT, "wattiq calibrate: %d load steps of %s + %s against %s%n", steps, Intervals.format(settle), Intervals.format(step),
                        wallSource);
                err.flush();
            }

            @Override
            public void step(Calibrator.Step s, int index, int of) {
                err.printf(Locale.ROOT, "  step %d/%d  %3d load threads  busy %6.2f CPUs  wall %8.2f W%s%n", index + 1, of, s.threads(), s.busyCpus(),
                        s.wallWatts(), s.dropped() == null ? "" : "  (dropped: " + s.dropped() + ")");
                err.flush();
            }
        };
    }

    static void print(PrintWriter out, Calibrated r) {
        CpuCalibration c = r.calibration();
        out.printf(Locale.ROOT, "fit: wall = %.2f W + %.3f W per busy logical CPU (%d CPUs: %.1f W at full load)%n", c.idleWatts(),
                c.wattsPerBusyCpu(), c.logicalCpus(), c.idleWatts() + c.wattsPerBusyCpu() * c.logicalCpus());
        out.printf(Locale.ROOT, "error: %.2f W RMS over %d steps, %s leave-one-out (out of sample)%n", c.rmseWatts(), c.points().size(),
                Double.isNaN(c.looRmseWatts()) ? "n/a" : String.format(Locale.ROOT, "%.2f W", c.looRmseWatts()));
        out.println(r.saved() != null ? "saved to " + r.saved() + ": the CPU-time estimate on this machine uses it from now on"
                : r.noSave() ? "not saved (--no-save)" : "not saved");
    }

    /** The fit and its steps as one JSON object ({@code --json}). */
    static ObjectNode json(Calibrated r) {
        CpuCalibration c = r.calibration();
        ObjectNode o = Json.object();
        o.put("date", c.date().toString());
        o.put("host", c.host());
        o.put("cpu_model", c.cpuModel());
        o.put("logical_cpus", c.logicalCpus());
        o.put("wall_source", c.wallSource());
        o.put("idle_w", c.idleWatts());
        o.put("w_per_busy_cpu", c.wattsPerBusyCpu());
        o.put("rmse_w", c.rmseWatts());
        Json.num(o, "loo_rmse_w", c.looRmseWatts());
        ArrayNode a = o.putArray("steps");
        for (Calibrator.Step s : r.steps()) {
            ObjectNode n = a.addObject();
            n.put("load_threads", s.threads());
            Json.num(n, "busy_cpus", s.busyCpus());
            Json.num(n, "wall_w", s.wallWatts());
            if (s.dropped() != null) n.put("dropped", s.dropped());
        }
        o.put("saved_to", r.saved() == null ? null : r.saved().toString());
        return o;
    }
}
