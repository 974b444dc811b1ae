package dev.wattiq.lab.experiments;

import dev.wattiq.ledger.Point;
import dev.wattiq.meter.Measurement;
import dev.wattiq.meter.Meter;
import dev.wattiq.meter.Window;
import java.util.LinkedHashMap;
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

    /** {@code onTrial} hears of every finished trial (progress bars); it must not throw. */
    public LabRunner(Meter meter, Pricer pricer, Consumer<Trial> onTrial) {
        this.meter = Objects.requireNonNull(meter, "meter");
        this.pricer = Objects.requireNonNull(pricer, "pricer");
        this.onTrial = Objects.requireNonNull(onTrial, "onTrial");
    }

    /** What a training body reports back. */
    public record Outcome(double loopSeconds, double finalLoss, TeacherTask.Quality quality, Map<String, Double> figures) {
    }

    /** Runs {@code body} in a window labelled {@code name} and returns the priced trial. */
    public Trial measure(String name, Map<String, String> config, Supplier<Outcome> body) {
        Outcome out;
        Measurement m;
        try (Window w = meter.window(name)) {
            out = body.get();
            m = w.end();
        }
        Pricer.Price price = pricer.price(m);
        Map<String, Double> q = new LinkedHashMap<>();
        double quality = Double.NaN;
        String metric = "none";
        if (out.quality() != null) {
            q.put("test_mse", out.quality().testMse());
            q.put("r2", out.quality().r2());
            q.put("noise_floor_mse", out.quality().noiseFloorMse());
            q.put("gap_to_floor", out.quality().gapToFloor());
            quality = out.quality().r2();
            metric = "r2";
        }
        Point p = new Point(name, config, m.totalJoules(), m.durationSeconds(), price.cost(), price.currency(),
                price.co2eLocationKg(), price.co2eMarketKg(), quality, metric, true);
        Trial t = new Trial(name, config, out.loopSeconds(), out.finalLoss(), q, out.figures(), m, p);
        onTrial.accept(t);
        return t;
    }
}
