package dev.wattiq.meter.calibrate;

import dev.wattiq.meter.UserInputException;
import dev.wattiq.meter.estimate.CpuCalibration;
import dev.wattiq.meter.estimate.CpuPowerModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class CpuCalibrationTest {
    @TempDir
    Path dir;

    static CpuCalibration sample() {
        return new CpuCalibration(Instant.parse("2026-12-04T10:00:00Z"), "node-7", "AMD EPYC 9654 96-Core Processor", 192,
                "hwmon hwmon1 = hwmon1 power_meter power1", 180, 2.5, 3.1, 4.2,
                List.of(new CpuCalibration.Point(0.4, 181), new CpuCalibration.Point(96, 420), new CpuCalibration.Point(191, 658)));
    }

    @Test
    void theCalibratedModelPlusMemoryIsTheFittedWall() {
        CpuPowerModel m = sample().model("AMD EPYC 9654 96-Core Processor", 192, 30).model().orElseThrow();
        assertThat(m.idleWatts()).isCloseTo(150, within(1e-9));
        assertThat(m.maxWatts()).isCloseTo(150 + 2.5 * 192, within(1e-9));
        assertThat(m.powerWatts(0.5) + 30).isCloseTo(180 + 2.5 * 96, within(1e-9)); // half the CPUs busy
        assertThat(m.assumptions().get("cpu_max_w")).contains("wattiq calibrate on node-7 at 2026-12-04T10:00:00Z", "idle 180 W",
                "2.5 W per busy logical CPU", "fit error 3.1 W RMS (4.2 W leave-one-out) over 3 load steps");
    }

    @Test
    void anotherMachineOrAnUnusableFitIsNotUsedAndSaysWhy() {
        assertThat(sample().model("Intel Xeon", 192, 30).whyNot()).contains("is for AMD EPYC 9654", "run wattiq calibrate again");
        assertThat(sample().model("AMD EPYC 9654 96-Core Processor", 96, 30).whyNot()).contains("with 192 logical CPUs, this machine has");
        CpuCalibration flat = new CpuCalibration(Instant.EPOCH, "h", "c", 2, "w", 50, -1, 0, 0, List.of());
        assertThat(flat.model("c", 2, 0).model()).isEmpty();
        assertThat(flat.model("c", 2, 0).whyNot()).contains("unusable", "quiet machine");
    }

    @Test
    void aSavedCalibrationReadsBackAndAMalformedOneIsOneLine() throws Exception {
        Path f = dir.resolve("c.properties");
        sample().write(f);
        CpuCalibration back = CpuCalibration.read(f);
        assertThat(back).isEqualTo(sample());
        Files.writeString(f, Files.readString(f).replace("idle_w=180.0000", "idle_w=lots"));
        assertThatThrownBy(() -> CpuCalibration.read(f)).isInstanceOf(UserInputException.class)
                .hasMessage("the calibration " + f + " is malformed: idle_w holds 'lots', not a number; run wattiq calibrate again, or delete it");
        Files.writeString(f, "host=x\n");
        assertThatThrownBy(() -> CpuCalibration.read(f)).hasMessageContaining("it has no points");
        assertThatThrownBy(() -> CpuCalibration.read(dir.resolve("none"))).hasMessageStartingWith("cannot read the calibration ");
    }

    @Property(tries = 300)
    void anyTextIsACalibrationOrOneLineNeverACrash(@ForAll String text) {
        try {
            CpuCalibration.read(write(text));
        } catch (UserInputException e) {
            assertThat(e.getMessage()).startsWith("the calibration ").doesNotContain("\n");
        }
    }

    private Path write(String text) {
        try {
            Path f = Files.createTempFile("cal", ".properties");
            Files.writeString(f, text);
            f.toFile().deleteOnExit();
            return f;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
