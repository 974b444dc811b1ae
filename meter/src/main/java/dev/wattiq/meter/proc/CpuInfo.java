package dev.wattiq.meter.proc;

import java.util.HashSet;
import java.util.Set;

/**
 * What WattIQ needs from {@code /proc/cpuinfo}.
 *
 * @param modelName   the first {@code model name} (x86) or {@code Model}/{@code CPU part} (ARM) value; {@code unknown} when absent
 * @param logicalCpus the number of {@code processor} entries
 * @param sockets     distinct {@code physical id} values; 1 when the file does not say (VMs, ARM)
 */
public record CpuInfo(String modelName, int logicalCpus, int sockets) {

    /** Parses {@code /proc/cpuinfo} text. Never fails: what is missing takes the documented default. */
    public static CpuInfo parse(CharSequence text) {
        String model = null;
        String fallbackModel = null;
        int processors = 0;
        Set<String> physicalIds = new HashSet<>();
        for (String line : text.toString().split("\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) continue;
            String key = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            switch (key) {
                case "processor" -> processors++;
                case "model name" -> {
                    if (model == null && !value.isEmpty()) model = value;
                }
                case "Model", "Hardware", "CPU part" -> {
                    if (fallbackModel == null && !value.isEmpty()) fallbackModel = value;
                }
                case "physical id" -> physicalIds.add(value);
                default -> {
                }
            }
        }
        String name = model != null ? model : fallbackModel != null ? fallbackModel : "unknown";
        return new CpuInfo(name, processors, Math.max(1, physicalIds.size()));
    }
}
