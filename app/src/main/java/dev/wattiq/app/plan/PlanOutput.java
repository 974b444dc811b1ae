package dev.wattiq.app.plan;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wattiq.app.cli.Errors;
import dev.wattiq.app.output.BillJson;
import dev.wattiq.ledger.Bill;
import dev.wattiq.ledger.LedgerException;
import dev.wattiq.planner.Assumption;
import dev.wattiq.planner.PlannerException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** Shared output helpers for the plan commands: JSON files, assumption lists, number formatting, error mapping. */
final class PlanOutput {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PlanOutput() {
    }

    /** Runs {@code body}, turning planner and ledger errors into one-line user errors. */
    static int guarded(Callable<Integer> body) throws Exception {
        try {
            return body.call();
        } catch (PlannerException | LedgerException e) {
            throw new Errors.UserError(e.getMessage());
        }
    }

    /**
     * {@code site} plus the devices' embodied CO2e from the hardware catalogue, amortised over the shipped service life
     * (the ledger does the arithmetic); fails where the catalogue has no published figure.
     */
    static dev.wattiq.ledger.Site withEmbodied(dev.wattiq.ledger.Site site, dev.wattiq.planner.hardware.Hardware hw,
                                                int devices) {
        if (Double.isNaN(hw.embodiedKgCo2e())) {
            throw new Errors.UserError("no published embodied CO2e for " + hw.id() + " in hardware.csv: drop --embodied"
                    + " (or add the figure with its source to the catalogue)");
        }
        double years = dev.wattiq.planner.data.Defaults.shipped().get("hardware.lifetime_years");
        var e = new dev.wattiq.ledger.Embodied(devices * hw.embodiedKgCo2e(), years, devices + " x " + hw.id() + " x "
                + hw.embodiedKgCo2e() + " kg (hardware.csv: " + hw.source() + "); lifetime: "
                + dev.wattiq.planner.data.Defaults.shipped().assumption("hardware.lifetime_years").source());
        return new dev.wattiq.ledger.Site(site.region(), site.pue(), site.tariff(), site.gridIntensity(), site.carbonSeries(),
                site.green(), java.util.Optional.of(e), site.strict(), site.warnings());
    }

    /** The bill's JSON fields plus the plan's assumptions appended to the bill's. */
    static void writeBill(ObjectNode root, Bill bill, List<Assumption> plan) {
        BillJson.write(bill, root);
        ArrayNode as = (ArrayNode) root.get("assumptions");
        for (Assumption a : plan) {
            ObjectNode o = as.addObject();
            o.put("name", a.key());
            if (a.value() instanceof Number n) o.put("value", n.doubleValue());
            else o.put("value", String.valueOf(a.value()));
            o.put("unit", a.unit());
            o.put("source", a.source());
            o.put("default", !a.isUserGiven());
        }
    }

    static void writeJson(Path file, ObjectNode root) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            JSON.writeValue(file.toFile(), root);
        } catch (IOException e) {
            throw new Errors.UserError("cannot write " + file + ": " + e.getMessage() + " (choose a writable --json-out path)");
        }
    }

    static void printAssumptions(PrintWriter out, List<Assumption> plan) {
        out.println("planner assumptions:");
        for (Assumption a : plan) {
            Object v = a.value() instanceof Number n ? dev.wattiq.ledger.Assumption.format(n.doubleValue()) : a.value();
            out.println("  " + a.key() + " = " + v + (a.unit() == null || a.unit().isEmpty() ? "" : " " + a.unit())
                    + "  [" + a.source() + "]");
        }
    }

    /** Human-scale number: 1.23e+23 style for huge values, grouping for counts. */
    static String num(double v) {
        if (Math.abs(v) >= 1e7 || (Math.abs(v) < 1e-3 && v != 0)) return String.format(Locale.ROOT, "%.3e", v);
        if (Math.abs(v) >= 100) return String.format(Locale.ROOT, "%,.0f", v);
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
