package dev.wattiq.app.lab;

import dev.wattiq.lab.experiments.Trial;
import dev.wattiq.lab.experiments.WarmUp;
import dev.wattiq.ledger.Point;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON of lab and demo results: snake_case keys with units, NaN written as null. */
public final class LabJson {

    private LabJson() {
    }

    /** One trial: name, config, loop_s, duration_s, final_loss, energy_j, method, cost, co2e_kg, quality, figures. */
    public static Map<String, Object> trial(Trial t, String method) {
        Point p = t.point();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", t.name());
        m.put("config", t.config());
        m.put("loop_s", num(t.loopSeconds()));
        m.put("duration_s", num(p.durationSeconds()));
        m.put("final_loss", num(t.finalLoss()));
        m.put("energy_j", num(p.energyJoules()));
        m.put("method", method);
        m.put("cost", num(p.cost()));
        m.put("currency", p.currency());
        Map<String, Object> co2 = new LinkedHashMap<>();
        co2.put("location_based", num(p.co2eLocationKg()));
        co2.put("market_based", num(p.co2eMarketKg()));
        m.put("co2e_kg", co2);
        m.put("quality_metric", p.qualityMetric());
        m.put("quality", num(p.quality()));
        m.put("quality_figures", nums(t.quality()));
        m.put("figures", nums(t.figures()));
        m.put("notes", t.measurement().notes());
        return m;
    }

    static Map<String, Object> nums(Map<String, Double> in) {
        Map<String, Object> out = new LinkedHashMap<>();
        in.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> out.put(e.getKey(), num(e.getValue())));
        return out;
    }

    static Object num(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /** {@code wattiq lab NAME}: the first trial's figures at the top level, every trial under {@code trials}, the warm-up. */
    public static Map<String, Object> lab(LabResult r) {
        List<Trial> trials = r.trials();
        List<String> methods = r.methods();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("experiment", r.experiment().label());
        Map<String, Object> first = trial(trials.getFirst(), methods.getFirst());
        for (String k : List.of("loop_s", "final_loss", "energy_j", "duration_s", "cost", "co2e_kg", "quality_metric", "quality", "quality_figures")) {
            root.put(k, first.get(k));
        }
        List<Object> all = new ArrayList<>();
        for (int i = 0; i < trials.size(); i++) all.add(trial(trials.get(i), methods.get(i)));
        root.put("trials", all);
        root.put("notes", r.notes());
        root.put("warm_up", warmUp(r.warmUp()));
        return root;
    }

    /** {@code wattiq demo}: the configuration, every trial marked on the frontier or recommended, the recommendation and its reason. */
    public static Map<String, Object> demo(DemoResult r) {
        List<Trial> trials = r.trials();
        Balance b = r.balance();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("config", r.config().asConfig());
        List<Object> ex = new ArrayList<>();
        for (int i = 0; i < trials.size(); i++) {
            Map<String, Object> m = trial(trials.get(i), r.methods().get(i));
            m.put("pareto", b.pareto()[i]);
            m.put("recommended", b.recommended() == i);
            ex.add(m);
        }
        root.put("experiments", ex);
        root.put("recommended", b.recommended() < 0 ? null : trials.get(b.recommended()).name());
        root.put("reason", b.reason());
        root.put("repeats", trials.isEmpty() ? 0 : trials.getFirst().figures().getOrDefault("repeats", 1.0).intValue());
        root.put("energy_noise_rel", Double.isFinite(b.energyNoiseRel()) ? b.energyNoiseRel() : null);
        root.put("notes", r.notes());
        root.put("warm_up", warmUp(r.warmUp()));
        return root;
    }

    /** The warm-up: {@code steps}, {@code duration_s}, {@code settled}; null when skipped. */
    static Map<String, Object> warmUp(WarmUp w) {
        if (w == null) return null;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("steps", w.steps());
        m.put("duration_s", w.seconds());
        m.put("settled", w.settled());
        return m;
    }
}
