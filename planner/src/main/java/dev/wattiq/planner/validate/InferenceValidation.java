package dev.wattiq.planner.validate;

import dev.wattiq.planner.PlannerException;
import dev.wattiq.meter.io.Csv;
import dev.wattiq.planner.hardware.HardwareCatalog;
import dev.wattiq.planner.hardware.Precision;
import dev.wattiq.planner.infer.InferencePlanner;
import dev.wattiq.planner.infer.InferenceRequest;
import dev.wattiq.planner.model.ModelCatalog;

import java.util.ArrayList;
import java.util.List;

/**
 * Replays each published J/token row (ML.ENERGY: vLLM, GPU-only energy per output token at a batch size) through the
 * inference model at the row's hardware, device count, batch, precision, TP/EP and mean output length, with the
 * planner's default input length and no host overhead (the rows are GPU-only).
 */
public final class InferenceValidation {
    private InferenceValidation() {
    }

    public static List<Comparison> run(List<Csv.Row> rows, InferencePlanner planner, HardwareCatalog hw,
                                       ModelCatalog models) {
        List<Comparison> out = new ArrayList<>();
        for (Csv.Row r : rows) {
            if (!"J/token".equals(r.text("unit"))) continue;
            String setting = r.text("setting");
            String notes = r.text("notes");
            double batch = Numbers.after(setting, "avg batch");
            double outLen = Numbers.after(notes, "avg_output_len=");
            double published = Numbers.first(r, "value");
            if (Double.isNaN(batch) || Double.isNaN(outLen) || !(published > 0)) continue;
            String name = r.text("model");
            try {
                String lower = setting.toLowerCase(java.util.Locale.ROOT);
                Precision p = lower.contains("fp8") ? Precision.FP8 : lower.contains("mxfp4") ? Precision.MXFP4 : Precision.BF16;
                double tp = Numbers.after(setting, "TP=");
                double ep = Numbers.after(setting, "EP=");
                InferenceRequest q = new InferenceRequest(models.find(name), hw.find(r.text("hardware")),
                        (int) Numbers.first(r, "num_devices"), (int) Math.max(1, Math.round(batch)), p, null, outLen, 0.0,
                        Double.isNaN(tp) ? null : (int) tp, Double.isNaN(ep) ? null : (int) ep, 0.0, false);
                double predicted = planner.estimate(q).energyPerTokenJoules();
                String task = setting.contains("task=") ? setting.substring(5, setting.indexOf(';')) : "";
                out.add(new Comparison(name + " " + r.text("hardware") + " x" + r.text("num_devices") + " " + task
                        + " batch " + Math.round(batch), "infer", "j_per_token", predicted, published,
                        r.text("energy_scope")));
            } catch (PlannerException e) {
                out.add(new Comparison(name, "infer", "j_per_token", Double.NaN, published, "skipped: " + e.getMessage()));
            }
        }
        return out;
    }

    /** The shipped copy of inference.csv. */
    public static List<Csv.Row> shippedRows() {
        return Csv.resource(InferenceValidation.class, "/dev/wattiq/planner/validation/inference.csv").rows();
    }
}
