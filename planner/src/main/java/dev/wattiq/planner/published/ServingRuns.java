package dev.wattiq.planner.published;

import dev.wattiq.meter.io.Csv;
import dev.wattiq.planner.PlannerException;
import dev.wattiq.planner.data.Defaults;
import dev.wattiq.planner.fit.Family;
import dev.wattiq.planner.hardware.Hardware;
import dev.wattiq.planner.hardware.HardwareCatalog;
import dev.wattiq.planner.hardware.Precision;
import dev.wattiq.planner.infer.ServingRun;
import dev.wattiq.planner.model.ModelArchitecture;
import dev.wattiq.planner.model.ModelCatalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads inference.csv-shaped rows into serving runs. A row is scored when it gives a J/token value, hardware and
 * either a model in models.csv or its parameter counts (the generic dense, MoE or hybrid shape otherwise); a setting
 * it does not give (batch, output length) takes the planner's default and says so. Every other row is a
 * {@link Problem} with its line and the field at fault, so the counts always add up.
 */
public final class ServingRuns {
    private final List<ServingRun> runs;
    private final List<Problem> problems;
    private final int rows;

    private ServingRuns(List<ServingRun> runs, List<Problem> problems, int rows) {
        this.runs = List.copyOf(runs);
        this.problems = List.copyOf(problems);
        this.rows = rows;
    }

    public List<ServingRun> runs() {
        return runs;
    }

    public List<Problem> problems() {
        return problems;
    }

    /** Rows read (scored + not scored). */
    public int rows() {
        return rows;
    }

    public static ServingRuns parse(String file, List<Csv.Row> cells, HardwareCatalog catalog, ModelCatalog models,
                                    Defaults d) {
        List<ServingRun> out = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (Csv.Row c : cells) {
            String name = c.text("model").strip().isBlank() ? "(no model name)" : c.text("model").strip();
            try {
                out.add(parse(file, c, name, catalog, models, d));
            } catch (Unusable u) {
                problems.add(new Problem(file, c.line(), name, u.field, u.getMessage()));
            }
        }
        return new ServingRuns(out, problems, cells.size());
    }

    private static final class Unusable extends Exception {
        final String field;

        Unusable(String field, String reason) {
            super(reason, null, false, false);
            this.field = field;
        }
    }

    private static ServingRun parse(String file, Csv.Row c, String name, HardwareCatalog catalog, ModelCatalog models,
                                    Defaults d) throws Unusable {
        String unit = c.text("unit").strip();
        if (!"J/token".equals(unit)) {
            throw new Unusable("unit", "a '" + unit + "' figure (" + c.text("metric").strip() + "), not J per output token: the"
                    + " serving model scores J/token rows");
        }
        double value = number(c, "value");
        if (!(value > 0)) throw new Unusable("value", "no positive J/token value: fill in the published figure");
        String hwName = c.text("hardware").strip();
        if (hwName.isBlank()) throw new Unusable("hardware", "no hardware: name the device (see the hardware catalogue, hardware.csv)");
        Hardware hw;
        try {
            hw = TrainingRuns.find(catalog, hwName);
        } catch (PlannerException e) {
            throw new Unusable("hardware", e.getMessage());
        }
        double devices = number(c, "num_devices");
        if (!(devices >= 1)) throw new Unusable("num_devices", "no device count: give the devices serving one replica");
        String setting = c.text("setting").strip();
        String notes = c.text("notes").strip();
        List<String> defaulted = new ArrayList<>();
        double batch = Numbers.after(setting, "avg batch");
        if (Double.isNaN(batch)) batch = Numbers.after(setting, "max_num_seqs=");
        if (!(batch > 0)) {
            batch = d.get("infer.default_batch");
            defaulted.add("batch " + (long) batch);
        }
        double output = Numbers.after(notes, "avg_output_len=");
        if (!(output > 0)) {
            output = d.get("infer.default_output_tokens");
            defaulted.add("output " + (long) output + " tokens");
        }
        ModelArchitecture m = architecture(c, name, models, notes);
        String lower = (setting + " " + name).toLowerCase(Locale.ROOT);
        Precision p = lower.contains("fp8") ? Precision.FP8 : lower.contains("mxfp4") ? Precision.MXFP4
                : lower.contains("int4") || lower.contains("awq") || lower.contains("gptq") ? Precision.INT4
                : lower.contains("int8") || lower.contains("w8a8") ? Precision.INT8 : Precision.BF16;
        double tp = Numbers.after(setting, "TP=");
        double ep = Numbers.after(setting, "EP=");
        String task = setting.startsWith("task=") && setting.contains(";") ? setting.substring(5, setting.indexOf(';')) : "";
        return new ServingRun(c.line(), name, Family.of(name), m, hw, (int) devices, Math.max(1, batch), p,
                Double.isNaN(tp) ? null : (int) tp, Double.isNaN(ep) ? null : (int) ep,
                d.get("infer.default_input_tokens"), output, value,
                (task.isEmpty() ? "" : task + " ") + "batch " + Math.round(batch), String.join(", ", defaulted),
                Numbers.after(notes, "throughput="), Numbers.after(notes, "avg_power="));
    }

    /**
     * The published architecture when the name is in models.csv at the row's size; else the generic shape of the
     * row's parameter columns (hybrid when the notes say so).
     */
    static ModelArchitecture architecture(Csv.Row c, String name, ModelCatalog models, String notes) throws Unusable {
        double params = number(c, "params_billion") * 1e9;
        double active = number(c, "active_params_billion") * 1e9;
        ModelArchitecture known = null;
        try {
            known = models.find(name);
        } catch (PlannerException e) {
            // not in models.csv: the generic shape below
        }
        if (known != null && (!(params > 0) || Math.abs(known.params() / params - 1) < 0.3)) return known;
        if (!(params > 0)) {
            throw new Unusable("params_billion", "the model is not in models.csv and the row gives no parameter count:"
                    + " fill in params_billion (and active_params_billion for MoE)");
        }
        double a = active > 0 && active <= params ? active : params;
        String arch = notes.toLowerCase(Locale.ROOT);
        return arch.contains("mamba") || arch.contains("hybrid") ? ModelArchitecture.genericHybrid(params, a)
                : ModelArchitecture.generic(params, a);
    }

    private static double number(Csv.Row c, String column) throws Unusable {
        String s = c.text(column).strip();
        double v = Numbers.first(s);
        if (Double.isNaN(v) && !s.isBlank()) {
            throw new Unusable(column, "holds '" + s + "', not a number: write a number or leave it blank");
        }
        return v;
    }
}
