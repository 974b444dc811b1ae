package dev.wattiq.meter.nvml;

import dev.wattiq.meter.nvml.NvmlTypes.ComputeProcess;
import dev.wattiq.meter.nvml.NvmlTypes.ProcessSample;
import java.util.List;
import java.util.Optional;
import java.util.function.LongPredicate;

/**
 * The measured tree's share of one GPU over one sampling interval: its part of the SM utilisation that NVML's
 * per-process samples report; where there are no samples (none in the interval, MIG mode, old drivers), its part
 * of the processes holding a compute context. A GPU no process of the tree used gets 0.
 */
final class GpuShare {
    /** How a share was found, for the measurement's assumptions. */
    enum Basis { UTILISATION, PROCESSES, NONE }

    record Share(double fraction, Basis basis) {
    }

    private GpuShare() {
    }

    /**
     * @param samples   per-process samples of the interval; empty optional when the GPU cannot sample processes
     * @param processes compute processes now; empty optional when NVML cannot list them
     * @param inTree    whether a pid belongs to the measured tree
     */
    static Share of(Optional<List<ProcessSample>> samples, Optional<List<ComputeProcess>> processes, LongPredicate inTree) {
        if (samples.isPresent()) {
            long tree = 0;
            long all = 0;
            for (ProcessSample s : samples.get()) {
                int sm = Math.clamp(s.smPercent(), 0, 100);
                all += sm;
                if (inTree.test(s.pid())) tree += sm;
            }
            if (all > 0) return new Share((double) tree / all, Basis.UTILISATION);
        }
        if (processes.isPresent()) {
            List<ComputeProcess> ps = processes.get();
            if (ps.isEmpty()) return new Share(0, Basis.PROCESSES);
            long tree = ps.stream().filter(p -> inTree.test(p.pid())).count();
            return new Share((double) tree / ps.size(), Basis.PROCESSES);
        }
        return new Share(0, Basis.NONE);
    }
}
