package dev.wattiq.planner.hardware;

import dev.wattiq.planner.PlannerException;
import dev.wattiq.planner.UnknownNameException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HardwareCatalogTest {
    private final HardwareCatalog catalog = HardwareCatalog.shipped();

    @ParameterizedTest
    @ValueSource(strings = {"V100", "A100-40GB", "A100-80GB", "H100-SXM", "H100-PCIe", "H200", "B200", "MI300X", "TPUv3",
            "TPUv4", "TPUv5e", "TPUv5p", "L4", "EPYC-9654", "XEON-8480", "H800", "H20", "GB200", "B100", "MI250X", "MI325X",
            "TPUv6e", "Gaudi2", "Gaudi3"})
    void theIssuesHardwareIsCataloguedWithSourcesAndPositiveFigures(String id) {
        Hardware h = catalog.find(id);
        assertThat(h.id()).isEqualTo(id);
        assertThat(h.bf16Flops()).isPositive();
        assertThat(h.tdpWatts()).isGreaterThan(h.idleWatts()).isPositive();
        assertThat(h.idleWatts()).isPositive();
        assertThat(h.memoryBytes()).isPositive();
        assertThat(h.memoryBandwidthBytesPerSecond()).isPositive();
        assertThat(h.scaleUpBytesPerSecond()).isPositive();
        assertThat(h.scaleOutBytesPerSecond()).isPositive().isLessThanOrEqualTo(h.scaleUpBytesPerSecond());
        assertThat(h.devicesPerNode()).isPositive();
        assertThat(h.source()).matches(".*\\(20\\d\\d\\)$");
        assertThat(h.linkSource()).isNotBlank();
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"H100-80GB,H100-SXM", "NVIDIA H100,H100-SXM", "A100-SXM4-80GB,A100-80GB",
            "NVIDIA A100-SXM4-80GB,A100-80GB", "TPUv4,TPUv4", "TPU v4,TPUv4", "tpu-v4,TPUv4", "NVIDIA B200,B200",
            "NVIDIA H800,H800", "'V100 (SXM2)',V100", "Trillium,TPUv6e", "Intel Gaudi3,Gaudi3", "GB200 NVL72,GB200"})
    void namesAsSourcesWriteThemResolve(String written, String id) {
        assertThat(catalog.find(written).id()).isEqualTo(id);
    }

    @Test
    void namesAreCaseInsensitiveAndAliasesWork() {
        assertThat(catalog.find("h100").id()).isEqualTo("H100-SXM");
        assertThat(catalog.find("NVIDIA H100").id()).isEqualTo("H100-SXM");
        assertThat(catalog.find("a100-sxm4-80gb").id()).isEqualTo("A100-80GB");
        assertThat(catalog.find("tpu v4").id()).isEqualTo("TPUv4");
        assertThat(catalog.find("mi300x").id()).isEqualTo("MI300X");
    }

    @Test
    void unknownHardwareListsTheClosestMatches() {
        assertThatThrownBy(() -> catalog.find("H110")).isInstanceOf(UnknownNameException.class)
                .hasMessageContaining("unknown hardware 'H110'").hasMessageContaining("closest: ")
                .satisfies(e -> assertThat(((UnknownNameException) e).closest()).contains("H100-SXM").hasSize(3));
        assertThatThrownBy(() -> catalog.find("tpu5")).satisfies(e ->
                assertThat(((UnknownNameException) e).closest()).startsWith("TPUv5e", "TPUv5p"));
        assertThatThrownBy(() -> catalog.find("tpuv9")).satisfies(e ->
                assertThat(((UnknownNameException) e).closest().getFirst()).startsWith("TPUv"));
        assertThatThrownBy(() -> catalog.find(" ")).isInstanceOf(PlannerException.class).hasMessageContaining("no hardware given: name one with hardware, e.g. H100-SXM");
    }

    @Test
    void precisionFallsBackToTheNextWiderUnit() {
        Hardware v100 = catalog.find("V100");
        assertThat(v100.peakFlops(Precision.FP8)).isEqualTo(v100.bf16Flops());
        assertThat(v100.peakFlops(Precision.TF32)).isEqualTo(v100.fp32Flops());
        Hardware h100 = catalog.find("H100-SXM");
        assertThat(h100.peakFlops(Precision.FP8)).isEqualTo(2 * h100.bf16Flops(), org.assertj.core.data.Offset.offset(1e12));
        assertThat(h100.peakFlops(Precision.INT4)).isEqualTo(h100.bf16Flops());
        assertThatThrownBy(() -> catalog.find("TPUv4").requirePeakFlops(Precision.FP32))
                .hasMessageContaining("no fp32 peak").hasMessageContaining("use precision bf16");
    }

    @Test
    void duplicateAliasesInADataFileAreRejected() {
        String header = "id,aliases,kind,vendor,fp32_tflops,tf32_tflops,bf16_tflops,fp8_tflops,int8_tops,tdp_w,idle_w,memory_gb,memory_bw_gbs,scale_up_gbs,scale_out_gbs,embodied_kgco2e,devices_per_node,source,year,link_source";
        String ones = ",1".repeat(header.split(",").length - 2);
        var rows = dev.wattiq.meter.io.Csv.parse("hardware.csv", header + "\nX1,same" + ones + "\nX2,same" + ones + "\n").rows();
        assertThatThrownBy(() -> new HardwareCatalog(rows)).hasMessageContaining("make aliases unique");
    }

    @Test
    void aRowWithoutLinkBandwidthsIsRefusedNamingWhatToFill() {
        String header = "id,aliases,kind,vendor,fp32_tflops,tf32_tflops,bf16_tflops,fp8_tflops,int8_tops,tdp_w,idle_w,memory_gb,memory_bw_gbs,scale_up_gbs,scale_out_gbs,embodied_kgco2e,devices_per_node,source,year,link_source";
        var rows = dev.wattiq.meter.io.Csv.parse("hardware.csv", header + "\nX1,,gpu,V,1,1,1,1,1,300,30,80,2000,,,,8,s,2024,l\n").rows();
        assertThatThrownBy(() -> new HardwareCatalog(rows)).hasMessageContaining("X1").hasMessageContaining("link bandwidth");
    }

    @Test
    void precisionNamesParse() {
        assertThat(Precision.parse("bfloat16")).isEqualTo(Precision.BF16);
        assertThat(Precision.parse("FP16")).isEqualTo(Precision.BF16);
        assertThat(Precision.parse("mxfp4").bytesPerWeight()).isEqualTo(4.25 / 8);
        assertThatThrownBy(() -> Precision.parse("fp12")).hasMessageContaining("unknown precision 'fp12'");
    }
}
