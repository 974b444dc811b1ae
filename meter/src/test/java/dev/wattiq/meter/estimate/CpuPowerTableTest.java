package dev.wattiq.meter.estimate;

import org.junit.jupiter.api.Test;

import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class CpuPowerTableTest {
    private final CpuPowerTable table = CpuPowerTable.shipped();

    @Test
    void everyShippedRowHasASourceAndAYear() {
        assertThat(table.rows()).hasSizeGreaterThan(3).allSatisfy(r -> {
            assertThat(r.source()).isNotBlank();
            assertThat(r.year()).isBetween(2015, 2030);
            assertThat(r.idleWatts()).isLessThan(r.maxWatts());
        });
        assertThat(table.memory().wattsPerGb()).isEqualTo(0.392);
        assertThat(table.memory().source()).contains("Cloud Carbon Footprint");
    }

    @Test
    void lookupTakesTheLongestMatchAndFallsBackToTheDefault() {
        assertThat(table.lookup("AMD EPYC 9654 96-Core Processor").model()).isEqualTo("AMD EPYC 9654");
        assertThat(table.lookup("Intel(R) Xeon(R) Platinum 8480+").model()).isEqualTo("Intel(R) Xeon(R) Platinum 8480+");
        assertThat(table.lookup("AMD EPYC").isDefault()).isTrue(); // this build machine's VM reports only "AMD EPYC"
        assertThat(table.lookup("unknown").isDefault()).isTrue();
    }

    @Test
    void modelScalesBySeenLogicalCpus() {
        CpuPowerModel vm = CpuPowerModel.resolve(table, "AMD EPYC 9654 96-Core Processor", 2, OptionalDouble.empty());
        assertThat(vm.maxWatts()).isCloseTo(360.0 * 2 / 192, within(1e-12));
        assertThat(vm.powerWatts(0)).isEqualTo(vm.idleWatts());
        assertThat(vm.powerWatts(1)).isEqualTo(vm.maxWatts());
        assertThat(vm.powerWatts(0.5)).isCloseTo((vm.idleWatts() + vm.maxWatts()) / 2, within(1e-12));
        assertThat(vm.powerWatts(7)).isEqualTo(vm.maxWatts());
        CpuPowerModel unknown = CpuPowerModel.resolve(table, "AMD EPYC", 2, OptionalDouble.empty());
        assertThat(unknown.maxWatts()).isEqualTo(7.0);
        assertThat(unknown.idleWatts()).isEqualTo(1.48);
        assertThat(unknown.assumptions()).containsEntry("cpu_model", "AMD EPYC (default: unknown CPU)");
        assertThat(unknown.assumptions().get("cpu_max_w")).startsWith("7 (3.5 W per logical CPU x 2; Cloud Carbon Footprint");
    }

    @Test
    void overrideReplacesFullLoadPowerAndCapsIdle() {
        CpuPowerModel m = CpuPowerModel.resolve(table, "AMD EPYC", 2, OptionalDouble.of(1.0));
        assertThat(m.maxWatts()).isEqualTo(1.0);
        assertThat(m.idleWatts()).isEqualTo(1.0);
        assertThat(m.assumptions().get("cpu_max_w")).isEqualTo("1 (override: --cpu-watts)");
        assertThatThrownBy(() -> CpuPowerModel.resolve(table, "x", 2, OptionalDouble.of(-5)))
                .hasMessageContaining("--cpu-watts must be a positive number");
    }

    @Test
    void malformedDataFilesAreNamed() {
        String header = "model,threads,max_w,idle_w,source,year\n";
        assertThatThrownBy(() -> CpuPowerTable.parseCpu(header + "*,1,3.5,0.7,src\n", "cpu-power.csv"))
                .hasMessageContaining("cpu-power.csv:2: has 5 fields, the header has 6 (no field for column 6 (year))");
        assertThatThrownBy(() -> CpuPowerTable.parseCpu(header + "*,1,abc,0.7,src,2021\n", "cpu-power.csv"))
                .hasMessageContaining("cpu-power.csv:2: column 3 (max_w) is 'abc', not a number");
        assertThatThrownBy(() -> CpuPowerTable.parseCpu(header + "*,1,3.5,0.7,,2021\n", "cpu-power.csv"))
                .hasMessageContaining("cpu-power.csv:2: column 5 (source) is empty");
        assertThatThrownBy(() -> CpuPowerTable.parseCpu(header + "*,1,3.5,9,src,2021\n", "cpu-power.csv"))
                .hasMessageContaining("idle_w <= max_w");
        assertThatThrownBy(() -> CpuPowerTable.parseCpu(header + "*,1,3.5,0.7,\"src,2021\n", "cpu-power.csv"))
                .hasMessageContaining("cpu-power.csv:2: column 5 opens a quote that is never closed");
        assertThatThrownBy(() -> new CpuPowerTable(CpuPowerTable.parseCpu(header + "X,1,3.5,0.7,src,2021\n", "t"), table.memory()))
                .hasMessageContaining("default row");
        assertThatThrownBy(() -> CpuPowerTable.parseMemory("kind,w_per_gb,source,year\nother,1,s,2020\n", "memory-power.csv"))
                .hasMessageContaining("no row with kind 'default'");
        assertThat(CpuPowerTable.parseCpu("# c\n\n" + header + "\"A, B\",2,10,1,\"say \"\"hi\"\"\",2020\n", "t").getFirst())
                .isEqualTo(new CpuPowerTable.Row("A, B", 2, 10, 1, "say \"hi\"", 2020));
    }
}
