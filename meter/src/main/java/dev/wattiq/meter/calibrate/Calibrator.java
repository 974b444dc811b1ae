package dev.wattiq.meter.calibrate;

import dev.wattiq.meter.Measurement;
import dev.wattiq.meter.Meter;
import dev.wattiq.meter.Scope;
import dev.wattiq.meter.Sensor;
import dev.wattiq.meter.SensorEnvironment;
import dev.wattiq.meter.SensorException;
import dev.wattiq.meter.Window;
import dev.wattiq.meter.estimate.CpuCalibration;
import dev.wattiq.meter.proc.CpuInfo;
import dev.wattiq.meter.proc.MachineCpuReader;
import dev.wattiq.meter.proc.MachineCpuTimes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Fits the CPU-time estimate to the wall: steps a built-in load ({@link LoadSweep}) from idle to every logical CPU,
 * and at each step pairs the machine's busy CPUs (from {@code /proc/stat}, whatever else runs) with the wall's average
 * power over the same stretch (a meter window on the wall sensor), after a settling time. A least-squares line through
 * the pairs gives the idle power and the watts per busy CPU, with its error and its leave-one-out error
 * ({@link LinearFit}). A step whose wall reading had a gap is dropped and said so. Real time: it runs for
 * levels x (settle + measure).
 */
public final class Calibrator {
    /** How long each step settles and measures, and the meter's interval. */
    public record Settings(Duration settle, Duration measure, Duration interval) {
        public Settings {
            Objects.requireNonNull(settle, "settle");
            if (measure.compareTo(Duration.ofMillis(200)) < 0) throw new IllegalArgumentException("a step must measure for at least 200 ms");
        }

        /** 2 s to settle, 5 s to measure (a BMC refreshes about once a second), 100 ms interval. */
        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofMillis(100));
        }
    }

    /** One step: the load's threads, the busy CPUs seen, the wall's power, and why it was dropped (null if kept). */
    public record Step(int threads, double busyCpus, double wallWatts, String dropped) {
    }

    /** Told of the sweep before it starts and of each step as it ends (the CLI prints progress). */
    public interface Progress {
        /** The sweep is about to run {@code steps} steps (one per load level for the CPUs procfs lists online). */
        default void sweep(int steps) {
        }

        void step(Step step, int index, int of);
    }

    /** The fit and every step. */
    public record Outcome(CpuCalibration calibration, List<Step> steps) {
    }

    private Calibrator() {
    }

    /**
     * Runs the sweep against {@code wall} (a sensor reporting the wall) on the machine {@code env} describes.
     *
     * @throws SensorException when procfs cannot be read or fewer than two steps have a reading
     */
    public static Outcome run(Sensor wall, SensorEnvironment env, Settings settings, String host, Progress progress)
            throws SensorException, InterruptedException {
        SensorEnvironment machine = env.withScope(Scope.MACHINE, 0);
        CpuInfo cpu;
        int cpus;
        try (MachineCpuReader reader = MachineCpuReader.open(env.procfsRoot())) {
            cpu = CpuInfo.parse(Files.readString(env.procfsRoot().resolve("cpuinfo"), StandardCharsets.ISO_8859_1));
            cpus = Math.max(1, MachineCpuTimes.onlineCpus(reader.readAll()));
        } catch (IOException | IllegalArgumentException e) {
            throw new SensorException("calibrate: cannot read procfs under " + env.procfsRoot() + ": " + e.getMessage() + "; check --procfs-root", e);
        }
        List<Integer> levels = LoadSweep.levels(cpus);
        if (progress != null) progress.sweep(levels.size());
        List<Step> steps = new ArrayList<>();
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        try (Meter meter = Meter.start(List.of(wall), machine, settings.interval());
             MachineCpuReader reader = MachineCpuReader.open(env.procfsRoot());
             LoadSweep load = new LoadSweep()) {
            for (int i = 0; i < levels.size(); i++) {
                load.run(levels.get(i));
                Thread.sleep(settings.settle());
                MachineCpuTimes before = reader.read();
                Window w = meter.window("calibrate-" + levels.get(i));
                Thread.sleep(settings.measure());
                Measurement m = w.end();
                MachineCpuTimes after = reader.read();
                long total = after.totalTicks() - before.totalTicks();
                double busy = total > 0 ? cpus * (after.busyTicks() - before.busyTicks()) / (double) total : Double.NaN;
                double watts = m.wallJoules().orElse(Double.NaN) / m.durationSeconds();
                String dropped = !m.notes().isEmpty() ? "the wall had a gap: " + m.notes().getFirst()
                        : m.wallJoules().isEmpty() ? "the sensor reported no wall reading"
                        : !Double.isFinite(busy) ? "no CPU time passed in /proc/stat" : null;
                Step s = new Step(levels.get(i), busy, watts, dropped);
                steps.add(s);
                if (dropped == null) {
                    xs.add(busy);
                    ys.add(watts);
                }
                if (progress != null) progress.step(s, i, levels.size());
            }
        } catch (IOException e) {
            throw new SensorException("calibrate: cannot read " + env.procfsRoot().resolve("stat") + ": " + e.getMessage(), e);
        }
        if (xs.size() < 2) {
            throw new SensorException("calibrate: only " + xs.size() + " of " + steps.size() + " load steps had a wall reading: the wall sensor"
                    + " kept failing (" + steps.stream().filter(s -> s.dropped() != null).map(Step::dropped).findFirst().orElse("") + ")");
        }
        LinearFit fit;
        try {
            fit = LinearFit.of(xs, ys);
        } catch (IllegalArgumentException e) {
            throw new SensorException("calibrate: " + e.getMessage() + ": the load did not change the machine's busy CPUs; is the CPU count capped?");
        }
        List<CpuCalibration.Point> points = new ArrayList<>();
        for (int i = 0; i < xs.size(); i++) points.add(new CpuCalibration.Point(xs.get(i), ys.get(i)));
        String source = wall.assumptions().getOrDefault("wall_source", wall.name());
        CpuCalibration c = new CpuCalibration(env.clock().wallTime(), host, cpu.modelName(), cpus, source, fit.intercept(), fit.slope(),
                fit.rmse(), fit.looRmse(), points);
        return new Outcome(c, steps);
    }
}
