package dev.wattiq.meter;

/**
 * What {@code wattiq devices} shows of one CPU package or GPU. Unknown numbers are {@code -1} (bytes) or NaN (watts).
 *
 * @param kind              {@code cpu} or {@code gpu}
 * @param index             index within its kind
 * @param name              model name, e.g. {@code AMD EPYC 9654} or {@code NVIDIA H100 80GB HBM3}
 * @param uuid              GPU UUID; null for CPUs
 * @param memoryTotalBytes  device memory (GPU) or machine memory share (CPU); -1 when unknown
 * @param memoryUsedBytes   used device memory; -1 when unknown
 * @param powerWatts        current power; NaN when unknown
 * @param powerLimitWatts   enforced power limit (GPU) or TDP (CPU); NaN when unknown
 * @param energySource      {@code counter}, {@code integrated} or {@code estimated}
 * @param reason            why that source, e.g. "NVML total energy counter (Volta or newer)"
 */
public record DeviceInfo(
        String kind,
        int index,
        String name,
        String uuid,
        long memoryTotalBytes,
        long memoryUsedBytes,
        double powerWatts,
        double powerLimitWatts,
        String energySource,
        String reason) {
}
