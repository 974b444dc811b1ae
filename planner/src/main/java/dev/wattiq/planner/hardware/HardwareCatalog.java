package dev.wattiq.planner.hardware;

import dev.wattiq.ledger.Provenance;
import dev.wattiq.planner.PlannerException;
import dev.wattiq.planner.UnknownNameException;
import dev.wattiq.meter.io.Csv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.wattiq.meter.UserInputException.field;

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
        for (Csv.Row r : rows) add(parse(r, Provenance.dataFile("hardware.csv", r.line()), r.text("source") + " (" + r.text("year") + ")"), r);
    }

    /** A catalogue of {@code first}'s devices and then {@code rows} (a user's file: see {@link UserHardware}). */
    HardwareCatalog(HardwareCatalog first) {
        for (int i = 0; i < first.all.size(); i++) {
            all.add(first.all.get(i));
            aliases.add(first.aliases.get(i));
        }
        byName.putAll(first.byName);
    }

    /** Adds a device parsed from {@code r}, with its id and the row's aliases as names. */
    void add(Hardware h, Csv.Row r) {
        List<String> names = Arrays.stream(r.text("aliases").split(";")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        all.add(h);
        aliases.add(names);
        register(h.id(), h);
        for (String a : names) register(a, h);
    }

    /** The device a name resolves to now, or null (no suggestions). */
    Hardware lookup(String name) {
        return byName.get(Names.normalize(name));
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

    static Hardware parse(Csv.Row r, Provenance provenance, String source) {
        String f = r.file();
        double tdp = r.number("tdp_w", Double.NaN);
        double mem = r.number("memory_gb", Double.NaN);
        double bw = r.number("memory_bw_gbs", Double.NaN);
        double bf16 = r.number("bf16_tflops", Double.NaN);
        String id = r.text("id");
        if (!(tdp > 0) || !(mem > 0) || !(bw > 0) || !(bf16 > 0) && !(r.number("fp32_tflops", Double.NaN) > 0)
                || !(r.number("scale_up_gbs", Double.NaN) > 0) || !(r.number("scale_out_gbs", Double.NaN) > 0)) {
            throw new PlannerException(f + ": row " + id + " lacks TDP, memory, bandwidth, a link bandwidth or a peak: fill them in");
        }
        return new Hardware(id, r.text("kind"), r.text("vendor"),
                r.number("fp32_tflops", Double.NaN) * 1e12, r.number("tf32_tflops", Double.NaN) * 1e12, bf16 * 1e12,
                r.number("fp8_tflops", Double.NaN) * 1e12, r.number("int8_tops", Double.NaN) * 1e12, tdp,
                r.number("idle_w", Double.NaN), mem * 1e9, bw * 1e9, r.number("embodied_kgco2e", Double.NaN),
                (int) r.number("devices_per_node", Double.NaN), r.number("scale_up_gbs", Double.NaN) * 1e9,
                r.number("scale_out_gbs", Double.NaN) * 1e9, source, r.text("link_source"), provenance);
    }

    /** Finds hardware by id or alias (case-insensitive); throws {@link UnknownNameException} with suggestions. */
    public Hardware find(String name) {
        if (name == null || name.isBlank()) throw new PlannerException("no hardware given: name one with " + field("hardware") + ", e.g. H100-SXM");
        Hardware h = byName.get(Names.normalize(name));
        if (h != null) return h;
        throw new UnknownNameException("hardware", name, Names.closest(name, ids(), aliases, 3));
    }

    /**
     * Finds hardware as {@link #find} does, and says which other devices the name also fits: a short name that is the
     * beginning of several ids ({@code h100}: H100-SXM and H100-PCIe) resolves to the one it is an alias of, and the
     * others are named, so that the choice is printed rather than silent.
     */
    public HardwareChoice resolve(String name) {
        Hardware h = find(name);
        String n = Names.normalize(name);
        List<String> others = new ArrayList<>();
        if (!Names.normalize(h.id()).equals(n)) {
            for (Hardware o : all) {
                String id = Names.normalize(o.id());
                if (o != h && id.startsWith(n) && (id.length() == n.length() || !Character.isLetterOrDigit(id.charAt(n.length())))) {
                    others.add(o.id());
                }
            }
        }
        return new HardwareChoice(name, h, others);
    }

    public List<Hardware> all() {
        return List.copyOf(all);
    }

    public List<String> ids() {
        return all.stream().map(Hardware::id).toList();
    }
}
