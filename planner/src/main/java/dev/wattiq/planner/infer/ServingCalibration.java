package dev.wattiq.planner.infer;

import dev.wattiq.planner.fit.Folds;
import dev.wattiq.planner.fit.Priors;
import dev.wattiq.planner.fit.Spread;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The serving model fitted to published J/token rows, with its honest error: the fit on every row, one refit per model
 * family with that family held out, and each row's out-of-sample prediction from the fold that did not see it.
 */
public final class ServingCalibration {
    private final ServingModel full;
    private final List<ServingRun> runs;
    private final Map<String, ServingModel> withoutFamily = new HashMap<>();
    private final double[] outOfSample;
    private final Spread spread;

    private ServingCalibration(ServingModel base, List<ServingRun> runs, Priors priors) {
        this.runs = List.copyOf(runs);
        full = ServingFit.fit(base, runs, priors);
        outOfSample = new double[runs.size()];
        ServingModel.Step s = new ServingModel.Step();
        for (int[] fold : Folds.byGroup(runs, ServingRun::family)) {
            ServingModel m = ServingFit.fit(base, Folds.without(runs, fold), priors);
            withoutFamily.put(runs.get(fold[0]).family(), m);
            for (int i : fold) outOfSample[i] = ServingFit.predict(m, runs.get(i), s);
        }
        spread = Spread.of(residuals(null));
    }

    public static ServingCalibration of(ServingModel base, List<ServingRun> runs, Priors priors) {
        return new ServingCalibration(base, runs, priors);
    }

    private double[] residuals(String except) {
        double[] r = new double[runs.size()];
        int k = 0;
        for (int i = 0; i < runs.size(); i++) {
            if (runs.get(i).family().equals(except)) continue;
            r[k++] = Math.log(runs.get(i).published() / outOfSample[i]);
        }
        return Arrays.copyOf(r, k);
    }

    /** The fitted model and its spread, as plans use them. */
    public ServingFitSummary summary() {
        return new ServingFitSummary(full, spread, runs.size());
    }

    public ServingModel model() {
        return full;
    }

    public ServingModel modelWithout(String family) {
        return withoutFamily.getOrDefault(family, full);
    }

    public List<ServingRun> runs() {
        return runs;
    }

    public double outOfSample(int i) {
        return outOfSample[i];
    }

    /** Spread of the out-of-sample J/token residuals (every plan's interval). */
    public Spread spread() {
        return spread;
    }

    public Spread spreadWithout(String family) {
        return Spread.of(residuals(family));
    }

    /** Whether {@code family} is among the fitted rows' families. */
    public boolean hasFamily(String family) {
        return withoutFamily.containsKey(family);
    }
}
