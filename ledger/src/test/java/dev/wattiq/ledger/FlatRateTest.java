package dev.wattiq.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.wattiq.meter.ComponentEnergy;
import dev.wattiq.meter.Measurement;
import dev.wattiq.meter.Method;
import dev.wattiq.meter.PowerSample;
import dev.wattiq.meter.Scope;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlatRateTest {
    static final Instant T0 = Instant.parse("2024-06-03T10:00:00Z");
    static final double KWH = Bill.JOULES_PER_KWH;

    @Test
    void flatRateArithmetic() {
        Site site = Site.builder().pue(1.5, "test").price(0.20, "test").currency("EUR", "test").gridIntensity(400, "test").build();
        Bill b = Ledger.bill(EnergyTrace.of(T0, 3600, 2 * KWH), site);
        assertThat(b.itEnergyJoules()).isEqualTo(2 * KWH);
        assertThat(b.facilityEnergyJoules()).isCloseTo(3 * KWH, within(1e-6));
        assertThat(b.cost()).isEqualTo(new Money(0.60, "EUR").plus(b.cost().amount() - 0.60));
        assertThat(b.cost().amount()).isCloseTo(0.60, within(1e-12));
        assertThat(b.cost().currency()).isEqualTo("EUR");
        assertThat(b.co2eLocationKg()).isCloseTo(1.2, within(1e-12));
        assertThat(b.co2eMarketKg()).isCloseTo(1.2, within(1e-12));
        assertThat(b.co2eEmbodiedKg()).isEmpty();
        assertThat(b.peakFacilityPowerWatts()).isCloseTo(3000, within(1e-9));
    }

    @Test
    void defaultsAreFlaggedAsDefaults() {
        Bill b = Ledger.bill(EnergyTrace.of(T0, 60, 1000), Site.defaults());
        assertThat(b.assumption("pue").orElseThrow().isDefault()).isTrue();
        assertThat(b.assumption("pue").orElseThrow().source()).contains("Uptime");
        assertThat(b.assumption("price").orElseThrow().isDefault()).isTrue();
        assertThat(b.assumption("price").orElseThrow().unit()).isEqualTo("USD/kWh");
        assertThat(b.assumption("grid_intensity").orElseThrow().isDefault()).isTrue();
        assertThat(b.assumption("grid_intensity").orElseThrow().source()).contains("WORLD");
        assertThat(b.assumption("region").orElseThrow().isDefault()).isTrue();
        assertThat(b.assumption("green_share").orElseThrow().isDefault()).isTrue();
        // the default numbers come from the shipped data, and the bill uses them
        double pue = Double.parseDouble(b.assumption("pue").orElseThrow().value());
        double price = Double.parseDouble(b.assumption("price").orElseThrow().value());
        double g = Double.parseDouble(b.assumption("grid_intensity").orElseThrow().value());
        assertThat(b.facilityEnergyJoules()).isCloseTo(1000 * pue, within(1e-9));
        assertThat(b.cost().amount()).isCloseTo(1000 * pue / KWH * price, within(1e-15));
        assertThat(b.co2eLocationKg()).isCloseTo(1000 * pue / KWH * g / 1000, within(1e-15));
    }

    @Test
    void userValuesAreNotDefaults() {
        Site site = Site.builder().region("FR").pue(1.2, "user: --pue").price(0.1, "user: --price").currency("EUR", "user").build();
        Bill b = Ledger.bill(EnergyTrace.of(T0, 60, 1000), site);
        assertThat(b.assumption("pue").orElseThrow().isDefault()).isFalse();
        assertThat(b.assumption("price").orElseThrow().isDefault()).isFalse();
        assertThat(b.assumption("grid_intensity").orElseThrow().isDefault()).isFalse();
        assertThat(b.assumption("grid_intensity").orElseThrow().value()).isEqualTo("56");
    }

    @Test
    void measurementBecomesOneIntervalOrSampledShape() {
        Measurement m = new Measurement("job", T0, Duration.ofSeconds(10), Scope.MACHINE,
                List.of(new ComponentEnergy("cpu_package", "package-0", 800, 800, Method.MEASURED),
                        new ComponentEnergy("gpu", "gpu-0", 1200, 1200, Method.MEASURED)),
                200, 300, 50, 2, Map.of(), List.of());
        assertThat(EnergyTrace.of(m).totalJoules()).isEqualTo(2000);
        assertThat(EnergyTrace.of(m).durationSeconds()).isEqualTo(10);
        List<PowerSample> samples = List.of(
                new PowerSample(T0.plusSeconds(5), 5, Map.of("gpu", 100.0), 100, false),
                new PowerSample(T0.plusSeconds(10), 5, Map.of("gpu", 300.0), 300, false));
        EnergyTrace shaped = EnergyTrace.of(m, samples);
        assertThat(shaped.intervals()).hasSize(2);
        assertThat(shaped.totalJoules()).isCloseTo(2000, within(1e-9));
        assertThat(shaped.intervals().get(1).itJoules()).isCloseTo(1500, within(1e-9));
        assertThat(shaped.intervals().get(0).start()).isEqualTo(T0);
    }

    @Test
    void embodiedCarbonAmortisedOverRunTime() {
        Site site = Site.builder().embodied(new Embodied(1500, 6, "test catalogue")).build();
        Bill b = Ledger.bill(EnergyTrace.of(T0, 86400, 1000), site);
        assertThat(b.co2eEmbodiedKg().getAsDouble()).isCloseTo(1500 / (6 * 365.25), within(1e-9));
        assertThat(b.assumption("hardware_lifetime").orElseThrow().value()).isEqualTo("6");
    }

    @Test
    void badNumbersAreRejectedWithTheFix() {
        assertThatThrownBy(() -> Site.builder().pue(0.9, "user: --pue")).hasMessageContaining("PUE 0.9 (user: --pue)").hasMessageContaining(">= 1");
        assertThatThrownBy(() -> Site.builder().price(-0.1, "user: --price")).hasMessageContaining("price -0.1").hasMessageContaining(">= 0");
        assertThatThrownBy(() -> Site.builder().greenShare(1.2, "user: --green-share")).hasMessageContaining("outside 0..1");
        assertThatThrownBy(() -> Site.builder().currency("euro", "user: --currency")).hasMessageContaining("ISO 4217");
        assertThatThrownBy(() -> new Embodied(100, 0, "x")).hasMessageContaining("lifetime");
        assertThatThrownBy(() -> EnergyTrace.of(T0, 0, 5)).hasMessageContaining("give it a length");
    }

    @Test
    void pointCarriesTheBillsFigures() {
        Bill b = Ledger.bill(EnergyTrace.of(T0, 100, 5000), Site.builder().pue(1.5, "t").price(0.2, "t").gridIntensity(100, "t").build());
        Point p = Point.of("fp32", Map.of("precision", "fp32"), 100, b, 0.9, "r2", true);
        assertThat(p.energyJoules()).isEqualTo(5000);
        assertThat(p.cost()).isEqualTo(b.cost().amount());
        assertThat(p.currency()).isEqualTo("USD");
        assertThat(p.co2eLocationKg()).isEqualTo(b.co2eLocationKg());
    }

    @Test
    void tracesMustBeOrderedAndAnEmptyTraceCostsNothing() {
        assertThatThrownBy(() -> new EnergyTrace(List.of(new EnergyTrace.Interval(T0, 60, 1), new EnergyTrace.Interval(T0.plusSeconds(30), 60, 1))))
                .hasMessageContaining("overlap or are out of order");
        Bill empty = Ledger.bill(new EnergyTrace(List.of()), Site.defaults());
        assertThat(empty.cost().amount()).isZero();
        assertThat(empty.co2eLocationKg()).isZero();
        assertThat(empty.facilityEnergyJoules()).isZero();
        // a gap between intervals draws nothing
        EnergyTrace gappy = new EnergyTrace(List.of(new EnergyTrace.Interval(T0, 60, 600), new EnergyTrace.Interval(T0.plusSeconds(3600), 60, 600)));
        assertThat(gappy.durationSeconds()).isEqualTo(120);
        assertThat(Ledger.bill(gappy, Site.builder().pue(1, "t").build()).facilityEnergyJoules()).isEqualTo(1200);
    }

    @Test
    void aCurrencyFlagCannotReinterpretAFilesDemandCharge() {
        var demand = java.util.Optional.of(new dev.wattiq.ledger.tariff.DemandCharge(10, 15, java.time.ZoneOffset.UTC, "file"));
        var tariff = new dev.wattiq.ledger.tariff.FlatTariff(0.1, "USD", "file", false, demand);
        assertThatThrownBy(() -> Site.builder().tariff(tariff).price(0.2, "user: --price").currency("EUR", "user: --currency").build())
                .hasMessageContaining("demand charge is priced in USD");
        assertThat(Site.builder().tariff(tariff).price(0.2, "user: --price").build().tariff().demandCharge()).isPresent();
    }
}
