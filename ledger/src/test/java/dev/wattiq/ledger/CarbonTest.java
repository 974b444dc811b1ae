package dev.wattiq.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.wattiq.ledger.carbon.IntensitySeries;
import dev.wattiq.meter.io.Csv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CarbonTest {
    static final double KWH = Bill.JOULES_PER_KWH;
    static final Instant T0 = Instant.parse("2024-03-01T01:30:00Z");

    static IntensitySeries series(String text) {
        return IntensitySeries.parse(Csv.parse("series.csv", text).require(List.of("timestamp", "gco2e_per_kwh")).rows(), "series.csv");
    }

    static final String THREE_HOURS = """
            timestamp,gco2e_per_kwh
            2024-03-01T00:00Z,100
            2024-03-01T01:00Z,200
            2024-03-01T03:00+01:00,300
            """;

    @Test
    void seriesAppliedHourByHourAndGapsFilledWithTheAnnualFigure() {
        Site site = Site.builder().pue(1, "t").gridIntensity(500, "annual").carbonSeries(series(THREE_HOURS)).build();
        // 01:30-04:00Z at 1 kW: 0.5 h at 200, 1 h at 300 (03:00+01:00 = 02:00Z), 1 h missing (03:00Z) at 500
        Bill b = Ledger.bill(EnergyTrace.of(T0, 2.5 * 3600, 2.5 * KWH), site);
        assertThat(b.co2eLocationKg()).isCloseTo((0.5 * 200 + 300 + 500) / 1000, within(1e-12));
        assertThat(b.warnings()).singleElement().asString()
                .contains("does not cover 1 hour(s): 2024-03-01T03:00:00Z (1 h)")
                .contains("used the annual 500 gCO2e/kWh");
        assertThat(b.assumption("carbon_series_gap").orElseThrow().isDefault()).isTrue();
    }

    @Test
    void strictModeTurnsAGapIntoAnError() {
        Site site = Site.builder().gridIntensity(500, "annual").carbonSeries(series(THREE_HOURS)).strict(true).build();
        assertThatThrownBy(() -> Ledger.bill(EnergyTrace.of(T0, 10 * 3600, KWH), site))
                .isInstanceOf(LedgerException.class)
                .hasMessageContaining("2024-03-01T03:00:00Z..2024-03-01T11:00:00Z (9 h)")
                .hasMessageContaining("strict");
        // covered runs are fine in strict mode
        assertThat(Ledger.bill(EnergyTrace.of(T0, 1800, KWH), site).warnings()).isEmpty();
    }

    @Test
    void marketBasedFollowsGhgProtocolScope2() {
        EnergyTrace trace = EnergyTrace.of(T0, 3600, 10 * KWH);
        Site plain = Site.builder().pue(1.2, "t").gridIntensity(400, "t").build();
        Site green = Site.builder().pue(1.2, "t").gridIntensity(400, "t").greenShare(1.0, "PPA").build();
        Site half = Site.builder().pue(1.2, "t").gridIntensity(400, "t").greenShare(0.5, "RECs").residualMix(600, "AIB residual mix").build();
        Site onsite = Site.builder().pue(1.2, "t").gridIntensity(400, "t").onsiteShare(0.25, "rooftop PV").build();
        Bill p = Ledger.bill(trace, plain), g = Ledger.bill(trace, green), h = Ledger.bill(trace, half), o = Ledger.bill(trace, onsite);
        assertThat(p.co2eLocationKg()).isCloseTo(12 * 0.4, within(1e-12));
        assertThat(g.co2eMarketKg()).isZero();
        assertThat(g.co2eLocationKg()).isEqualTo(p.co2eLocationKg());
        assertThat(h.co2eMarketKg()).isCloseTo(12 * 0.5 * 0.6, within(1e-12));
        assertThat(h.co2eLocationKg()).isEqualTo(p.co2eLocationKg());
        assertThat(o.co2eLocationKg()).isCloseTo(12 * 0.75 * 0.4, within(1e-12));
        assertThat(o.co2eMarketKg()).isCloseTo(12 * 0.75 * 0.4, within(1e-12));
        assertThat(p.assumption("residual_mix").orElseThrow().isDefault()).isTrue();
        assertThatThrownBy(() -> Site.builder().greenShare(0.8, "a").onsiteShare(0.3, "b").build()).hasMessageContaining("exceed 1");
    }

    @Test
    void regionsWithDisagreeingSourcesShipEachSourceAndMarkTheDefault() {
        Site iowa = Site.builder().region("US-IA").build();
        assertThat(iowa.gridIntensity().gramsPerKwh()).isEqualTo(352);
        assertThat(iowa.gridIntensity().source()).contains("Morrison");
        assertThat(Site.builder().region("us-ia").gridSource("Green Algorithms").build().gridIntensity().gramsPerKwh()).isEqualTo(293.85);
        assertThat(Site.builder().region("US-IA").gridSource("mlco2").build().gridIntensity().gramsPerKwh()).isEqualTo(566.3);
        assertThatThrownBy(() -> Site.builder().region("US-IA").gridSource("nobody").build()).hasMessageContaining("Morrison");
        // cloud regions: borrowed figure says where it is from; operator fleet PUE is used and flagged default
        Site gcp = Site.builder().region("gcp/us-central1").build();
        assertThat(gcp.region()).isEqualTo("gcp:us-central1");
        assertThat(gcp.gridIntensity().gramsPerKwh()).isEqualTo(352);
        assertThat(gcp.gridIntensity().scope()).startsWith("located in Iowa");
        Bill b = Ledger.bill(EnergyTrace.of(T0, 60, 1000), Site.builder().region("aws:us-east-1").build());
        assertThat(b.assumption("pue").orElseThrow().value()).isEqualTo("1.15");
        assertThat(b.assumption("pue").orElseThrow().isDefault()).isTrue();
        assertThat(b.assumption("grid_intensity").orElseThrow().source()).contains("aws:us-east-1").contains("2016").contains("average");
        // a state with a shipped price uses it, still flagged as a default
        Bill ia = Ledger.bill(EnergyTrace.of(T0, 60, 1000), iowa);
        assertThat(ia.assumption("price").orElseThrow().value()).isEqualTo("0.0679");
        assertThat(ia.assumption("price").orElseThrow().isDefault()).isTrue();
    }

    @Test
    void unknownRegionSuggestsTheClosestCodes() {
        assertThatThrownBy(() -> Site.builder().region("US-IO").build())
                .isInstanceOf(LedgerException.class)
                .hasMessageStartingWith("unknown region 'US-IO': did you mean US-IA")
                .hasMessageContaining("--grid-intensity");
        assertThatThrownBy(() -> Site.builder().region("aws:us-east1").build()).hasMessageContaining("aws:us-east-1");
    }

    @Test
    void malformedSeriesFilesNameLineAndColumn(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> series("timestamp,gco2e_per_kwh\n2024-03-01T00:00,100\n"))
                .hasMessage("series.csv:2: column 1 (timestamp) '2024-03-01T00:00' has no UTC offset, so its hour is ambiguous: write 2024-03-01T00:00Z for UTC or add the offset, e.g. 2024-03-01T00:00+01:00");
        assertThatThrownBy(() -> series("timestamp,gco2e_per_kwh\n2024-03-01T00:00Z,100\n2024-03-01T01:00Z,abc\n"))
                .hasMessageStartingWith("series.csv:3: column 2 (gco2e_per_kwh) is 'abc', not a number");
        assertThatThrownBy(() -> series("timestamp,gco2e_per_kwh\n2024-03-01T00:00Z,-5\n")).hasMessageContaining("series.csv:2: column 2").hasMessageContaining("negative");
        assertThatThrownBy(() -> series("timestamp,gco2e_per_kwh\n2024-03-01T00:00Z,1,2\n")).hasMessageContaining("series.csv:2: has 3 fields, the header has 2");
        assertThatThrownBy(() -> series("timestamp,gco2e_per_kwh\n2024-03-01T00:00Z,\"100\n")).hasMessageContaining("series.csv:2: column 2 opens a quote");
        assertThatThrownBy(() -> series("time,g\n")).hasMessageContaining("series.csv:1: no column 'timestamp' in the header");
        assertThatThrownBy(() -> series("")).hasMessageContaining("series.csv is empty");
        assertThatThrownBy(() -> series("timestamp,gco2e_per_kwh\n")).hasMessageContaining("no rows");
        assertThatThrownBy(() -> series("timestamp,gco2e_per_kwh\n2024-03-01T00:00Z,1\n2024-03-01T00:00Z,2\n")).hasMessageContaining("series.csv:3").hasMessageContaining("repeats");
        assertThatThrownBy(() -> series("timestamp,gco2e_per_kwh\nyesterday,1\n")).hasMessageContaining("not an ISO-8601 time");
        assertThatThrownBy(() -> IntensitySeries.read(dir.resolve("nope.csv"))).hasMessageContaining("no such file: " + dir.resolve("nope.csv"));
        Path f = dir.resolve("ok.csv");
        Files.writeString(f, "# comment\r\ntimestamp,gco2e_per_kwh\r\n\"2024-03-01T00:00Z\",100\r\n");
        assertThat(IntensitySeries.read(f).at(Instant.parse("2024-03-01T00:59:59Z"))).hasValue(100);
        assertThat(IntensitySeries.read(f).at(Instant.parse("2024-03-01T01:00:00Z"))).isEmpty();
    }
}
