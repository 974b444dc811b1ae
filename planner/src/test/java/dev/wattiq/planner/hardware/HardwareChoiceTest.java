package dev.wattiq.planner.hardware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wattiq.meter.UserInputException;
import dev.wattiq.meter.io.Csv;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Ambiguous short names are resolved out loud; the user's devices join the catalogue as theirs. */
class HardwareChoiceTest {
    private static final HardwareCatalog SHIPPED = HardwareCatalog.shipped();
    private static final String HEADER = "id,aliases,tdp_w,idle_w,memory_gb,memory_bw_gbs,bf16_tflops,devices_per_node,scale_up_gbs,scale_out_gbs,source,year\n";

    @Test
    void shortNamesOfSeveralDevicesNameTheOthers() {
        HardwareChoice h = SHIPPED.resolve("h100");
        assertThat(h.hardware().id()).isEqualTo("H100-SXM");
        assertThat(h.alternatives()).containsExactly("H100-PCIe");
        assertThat(h.note()).isEqualTo("'h100' is taken as H100-SXM (the catalogue's default for that name); it also fits H100-PCIe: name one of them to choose");
        assertThat(SHIPPED.resolve("A100").alternatives()).containsExactly("A100-40GB");
        assertThat(SHIPPED.resolve("nvidia h100").alternatives()).containsExactly("H100-PCIe");
        assertThat(SHIPPED.resolve("h100-sxm5").isAmbiguous()).isFalse();
        assertThat(SHIPPED.resolve("H200").isAmbiguous()).isFalse();
        assertThat(SHIPPED.resolve("H200").note()).isNull();
    }

    @Provide
    Arbitrary<String> ids() {
        return Arbitraries.of(SHIPPED.ids());
    }

    @Property
    void anIdResolvesToItselfWithNoAlternatives(@ForAll("ids") String id) {
        HardwareChoice c = SHIPPED.resolve(id.toLowerCase(java.util.Locale.ROOT));
        assertThat(c.hardware().id()).isEqualTo(id);
        assertThat(c.isAmbiguous()).isFalse();
        assertThat(c.hardware().provenance().isUser()).isFalse();
    }

    @Test
    void theUsersDevicesAreFoundByIdAndAliasAndAreTheirs() {
        HardwareCatalog c = UserHardware.over(SHIPPED, Csv.parse("mine.csv", HEADER
                + "RTX-4090,4090;geforce-4090,450,25,24,1008,165,8,450,50,\"NVIDIA Ada whitepaper, my lab's nvidia-smi\",2024\n"
                + "L40S,,350,35,48,864,362,8,32,25,datasheet,2024\n"));
        Hardware rtx = c.find("geforce 4090");
        assertThat(rtx.id()).isEqualTo("RTX-4090");
        assertThat(rtx.provenance().isUser()).isTrue();
        assertThat(rtx.tdpWatts()).isEqualTo(450);
        assertThat(rtx.bf16Flops()).isEqualTo(165e12);
        assertThat(rtx.source()).isEqualTo("your hardware file mine.csv line 2: NVIDIA Ada whitepaper, my lab's nvidia-smi (2024)");
        assertThat(rtx.figuresFrom()).isEqualTo("your hardware file mine.csv line 2");
        assertThat(c.find("l40s").tdpWatts()).isEqualTo(350);
        assertThat(c.find("H100-SXM")).isSameAs(SHIPPED.find("H100-SXM"));
        assertThat(SHIPPED.ids()).doesNotContain("RTX-4090"); // the shipped catalogue is untouched
        assertThat(c.ids()).contains("RTX-4090", "L40S", "H100-SXM");
    }

    @Test
    void aUserDeviceMayNotTakeANameTwice() {
        assertThatThrownBy(() -> UserHardware.over(SHIPPED, Csv.parse("mine.csv", HEADER
                + "A,x,450,25,24,1008,165,8,450,50,me,2024\nB,X,450,25,24,1008,165,8,450,50,me,2024\n")))
                .isInstanceOf(UserInputException.class)
                .hasMessage("mine.csv:3: column 2 (aliases) names 'X', which is already A (an earlier row): give your device its own names");
        assertThatThrownBy(() -> UserHardware.over(SHIPPED, Csv.parse("mine.csv", HEADER + "mine,h100,450,25,24,1008,165,8,450,50,me,2024\n")))
                .hasMessage("mine.csv:2: column 2 (aliases) names 'h100', which is already H100-SXM in the catalogue: give your device its own names");
    }

    @Property(tries = 200)
    void anyPositiveFiguresMakeADeviceWithThoseFigures(@ForAll("watts") double tdp, @ForAll("share") double idleShare, @ForAll("watts") double tflops) {
        double idle = tdp * idleShare;
        Hardware h = UserHardware.over(SHIPPED, Csv.parse("p.csv", HEADER + "P," + "," + tdp + "," + idle + ",16,500," + tflops + ",4,450,50,me,2025\n")).find("P");
        assertThat(List.of(h.tdpWatts(), h.idleWatts(), h.bf16Flops())).containsExactly(tdp, idle, tflops * 1e12);
    }

    @Provide
    Arbitrary<Double> share() {
        return Arbitraries.doubles().between(0.01, 0.99).ofScale(2);
    }

    @Provide
    Arbitrary<Double> watts() {
        return Arbitraries.doubles().between(0.001, 1e6).ofScale(3).filter(d -> d > 0);
    }
}
