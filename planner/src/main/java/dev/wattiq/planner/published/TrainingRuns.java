package dev.wattiq.planner.published;

import dev.wattiq.meter.io.Csv;
import dev.wattiq.planner.PlannerException;
import dev.wattiq.planner.fit.Family;
import dev.wattiq.planner.hardware.Hardware;
import dev.wattiq.planner.hardware.HardwareCatalog;
import dev.wattiq.planner.model.ModelArchitecture;
import dev.wattiq.planner.model.ModelCatalog;
import dev.wattiq.planner.train.TrainingRun;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads training_runs.csv-shaped rows. Published cells are read as written ("350-400 (card); 400 used per model",
 * "V100 (SXM2)"); a cell that holds text but no number is a {@link Problem} naming the line and column, and a row that
 * lacks what the model needs (parameters, tokens, known hardware) is kept with the reason, so every row is counted.
 */
public final class TrainingRuns {
    private final String file;
    private final List<PublishedRun> rows;
    private final List<Problem> problems;

    private TrainingRuns(String file, List<PublishedRun> rows, List<Problem> problems) {
        this.file = file;
        this.rows = List.copyOf(rows);
        this.problems = List.copyOf(problems);
    }

    /** The file's name, for messages. */
    public String file() {
        return file;
    }

    public List<PublishedRun> rows() {
        return rows;
    }

    /** Cells that hold text but no number (these rows still count; the cell is read as absent). */
    public List<Problem> problems() {
        return problems;
    }

    /**
     * The rows the model can use, each run once: a row repeating an earlier one's parameters, tokens, hardware,
     * devices and hours (BLOOM's dynamic-power and life-cycle rows describe one run) is left to the first.
     */
    public List<TrainingRun> runs() {
        java.util.Set<String> seen = new java.util.HashSet<>();
        return rows.stream().filter(r -> r.run() != null).map(PublishedRun::run)
                .filter(r -> seen.add(r.params() + "|" + r.active() + "|" + r.tokens() + "|" + r.hardware().id() + "|"
                        + r.devices() + "|" + r.deviceHours())).toList();
    }

    public static TrainingRuns parse(String file, List<Csv.Row> cells, HardwareCatalog catalog, ModelCatalog models) {
        List<PublishedRun> rows = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (Csv.Row c : cells) {
            String name = c.text("model").strip();
            Reader r = new Reader(file, c, name.isBlank() ? "(no model name)" : name, problems);
            String scope = c.text("energy_scope").strip().toLowerCase(Locale.ROOT);
            double pue = scope.contains("no pue") || scope.contains("without pue") || Double.isNaN(r.first("pue"))
                    ? 1.0 : r.first("pue");
            double avg = r.first("avg_power_w");
            double power = Double.isNaN(avg) ? r.last("device_tdp_w") : avg;
            boolean composite = scope.contains("+ idle");
            boolean system = scope.contains("system") || scope.contains("host");
            double params = r.first("params_billion") * 1e9;
            double active = r.first("active_params_billion") * 1e9;
            double tokens = r.first("tokens_billion") * 1e9;
            double devices = r.first("num_devices");
            double hours = r.first("device_hours");
            TrainingRun run = null;
            Problem unusable = null;
            String hw = c.text("hardware").strip();
            if (!(params > 0)) {
                unusable = r.problem("params_billion", "no parameter count: the model needs params_billion");
            } else if (!(tokens > 0)) {
                unusable = r.problem("tokens_billion", "no token count: the model needs tokens_billion");
            } else if (hw.isBlank()) {
                unusable = r.problem("hardware", "no hardware: the model needs a device name (see the hardware catalogue, hardware.csv)");
            } else if (active > params) {
                unusable = r.problem("active_params_billion", "exceeds params_billion: active parameters are a subset");
            } else {
                try {
                    Hardware h = find(catalog, hw);
                    double a = active > 0 ? active : params;
                    String family = c.text("family").strip().isBlank() ? Family.of(name) : c.text("family").strip();
                    run = new TrainingRun(c.line(), name, family, params, a, tokens, h, shape(models, name, params, a),
                            devices, hours, "steady".equalsIgnoreCase(c.text("hours_scope").strip()), avg, system);
                } catch (PlannerException e) {
                    unusable = r.problem("hardware", e.getMessage());
                }
            }
            rows.add(new PublishedRun(c.line(), r.name, pue, r.first("carbon_intensity_kgco2e_per_kwh"), hours, devices,
                    power, r.first("energy_mwh"), r.first("tco2e_reported"), composite, system, run, unusable));
        }
        return new TrainingRuns(file, rows, problems);
    }

    /** Looks a published hardware name up as written, then without a parenthetical remark. */
    static Hardware find(HardwareCatalog catalog, String name) {
        try {
            return catalog.find(name);
        } catch (PlannerException e) {
            String bare = name.replaceAll("\\s*\\(.*\\)", "").trim();
            if (bare.equals(name) || bare.isEmpty()) throw e;
            return catalog.find(bare);
        }
    }

    /** The published architecture when the name (parenthetical dropped) is in models.csv at about this size. */
    static ModelArchitecture shape(ModelCatalog models, String name, double params, double active) {
        try {
            ModelArchitecture m = models.find(name.replaceAll("\\s*\\(.*\\)", "").trim());
            if (Math.abs(m.params() / params - 1) < 0.3 && Math.abs(m.activeParams() / active - 1) < 0.3) return m;
        } catch (PlannerException e) {
            // not a published architecture: the generic shape below
        }
        return ModelArchitecture.generic(params, active);
    }

    /** Number cells with problems recorded. */
    private static final class Reader {
        final String file;
        final Csv.Row c;
        final String name;
        final List<Problem> problems;

        Reader(String file, Csv.Row c, String name, List<Problem> problems) {
            this.file = file;
            this.c = c;
            this.name = name;
            this.problems = problems;
        }

        double first(String column) {
            return check(column, Numbers.first(c.text(column).strip()));
        }

        double last(String column) {
            return check(column, Numbers.last(c.text(column).strip()));
        }

        private double check(String column, double v) {
            String s = c.text(column).strip();
            if (Double.isNaN(v) && !s.isBlank()) {
                problems.add(problem(column, "holds '" + s + "', not a number: write a number (e.g. 175) or leave it blank"));
            }
            return v;
        }

        Problem problem(String field, String reason) {
            return new Problem(file, c.line(), name, field, reason);
        }
    }
}
