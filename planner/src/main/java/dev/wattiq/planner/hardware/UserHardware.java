package dev.wattiq.planner.hardware;

import dev.wattiq.ledger.Provenance;
import dev.wattiq.meter.UserInputException;
import dev.wattiq.meter.io.Csv;
import java.util.List;

/**
 * Devices the catalogue lacks (an RTX 4090, an L40S, an in-house part), from a CSV file of the user's with the
 * catalogue's columns: their figures are the user's ({@link Provenance#USER}, the file and line named as the source),
 * planned as the shipped ones are. A user's device may not reuse a name the catalogue (or an earlier row) has.
 */
public final class UserHardware {
    /** The columns every row needs; the rest of hardware.csv's (aliases, kind, vendor, tf32/fp8/int8 peaks, embodied...) are optional. */
    public static final List<String> REQUIRED = List.of("id", "tdp_w", "idle_w", "memory_gb", "memory_bw_gbs", "devices_per_node",
            "scale_up_gbs", "scale_out_gbs", "source", "year");

    private UserHardware() {
    }

    /**
     * The shipped catalogue with the rows of {@code table} added.
     *
     * @throws UserInputException naming file, line and column for a missing column, an empty or malformed figure, a name
     *                            the catalogue already has, or a file without rows
     */
    public static HardwareCatalog over(HardwareCatalog shipped, Csv.Table table) {
        table.require(REQUIRED);
        if (!table.has("bf16_tflops") && !table.has("fp32_tflops")) {
            throw new UserInputException(table.file() + ":" + table.headerLine() + ": no peak column: add bf16_tflops (or fp32_tflops),"
                    + " the dense peak in TFLOP/s");
        }
        if (table.size() == 0) throw new UserInputException(table.file() + ": no devices: add one row per device under the header");
        HardwareCatalog c = new HardwareCatalog(shipped);
        for (Csv.Row r : table.rows()) {
            String id = r.required("id");
            for (String col : List.of("tdp_w", "idle_w", "memory_gb", "memory_bw_gbs", "scale_up_gbs", "scale_out_gbs")) {
                if (!(r.number(col) > 0)) throw r.error(col, "must be above 0, got " + r.text(col));
            }
            if (r.number("idle_w") >= r.number("tdp_w")) {
                throw r.error("idle_w", "must be below tdp_w (" + r.text("tdp_w") + " W), got " + r.text("idle_w"));
            }
            int perNode = r.integer("devices_per_node");
            if (perNode < 1) throw r.error("devices_per_node", "must be a whole number >= 1, got " + perNode);
            if (!(r.number("bf16_tflops", Double.NaN) > 0) && !(r.number("fp32_tflops", Double.NaN) > 0)) {
                throw r.error(table.has("bf16_tflops") ? "bf16_tflops" : "fp32_tflops", "is empty: give the dense peak in TFLOP/s");
            }
            for (String name : names(r, id)) {
                Hardware had = c.lookup(name);
                if (had != null) {
                    throw r.error(name.equals(id) ? "id" : "aliases", "names '" + name + "', which is already "
                            + had.id() + (had.provenance().isUser() ? " (an earlier row)" : " in the catalogue") + ": give your device its own names");
                }
            }
            String source = "your hardware file " + r.file() + " line " + r.line() + ": " + r.required("source") + " (" + r.text("year") + ")";
            c.add(HardwareCatalog.parse(r, Provenance.USER, source), r);
        }
        return c;
    }

    private static List<String> names(Csv.Row r, String id) {
        java.util.List<String> out = new java.util.ArrayList<>();
        out.add(id);
        for (String a : r.text("aliases").split(";")) if (!a.isBlank()) out.add(a.trim());
        return out;
    }
}
