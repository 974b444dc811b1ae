package dev.wattiq.planner.infer;

import dev.wattiq.planner.fit.FamilyCalibration;
import dev.wattiq.planner.fit.Priors;
import dev.wattiq.planner.fit.Spread;

import java.util.Arrays;
import java.util.List;

/**
 * The serving model fitted to published J/token rows, with its honest error: the fit on every row, one refit per model
 * family with that family held out, and each row's out-of-sample prediction from the fold that did not see it.
 */
public final class ServingCalibration extends FamilyCalibration<ServingRun, ServingModel> {
    private final double[] outOfSample;
    private final Spread spread;

    private ServingCalibration(ServingModel base, List<ServingRun> runs, Priors priors) {
        double[] predicted = new double[runs.size()];
        ServingModel.Step s = new ServingModel.Step();
        super(runs, ServingRun::family, rows -> ServingFit.fit(base, rows, priors),
                (m, i) -> predicted[i] = ServingFit.predict(m, runs.get(i), s));
        outOfSample = predicted;
        spread = Spread.of(residuals(null));
    }

    public static ServingCalibration of(ServingModel base, List<ServingRun> runs, Priors priors) {
        return new ServingCalibration(base, runs, priors);
    }

    private double[] residuals(String except) {
        List<ServingRun> runs = runs();
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
        return new ServingFitSummary(model(), spread, runs().size());
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
}
