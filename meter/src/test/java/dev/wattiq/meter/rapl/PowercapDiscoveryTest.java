package dev.wattiq.meter.rapl;

import dev.wattiq.meter.testing.FakePowercap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Zone discovery and the choice of non-overlapping domains, on fake trees laid out as plain dirs and as symlinks. */
class PowercapDiscoveryTest {
    @TempDir
    Path dir;

    private List<String> chosen(FakePowercap fake) throws IOException {
        return PowercapDiscovery.choose(PowercapDiscovery.discover(fake.sysfsRoot())).domains().stream()
                .map(d -> d.zone().id() + " " + d.component() + " " + d.device()).toList();
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void onePackage(boolean symlinks) throws IOException {
        FakePowercap f = new FakePowercap(dir, symlinks).zone("intel-rapl:0", "package-0", 5);
        assertThat(chosen(f)).containsExactly("intel-rapl:0 cpu_package package-0");
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void twoSocketsWithCoreUncoreAndDram(boolean symlinks) throws IOException {
        FakePowercap f = new FakePowercap(dir, symlinks)
                .zone("intel-rapl:1", "package-1", 1).zone("intel-rapl:1:0", "core", 1).zone("intel-rapl:1:1", "dram", 1)
                .zone("intel-rapl:0", "package-0", 1).zone("intel-rapl:0:0", "core", 1).zone("intel-rapl:0:1", "uncore", 1)
                .zone("intel-rapl:0:2", "dram", 1);
        assertThat(chosen(f)).containsExactly(
                "intel-rapl:0 cpu_package package-0", "intel-rapl:1 cpu_package package-1",
                "intel-rapl:0:2 dram package-0", "intel-rapl:1:1 dram package-1");
        PowercapDiscovery.Choice c = PowercapDiscovery.choose(PowercapDiscovery.discover(dir));
        assertThat(c.leftOut()).containsExactly("intel-rapl:0:0 (core): inside package-0, never added to it",
                "intel-rapl:0:1 (uncore): inside package-0, never added to it", "intel-rapl:1:0 (core): inside package-1, never added to it");
    }

    @Test
    void psysIsTheTotal() throws IOException {
        FakePowercap f = new FakePowercap(dir, true).zone("intel-rapl:0", "package-0", 1).zone("intel-rapl:0:0", "core", 1)
                .zone("intel-rapl:0:1", "dram", 1).zone("intel-rapl:1", "psys", 1);
        assertThat(chosen(f)).containsExactly("intel-rapl:1 psys machine");
    }

    @Test
    void mmioCopyIsIgnoredWhenMsrZonesExist() throws IOException {
        FakePowercap f = new FakePowercap(dir, true).zone("intel-rapl:0", "package-0", 1).zone("intel-rapl-mmio:0", "package-0", 1);
        assertThat(chosen(f)).containsExactly("intel-rapl:0 cpu_package package-0");
        FakePowercap onlyMmio = new FakePowercap(dir.resolve("b"), true).zone("intel-rapl-mmio:0", "package-0", 1);
        assertThat(chosen(onlyMmio)).containsExactly("intel-rapl-mmio:0 cpu_package package-0");
    }

    @Test
    void duplicatePackageNamesGetDistinctDevices() throws IOException {
        FakePowercap f = new FakePowercap(dir, false).zone("intel-rapl:0", "package-0", 1).zone("intel-rapl:1", "package-0", 1);
        assertThat(chosen(f)).containsExactly("intel-rapl:0 cpu_package package-0", "intel-rapl:1 cpu_package package-1");
    }

    @Test
    void unknownTopLevelZonesAreLeftOutAndNothingChosenIsEmpty() throws IOException {
        FakePowercap f = new FakePowercap(dir, false).zone("intel-rapl:0", "mystery", 1);
        PowercapDiscovery.Choice c = PowercapDiscovery.choose(PowercapDiscovery.discover(dir));
        assertThat(c.domains()).isEmpty();
        assertThat(c.leftOut()).singleElement().asString().contains("unknown top-level domain");
        assertThat(f).isNotNull();
    }

    @Test
    void malformedZoneFilesAreNamed() {
        FakePowercap f = new FakePowercap(dir, false).zone("intel-rapl:0", "package-0", 1);
        f.write("intel-rapl:0", "max_energy_range_uj", "lots\n");
        assertThatThrownBy(() -> PowercapDiscovery.discover(dir)).hasMessageContaining("max_energy_range_uj does not hold a number");
        assertThatThrownBy(() -> PowercapDiscovery.discover(dir.resolve("none"))).hasMessageContaining("powercap");
    }
}
