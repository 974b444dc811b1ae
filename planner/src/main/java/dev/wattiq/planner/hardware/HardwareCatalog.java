package dev.wattiq.planner.hardware;

import dev.wattiq.planner.PlannerException;
import dev.wattiq.planner.UnknownNameException;
import dev.wattiq.meter.io.Csv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The hardware catalogue (hardware.csv, shipped with sources): look-up by id or alias, case-insensitive; an unknown
 * name fails with the closest matches.
 */
public final class HardwareCatalog {
    private static final String FILE = "/dev/wattiq/planner/hardware.csv";
    private static final HardwareCatalog SHIPPED = new HardwareCatalog(Csv.resource(HardwareCatalog.class, FILE).rows());
    private final List<Hardware> all = new ArrayList<>();
    private final List<List<String>> aliases = new ArrayList<>();
    private final Map<String, Hardware> byName = new HashMap<>();

    public HardwareCatalog(List<Csv.Row> rows) {
        for (Csv.Row r : rows) {
            Hardware h = parse(r);
            List<String> names = Arrays.stream(r.text("aliases").split(";"))
                    .map(String::trim).filter(s -> !s.isEmpty()).toList();
            all.add(h);
            aliases.add(names);
            register(h.id(), h);
            for (String a : names) register(a, h);
        }
    }

    public static HardwareCatalog shipped() {
        return SHIPPED;
    }

    private void register(String name, Hardware h) {
        Hardware prev = byName.putIfAbsent(Names.normalize(name), h);
        if (prev != null && prev != h) {
            throw new PlannerException("hardware.csv: name '" + name + "' is used by " + prev.id() + " and " + h.id()
                    + ": make aliases unique");
        }
    }

    private static Hardware parse(Csv.Row r) {
        String f = "hardware.csv";
        double tdp = r.number("tdp_w", Double.NaN);
        double mem = r.number("memory_gb", Double.NaN);
        double bw = r.number("memory_bw_gbs", Double.NaN);
        double bf16 = r.number("bf16_tflops", Double.NaN);
        String id = r.text("id");
        if (!(tdp > 0) || !(mem > 0) || !(bw > 0) || !(bf16 > 0) && !(r.number("fp32_tflops", Double.NaN) > 0)) {
            throw new PlannerException(f + ": row " + id + " lacks TDP, memory, bandwidth or a peak: fill them in");
        }
        return new Hardware(id, r.text("kind"), r.text("vendor"),
                r.number("fp32_tflops", Double.NaN) * 1e12, r.number("tf32_tflops", Double.NaN) * 1e12, bf16 * 1e12,
                r.number("fp8_tflops", Double.NaN) * 1e12, r.number("int8_tops", Double.NaN) * 1e12, tdp,
                r.number("idle_w", Double.NaN), mem * 1e9, bw * 1e9, r.number("embodied_kgco2e", Double.NaN),
                (int) r.number("devices_per_node", Double.NaN), r.number("train_mfu", Double.NaN),
                r.number("train_mfu_devices", Double.NaN), r.text("source") + " (" + r.text("year") + ")", r.text("mfu_source"));
    }

    /** Finds hardware by id or alias (case-insensitive); throws {@link UnknownNameException} with suggestions. */
    public Hardware find(String name) {
        if (name == null || name.isBlank()) throw new PlannerException("no hardware given: use --hardware, e.g. H100-SXM");
        Hardware h = byName.get(Names.normalize(name));
        if (h != null) return h;
        throw new UnknownNameException("hardware", name, Names.closest(name, ids(), aliases, 3));
    }

    public List<Hardware> all() {
        return List.copyOf(all);
    }

    public List<String> ids() {
        return all.stream().map(Hardware::id).toList();
    }
}
