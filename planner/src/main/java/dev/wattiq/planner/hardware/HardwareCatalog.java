package dev.wattiq.planner.hardware;

import dev.wattiq.planner.PlannerException;
import dev.wattiq.planner.UnknownNameException;
import dev.wattiq.planner.data.Csv;

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
    private static final HardwareCatalog SHIPPED = new HardwareCatalog(Csv.resource(HardwareCatalog.class, FILE));
    private final List<Hardware> all = new ArrayList<>();
    private final List<List<String>> aliases = new ArrayList<>();
    private final Map<String, Hardware> byName = new HashMap<>();

    public HardwareCatalog(List<Map<String, String>> rows) {
        for (Map<String, String> r : rows) {
            Hardware h = parse(r);
            List<String> names = Arrays.stream(r.getOrDefault("aliases", "").split(";"))
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

    private static Hardware parse(Map<String, String> r) {
        String f = "hardware.csv";
        double tdp = Csv.number(r, "tdp_w", f);
        double mem = Csv.number(r, "memory_gb", f);
        double bw = Csv.number(r, "memory_bw_gbs", f);
        double bf16 = Csv.number(r, "bf16_tflops", f);
        String id = r.get("id");
        if (!(tdp > 0) || !(mem > 0) || !(bw > 0) || !(bf16 > 0) && !(Csv.number(r, "fp32_tflops", f) > 0)
                || !(Csv.number(r, "scale_up_gbs", f) > 0) || !(Csv.number(r, "scale_out_gbs", f) > 0)) {
            throw new PlannerException(f + ": row " + id + " lacks TDP, memory, bandwidth, a link bandwidth or a peak: fill them in");
        }
        return new Hardware(id, r.get("kind"), r.get("vendor"),
                Csv.number(r, "fp32_tflops", f) * 1e12, Csv.number(r, "tf32_tflops", f) * 1e12, bf16 * 1e12,
                Csv.number(r, "fp8_tflops", f) * 1e12, Csv.number(r, "int8_tops", f) * 1e12, tdp,
                Csv.number(r, "idle_w", f), mem * 1e9, bw * 1e9, Csv.number(r, "embodied_kgco2e", f),
                (int) Csv.number(r, "devices_per_node", f), Csv.number(r, "scale_up_gbs", f) * 1e9,
                Csv.number(r, "scale_out_gbs", f) * 1e9, r.get("source") + " (" + r.get("year") + ")", r.get("link_source"));
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
