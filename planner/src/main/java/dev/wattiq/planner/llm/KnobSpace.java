package dev.wattiq.planner.llm;

import dev.wattiq.planner.PlannerException;
import dev.wattiq.planner.hardware.Hardware;
import dev.wattiq.planner.hardware.Precision;
import java.util.Arrays;
import java.util.List;

/**
 * The knobs a training sweep enumerates: hardware, device count, precision, GPU power cap, pruning sparsity and
 * site. Every knob needs at least one value; values are checked here, before any evaluation.
 *
 * @param hardware   device types
 * @param devices    device counts, each >= 1
 * @param precisions arithmetic precisions
 * @param powerCaps  power limits as fractions of TDP, in (0, 1]
 * @param sparsities unstructured pruning sparsities, in [0, 0.5]
 * @param sites      where to run (region, PUE, tariff, grid)
 */
public record KnobSpace(List<Hardware> hardware, int[] devices, List<Precision> precisions, double[] powerCaps,
                        double[] sparsities, List<SiteRate> sites) {
    /** Hard ceiling on a sweep's size (memory for the result columns). */
    public static final long MAX_CONFIGURATIONS = 50_000_000L;

    public KnobSpace {
        hardware = List.copyOf(hardware);
        precisions = List.copyOf(precisions);
        sites = List.copyOf(sites);
        devices = devices.clone();
        powerCaps = powerCaps.clone();
        sparsities = sparsities.clone();
        requireSome("hardware", hardware.size());
        requireSome("devices", devices.length);
        requireSome("precision", precisions.size());
        requireSome("power cap", powerCaps.length);
        requireSome("sparsity", sparsities.length);
        requireSome("site", sites.size());
        for (int d : devices) if (d < 1) throw new PlannerException("device count " + d + " is not >= 1: give positive counts");
        for (double c : powerCaps) {
            if (!(c > 0 && c <= 1)) throw new PlannerException("power cap " + c + " is not in (0, 1]: give fractions of TDP, e.g. 0.6,0.8,1");
        }
        for (double s : sparsities) {
            if (!(s >= 0 && s <= 0.5)) throw new PlannerException("sparsity " + s + " is not in [0, 0.5]: the stated penalties stop at 0.5");
        }
        if (Arrays.stream(devices).distinct().count() != devices.length) {
            throw new PlannerException("device counts repeat in " + Arrays.toString(devices) + ": give each once");
        }
        long size = (long) hardware.size() * devices.length * precisions.size() * powerCaps.length * sparsities.length
                * sites.size();
        if (size > MAX_CONFIGURATIONS) {
            throw new PlannerException("the knob space has " + size + " configurations, over " + MAX_CONFIGURATIONS
                    + ": narrow a knob");
        }
    }

    private static void requireSome(String knob, int n) {
        if (n == 0) throw new PlannerException("the knob space is empty: '" + knob + "' has no values; give at least one");
    }

    /** Number of configurations (the product of the knobs' sizes). */
    public long size() {
        return (long) hardware.size() * devices.length * precisions.size() * powerCaps.length * sparsities.length * sites.size();
    }
}
