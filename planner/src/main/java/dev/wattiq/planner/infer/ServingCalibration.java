package dev.wattiq.planner.infer;

import dev.wattiq.planner.fit.FamilyFits;
import dev.wattiq.planner.fit.Priors;
import dev.wattiq.planner.fit.Spread;

import java.util.Arrays;
import java.util.List;

/**
 * The serving model fitted to published J/token rows, with its honest error: the fit on every row, one refit per model
 * family with that family held out, and each row's out-of-sample prediction from the fold that did not see it.
 */
public final class ServingCalibration {
    private final FamilyFits<ServingRun, ServingModel> fits;
    private final List<ServingRun> runs;
    private final double[] outOfSample;
    private final Spread spread;

    private ServingCalibration(ServingModel base, List<ServingRun> runs, Priors priors) {
        this.runs = List.copyOf(runs);
        outOfSample = new double[runs.size()];
        ServingModel.Step s = new ServingModel.Step();
        fits = new FamilyFits<>(runs, ServingRun::family, rows -> ServingFit.fit(base, rows, priors),
                (m, i) -> outOfSample[i] = ServingFit.predict(m, runs.get(i), s));
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
        return new ServingFitSummary(fits.full(), spread, runs.size());
    }

    public ServingModel model() {
        return fits.full();
    }

    public ServingModel modelWithout(String family) {
        return fits.without(family);
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
        return fits.has(family);
    }
}
