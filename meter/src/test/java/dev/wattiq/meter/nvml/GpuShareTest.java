package dev.wattiq.meter.nvml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wattiq.meter.nvml.GpuShare.Basis;
import dev.wattiq.meter.nvml.NvmlTypes.ComputeProcess;
import dev.wattiq.meter.nvml.NvmlTypes.ProcessSample;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class GpuShareTest {
    private static ProcessSample sample(long pid, int sm) {
        return new ProcessSample(pid, 1, sm, 0);
    }

    private static ComputeProcess proc(long pid) {
        return new ComputeProcess(pid, 1, -1, -1);
    }

    @Test
    void utilisationSamplesDecide() {
        GpuShare.Share s = GpuShare.of(Optional.of(List.of(sample(1, 60), sample(2, 20), sample(1, 20))),
                Optional.of(List.of(proc(1), proc(2))), Set.of(1L)::contains);
        assertThat(s).isEqualTo(new GpuShare.Share(0.8, Basis.UTILISATION));
    }

    @Test
    void withoutSamplesTheProcessesDecide() {
        assertThat(GpuShare.of(Optional.of(List.of()), Optional.of(List.of(proc(1), proc(2), proc(3), proc(4))), Set.of(1L)::contains))
                .isEqualTo(new GpuShare.Share(0.25, Basis.PROCESSES));
        assertThat(GpuShare.of(Optional.of(List.of(sample(1, 0))), Optional.of(List.of(proc(1))), Set.of(1L)::contains))
                .as("samples of an idle GPU say nothing about who holds it").isEqualTo(new GpuShare.Share(1.0, Basis.PROCESSES));
    }

    @Test
    void aGpuTheTreeDidNotUseIsChargedNothing() {
        assertThat(GpuShare.of(Optional.of(List.of(sample(9, 90))), Optional.of(List.of(proc(9))), Set.of(1L)::contains).fraction()).isZero();
        assertThat(GpuShare.of(Optional.of(List.of()), Optional.of(List.of()), Set.of(1L)::contains)).isEqualTo(new GpuShare.Share(0, Basis.PROCESSES));
        assertThat(GpuShare.of(Optional.empty(), Optional.empty(), Set.of(1L)::contains)).isEqualTo(new GpuShare.Share(0, Basis.NONE));
    }

    @Property
    void theShareIsAFractionAndAllOfItWhenTheTreeIsEveryone(
            @ForAll @Size(max = 20) List<@IntRange(min = -50, max = 500) Integer> sms, @ForAll boolean everyoneInTree) {
        List<ProcessSample> samples = new ArrayList<>();
        for (int i = 0; i < sms.size(); i++) samples.add(sample(i + 2, sms.get(i)));
        GpuShare.Share s = GpuShare.of(Optional.of(samples), Optional.of(List.of(proc(2))), pid -> everyoneInTree || pid % 2 == 0);
        assertThat(s.fraction()).isBetween(0.0, 1.0);
        if (everyoneInTree) assertThat(s.fraction()).isEqualTo(1.0);
    }
}
