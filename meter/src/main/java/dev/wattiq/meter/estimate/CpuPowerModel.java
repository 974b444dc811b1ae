package dev.wattiq.meter.estimate;

import dev.wattiq.meter.UserInputException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The linear CPU power model for this machine: {@code power = idle + (max - idle) x utilisation}, utilisation in
 * [0, 1] from {@code /proc/stat}. Coefficients come from a {@link CpuPowerTable} row scaled to the logical CPUs
 * visible here, or from the user's override ({@code --cpu-watts}) of the full-load power.
 *
 * @param cpuModelName the CPU's model name from {@code /proc/cpuinfo}
 * @param row          the table row used
 * @param logicalCpus  logical CPUs visible (online CPUs in {@code /proc/stat})
 * @param maxWatts     full-load power of those CPUs, in watts
 * @param idleWatts    power at zero utilisation, in watts
 * @param overridden   whether {@code maxWatts} came from the user
 */
public record CpuPowerModel(String cpuModelName, CpuPowerTable.Row row, int logicalCpus, double maxWatts, double idleWatts,
                            boolean overridden) {

    public CpuPowerModel {
        if (logicalCpus < 1) throw new IllegalArgumentException("logical CPUs must be >= 1, got " + logicalCpus);
        if (!(maxWatts > 0) || !(idleWatts >= 0) || idleWatts > maxWatts) {
            throw new IllegalArgumentException("need 0 <= idle <= max and max > 0 W, got idle " + idleWatts + " W, max " + maxWatts + " W");
        }
    }

    /**
     * Resolves the model for a CPU: the table's row scaled by {@code logicalCpus / row.threads}; an override replaces
     * the full-load power (and caps idle at it).
     */
    public static CpuPowerModel resolve(CpuPowerTable table, String cpuModelName, int logicalCpus, OptionalDouble cpuWattsOverride) {
        CpuPowerTable.Row row = table.lookup(cpuModelName);
        double scale = logicalCpus / (double) row.threads();
        double max = row.maxWatts() * scale;
        double idle = row.idleWatts() * scale;
        if (cpuWattsOverride.isPresent()) {
            double w = cpuWattsOverride.getAsDouble();
            if (!(w > 0) || Double.isInfinite(w)) {
                throw new UserInputException("--cpu-watts must be a positive number of watts, got " + w + ": give the CPU's full-load power, e.g. 65");
            }
            return new CpuPowerModel(cpuModelName, row, logicalCpus, w, Math.min(idle, w), true);
        }
        return new CpuPowerModel(cpuModelName, row, logicalCpus, max, idle, false);
    }

    /** Power at {@code utilisation} (clamped to [0, 1]), in watts. */
    public double powerWatts(double utilisation) {
        return idleWatts + (maxWatts - idleWatts) * Math.clamp(utilisation, 0.0, 1.0);
    }

    /** The model and every coefficient with its source, for {@link dev.wattiq.meter.Sensor#assumptions()}. */
    public Map<String, String> assumptions() {
        Map<String, String> m = new LinkedHashMap<>();
        if (row.model().equals(CpuCalibration.CALIBRATED)) {
            m.put("cpu_model", cpuModelName + " (calibrated for this machine)");
            m.put("cpu_power_model", "cpu_w = idle + (max - idle) x utilisation, utilisation = busy/total ticks of /proc/stat;"
                    + " coefficients fitted to the wall, so cpu + memory is the fitted wall power");
            m.put("cpu_max_w", fmt(maxWatts) + " (" + row.source() + ")");
            m.put("cpu_idle_w", fmt(idleWatts) + " (the fitted wall idle less the memory's watts)");
            return m;
        }
        String scaled = row.isDefault()
                ? "per logical CPU x " + logicalCpus
                : "x " + logicalCpus + "/" + row.threads() + " logical CPUs of one socket";
        m.put("cpu_model", cpuModelName + (row.isDefault() ? " (default: unknown CPU)" : " (matched '" + row.model() + "')"));
        m.put("cpu_power_model", "cpu_w = idle + (max - idle) x utilisation, utilisation = busy/total ticks of /proc/stat");
        m.put("cpu_max_w", fmt(maxWatts) + (overridden ? " (override: --cpu-watts)"
                : " (" + fmt(row.maxWatts()) + " W " + scaled + "; " + row.source() + ", " + row.year() + ")"));
        m.put("cpu_idle_w", fmt(idleWatts) + " (" + fmt(row.idleWatts()) + " W " + scaled
                + (overridden && idleWatts < row.idleWatts() * logicalCpus / row.threads() ? ", capped at --cpu-watts" : "")
                + "; " + row.source() + ", " + row.year() + ")");
        return m;
    }

    /** Formats a number with at most three decimals and no trailing zeros, e.g. {@code 3.5}. */
    public static String fmt(double w) {
        return String.format(java.util.Locale.ROOT, "%.3f", w).replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
