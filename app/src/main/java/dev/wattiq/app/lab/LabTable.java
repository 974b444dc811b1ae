package dev.wattiq.app.lab;

import dev.wattiq.app.output.Numbers;
import dev.wattiq.lab.experiments.Trial;
import dev.wattiq.ledger.Point;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** The text table of trials: one row each, frontier rows marked {@code *}, the recommended one {@code <=}. */
public final class LabTable {
    private LabTable() {
    }

    /** Quality per watt-hour of energy (NaN when either is unknown or the energy is zero). */
    public static double qualityPerWh(Point p) {
        double wh = p.energyJoules() / 3600.0;
        return wh > 0 && Double.isFinite(p.quality()) ? p.quality() / wh : Double.NaN;
    }

    public static void print(List<Trial> trials, List<String> methods, Balance balance, PrintWriter out) {
        String currency = trials.isEmpty() ? "" : trials.getFirst().point().currency();
        out.printf(Locale.ROOT, "%-18s %8s %10s %10s %10s %8s %10s %10s  %s%n", "experiment", "time_s", "energy_j",
                "cost_" + currency, "co2e_g", "r2", "r2_per_wh", "step_us", balance == null ? "method" : "pareto");
        // each column in one format (Numbers.column): no column mixes 0.013 with 9.919e-03
        String[] energy = column(trials, t -> t.point().energyJoules());
        String[] cost = column(trials, t -> t.point().cost());
        String[] co2e = column(trials, t -> t.point().co2eLocationKg() * 1000);
        String[] perWh = column(trials, t -> qualityPerWh(t.point()));
        String[] step = column(trials, t -> t.figures().getOrDefault("step_us", Double.NaN));
        for (int i = 0; i < trials.size(); i++) {
            Trial t = trials.get(i);
            Point p = t.point();
            String mark = balance == null ? methods.get(i)
                    : (balance.pareto()[i] ? "*" : "") + (balance.recommended() == i ? " <= recommended" : "");
            out.printf(Locale.ROOT, "%-18s %8.3f %10s %10s %10s %8s %10s %10s  %s%n", t.name(), p.durationSeconds(), energy[i],
                    cost[i], co2e[i], fixed(p.quality()), perWh[i], step[i], mark);
        }
        if (balance != null) {
            out.println();
            out.println("* Pareto-optimal in (energy, quality), differences inside the measured noise being ties. co2e_g is location-based; method: " + String.join(",", new java.util.TreeSet<>(methods)));
            out.println("Recommended: " + balance.reason());
        }
    }

    private static String[] column(List<Trial> trials, java.util.function.ToDoubleFunction<Trial> f) {
        return Numbers.column(trials.stream().mapToDouble(f).toArray(), 4);
    }

    static String fmt(double v) {
        if (!Double.isFinite(v)) return "-";
        if (v == 0) return "0";
        double a = Math.abs(v);
        return a >= 0.01 && a < 1e6 ? String.format(Locale.ROOT, "%.3f", v) : String.format(Locale.ROOT, "%.3e", v);
    }

    static String fixed(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4f", v) : "-";
    }
}
