package dev.wattiq.lab.experiments;

import dev.wattiq.ledger.Point;
import dev.wattiq.meter.Measurement;
import dev.wattiq.meter.Meter;
import dev.wattiq.meter.Window;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs each training run inside its own meter window and prices it: one window, one {@link Trial}, one
 * {@link Point}. Quality is R² on the teacher task's held-out set (higher is better).
 */
public final class LabRunner {
    private final Meter meter;
    private final Pricer pricer;
    private final Consumer<Trial> onTrial;
    private final int repeats;

    /** {@code onTrial} hears of every finished trial (progress bars); it must not throw. One window per trial. */
    public LabRunner(Meter meter, Pricer pricer, Consumer<Trial> onTrial) {
        this(meter, pricer, onTrial, 1);
    }

    /**
     * Like {@link #LabRunner(Meter, Pricer, Consumer)}, but every trial is run and measured {@code repeats} times, each
     * in its own window: the Point carries the mean energy, time, cost and CO2e, and the trial's figures carry
     * {@code repeats} and {@code energy_j_sd} (the sample standard deviation of one run's energy), so that a
     * difference smaller than the run-to-run noise is not mistaken for a saving.
     */
    public LabRunner(Meter meter, Pricer pricer, Consumer<Trial> onTrial, int repeats) {
        this.meter = Objects.requireNonNull(meter, "meter");
        this.pricer = Objects.requireNonNull(pricer, "pricer");
        this.onTrial = Objects.requireNonNull(onTrial, "onTrial");
        if (repeats < 1) throw new IllegalArgumentException("repeats must be at least 1, got " + repeats);
        this.repeats = repeats;
    }

    /** How many times each trial is run and measured. */
    public int repeats() {
        return repeats;
    }

    /** What a training body reports back. */
    public record Outcome(double loopSeconds, double finalLoss, TeacherTask.Quality quality, Map<String, Double> figures) {
    }

    /**
     * Runs {@code body} in a window labelled {@code name} ({@link #repeats()} times; training is seeded, so every
     * repeat learns the same model) and returns the priced trial; its measurement is the last repeat's window.
     */
    public Trial measure(String name, Map<String, String> config, Supplier<Outcome> body) {
        Outcome out = null;
        Measurement m = null;
        double[] joules = new double[repeats];
        double seconds = 0, cost = 0, co2eLocation = 0, co2eMarket = 0;
        String currency = "";
        for (int r = 0; r < repeats; r++) {
            try (Window w = meter.window(name)) {
                out = body.get();
                m = w.end();
            }
            Pricer.Price price = pricer.price(m);
            joules[r] = m.totalJoules();
            seconds += m.durationSeconds() / repeats;
            cost += price.cost() / repeats;
            co2eLocation += price.co2eLocationKg() / repeats;
            co2eMarket += price.co2eMarketKg() / repeats;
            currency = price.currency();
        }
        double meanJoules = mean(joules);
        Map<String, Double> figures = withSpread(out.figures(), joules, meanJoules);
        Map<String, Double> q = new LinkedHashMap<>();
        double quality = Double.NaN;
        String metric = "none";
        if (out.quality() != null) {
            q.put("test_mse", out.quality().testMse());
            q.put("r2", out.quality().r2());
            q.put("noise_floor_mse", out.quality().noiseFloorMse());
            q.put("gap_to_floor", out.quality().gapToFloor());
            q.put("r2_se", out.quality().r2StdError());
            quality = out.quality().r2();
            metric = "r2";
        }
        Point p = new Point(name, config, meanJoules, seconds, cost, currency, co2eLocation, co2eMarket, quality, metric, true);
        Trial t = new Trial(name, config, out.loopSeconds(), out.finalLoss(), q, figures, m, p);
        onTrial.accept(t);
        return t;
    }

    /**
     * Trials measured in several passes over the whole set, pooled by name: the Point carries the mean energy, time,
     * cost and CO2e over the passes, the figures (of the last pass) carry {@code repeats} and {@code energy_j_sd}, the
     * sample standard deviation of one run's energy across passes. Passes run one after another over every
     * configuration (round-robin), so that this spread includes the drift of the machine's load between
     * configurations measured tens of seconds apart, not only the scatter of back-to-back runs. Training is seeded:
     * every pass learns the same models, so quality and the loss are the last pass's.
     */
    public static List<Trial> pooled(List<List<Trial>> passes) {
        if (passes.isEmpty()) throw new IllegalArgumentException("no passes to pool");
        int n = passes.size();
        List<Trial> out = new java.util.ArrayList<>();
        for (Trial last : passes.getLast()) {
            double[] joules = new double[n];
            double seconds = 0, loop = 0, cost = 0, co2eLocation = 0, co2eMarket = 0;
            for (int r = 0; r < n; r++) {
                Trial t = passes.get(r).stream().filter(x -> x.name().equals(last.name())).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("trial " + last.name() + " is missing from a pass"));
                joules[r] = t.point().energyJoules();
                seconds += t.point().durationSeconds() / n;
                loop += t.loopSeconds() / n;
                cost += t.point().cost() / n;
                co2eLocation += t.point().co2eLocationKg() / n;
                co2eMarket += t.point().co2eMarketKg() / n;
            }
            double mean = mean(joules);
            Map<String, Double> figures = withSpread(last.figures(), joules, mean);
            Point lp = last.point();
            Point p = new Point(lp.name(), lp.config(), mean, seconds, cost, lp.currency(), co2eLocation, co2eMarket, lp.quality(),
                    lp.qualityMetric(), lp.measured());
            out.add(new Trial(last.name(), last.config(), loop, last.finalLoss(), last.quality(), figures, last.measurement(), p));
        }
        return out;
    }

    private static double mean(double[] joules) {
        double mean = 0;
        for (double j : joules) mean += j / joules.length;
        return mean;
    }

    /**
     * A copy of {@code figures} with {@code repeats} (how many runs {@code joules} holds) and {@code energy_j_sd} (the
     * sample standard deviation of one run's energy about {@code mean}; NaN for a single run) added.
     */
    private static Map<String, Double> withSpread(Map<String, Double> figures, double[] joules, double mean) {
        double ss = 0;
        for (double j : joules) ss += (j - mean) * (j - mean);
        int n = joules.length;
        Map<String, Double> out = new LinkedHashMap<>(figures);
        out.put("repeats", (double) n);
        out.put("energy_j_sd", n > 1 ? Math.sqrt(ss / (n - 1)) : Double.NaN);
        return out;
    }
}
