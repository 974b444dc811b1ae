package dev.wattiq.planner.validate;

import dev.wattiq.planner.fit.Interval;
import dev.wattiq.planner.fit.Priors;
import dev.wattiq.planner.fit.Spread;
import dev.wattiq.planner.infer.InferencePlanner;
import dev.wattiq.planner.infer.ServingCalibration;
import dev.wattiq.planner.infer.ServingFit;
import dev.wattiq.planner.infer.ServingModel;
import dev.wattiq.planner.infer.ServingRun;
import dev.wattiq.planner.published.ServingRuns;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Replays published J/token rows (ML.ENERGY: vLLM, GPU-only energy per output token at a batch size) through the
 * serving model at the row's hardware, devices, batch, precision, TP/EP and mean output length, with the planner's
 * default input length and no host overhead (the rows are GPU-only). A row the planner was fitted on is scored by the
 * fold that left its model family out; any other row (a held-back file) by the fit on every reference row, which never
 * saw it. Beside it, the in-sample prediction of the fit on every row, and the 80% interval.
 */
public final class InferenceValidation {
    private InferenceValidation() {
    }

    public static Report run(ServingRuns file, InferencePlanner reference) {
        ServingCalibration cal = reference.calibration();
        Set<String> fitted = new HashSet<>();
        for (ServingRun r : cal.runs()) fitted.add(key(r));
        boolean allFitted = file.runs().stream().allMatch(r -> fitted.contains(key(r)));
        ServingModel inSample = allFitted ? cal.model() : refit(reference, file);
        List<Comparison> out = new ArrayList<>();
        ServingModel.Step s = new ServingModel.Step();
        int held = 0;
        for (ServingRun r : file.runs()) {
            boolean seen = fitted.contains(key(r));
            if (!seen) held++;
            ServingModel m = seen ? cal.modelWithout(r.family()) : cal.model();
            Spread spread = seen ? cal.spreadWithout(r.family()) : cal.spread();
            double oos = ServingFit.predict(m, r, s);
            double ins = ServingFit.predict(inSample, r, s);
            Interval i = Interval.of(oos, spread);
            String note = (r.model().isGeneric() ? "generic shape" : "models.csv") + "; " + r.precision().label()
                    + (r.defaulted().isEmpty() ? "" : "; not given: " + r.defaulted()) + (seen ? "" : "; held out of the fit");
            out.add(new Comparison(r.line(), r.name() + " " + r.hardware().id() + " x" + r.devices() + " " + r.label(),
                    "infer", "j_per_token", oos, ins, r.published(), i.p10(), i.p90(), note));
        }
        String method = "serving: out-of-sample = leave-one-family-out over " + cal.runs().size() + " fitted rows"
                + (held > 0 ? "; " + held + " rows never fitted, scored by the fit on all fitted rows" : "");
        return new Report(out, file.problems(), method);
    }

    static String key(ServingRun r) {
        return r.name() + "|" + r.hardware().id() + "|" + r.devices() + "|" + r.batch() + "|" + r.output() + "|" + r.published();
    }

    private static ServingModel refit(InferencePlanner reference, ServingRuns file) {
        List<ServingRun> all = new ArrayList<>(reference.calibration().runs());
        Set<String> keys = new HashSet<>();
        for (ServingRun r : all) keys.add(key(r));
        for (ServingRun r : file.runs()) if (keys.add(key(r))) all.add(r);
        return ServingFit.fit(reference.model(), all, Priors.shipped());
    }
}
