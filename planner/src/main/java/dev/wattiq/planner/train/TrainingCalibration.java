package dev.wattiq.planner.train;

import dev.wattiq.planner.fit.FamilyCalibration;
import dev.wattiq.planner.fit.Priors;
import dev.wattiq.planner.fit.Spread;

import java.util.Arrays;
import java.util.List;

/**
 * The training model fitted to published runs, with its honest error: the fit on every run, one refit per model family
 * with that family held out, and each run's out-of-sample prediction from the fold that did not see it. The spreads of
 * the out-of-sample log residuals set every plan's 80% interval.
 */
public final class TrainingCalibration extends FamilyCalibration<TrainingRun, TrainingModel> {
    private final double[] outOfSampleHours;
    private final double[] outOfSamplePower;
    private final Spread hours;
    private final Spread power;
    private final Spread energy;

    private TrainingCalibration(TrainingModel base, List<TrainingRun> runs, Priors priors, double priorDays) {
        double[] predictedHours = new double[runs.size()];
        double[] predictedPower = new double[runs.size()];
        Arrays.fill(predictedHours, Double.NaN);
        Arrays.fill(predictedPower, Double.NaN);
        super(runs, TrainingRun::family, rows -> TrainingFit.fit(base, rows, priors, priorDays), (m, i) -> {
            TrainingRun r = runs.get(i);
            if (r.hasHours()) predictedHours[i] = TrainingFit.predictHours(m, r);
            if (r.hasMeasuredPower() && r.hasHours()) predictedPower[i] = TrainingFit.predictPower(m, r);
        });
        outOfSampleHours = predictedHours;
        outOfSamplePower = predictedPower;
        hours = Spread.of(logResiduals(outOfSampleHours, true, null));
        power = Spread.of(logResiduals(outOfSamplePower, false, null));
        energy = Spread.ofSum(logResiduals(outOfSampleHours, true, null), logResiduals(outOfSamplePower, false, null));
    }

    /** Fits {@code base} to {@code runs} and cross-validates it by family. */
    public static TrainingCalibration of(TrainingModel base, List<TrainingRun> runs, Priors priors, double priorDays) {
        return new TrainingCalibration(base, runs, priors, priorDays);
    }

    /** ln(published / predicted) for every run with a prediction, skipping the family {@code except}. */
    private double[] logResiduals(double[] predicted, boolean hoursMetric, String except) {
        List<TrainingRun> runs = runs();
        double[] out = new double[runs.size()];
        int k = 0;
        for (int i = 0; i < runs.size(); i++) {
            TrainingRun r = runs.get(i);
            if (Double.isNaN(predicted[i]) || r.family().equals(except)) continue;
            out[k++] = Math.log((hoursMetric ? r.deviceHours() : r.avgPowerWatts()) / predicted[i]);
        }
        return Arrays.copyOf(out, k);
    }

    /** The fitted model and its spreads, as plans use them. */
    public TrainingFitSummary summary() {
        return new TrainingFitSummary(model(), hours, power, energy, (int) runs().stream().filter(TrainingRun::hasHours).count());
    }

    /** Out-of-sample device-hours of run {@code i} (NaN when it publishes none). */
    public double outOfSampleHours(int i) {
        return outOfSampleHours[i];
    }

    /** Spread of the out-of-sample device-hours residuals (the plans' interval). */
    public Spread hoursSpread() {
        return hours;
    }

    /** The same, leaving out {@code family}'s own residuals (a row's interval when it is scored). */
    public Spread hoursSpreadWithout(String family) {
        return Spread.of(logResiduals(outOfSampleHours, true, family));
    }

    public Spread powerSpread() {
        return power;
    }

    /** Energy = hours x power: the spread of every pairwise sum of the two residual sets. */
    public Spread energySpread() {
        return energy;
    }

    public Spread energySpreadWithout(String family) {
        return Spread.ofSum(logResiduals(outOfSampleHours, true, family), logResiduals(outOfSamplePower, false, family));
    }
}
