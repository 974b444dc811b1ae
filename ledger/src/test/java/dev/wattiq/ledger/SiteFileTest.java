package dev.wattiq.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.wattiq.ledger.io.SiteFile;
import dev.wattiq.ledger.pue.PueCurve;
import dev.wattiq.ledger.tariff.TimeOfUseTariff;
import dev.wattiq.meter.UserInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteFileTest {
    static final Instant START = Instant.parse("2024-06-03T18:30:00Z"); // Monday 13:30 in Chicago

    static Path resource(String name) throws Exception {
        return Path.of(SiteFileTest.class.getResource("/dev/wattiq/ledger/" + name).toURI());
    }

    @Test
    void yamlAndTomlDescribeTheSameSite() throws Exception {
        Site yaml = SiteFile.read(resource("site-iowa.yaml")).build();
        Site toml = SiteFile.read(resource("site-iowa.toml")).build();
        assertThat(yaml.region()).isEqualTo("US-IA");
        assertThat(yaml.gridIntensity().gramsPerKwh()).isEqualTo(293.85);
        assertThat(yaml.pue()).isInstanceOf(PueCurve.class);
        assertThat(yaml.tariff()).isInstanceOf(TimeOfUseTariff.class);
        assertThat(yaml.tariff().demandCharge()).isPresent();
        assertThat(yaml.carbonSeries().orElseThrow().points()).hasSize(3);
        assertThat(yaml.green().contractedShare()).isEqualTo(0.6);
        assertThat(yaml.embodied().orElseThrow().lifetimeYears()).isEqualTo(6);

        EnergyTrace trace = EnergyTrace.of(START, 2 * 3600, 200_000 * 2 * 3600.0); // 200 kW for 2 h
        Bill y = Ledger.bill(trace, yaml), t = Ledger.bill(trace, toml);
        assertThat(t.cost()).isEqualTo(y.cost());
        assertThat(t.co2eLocationKg()).isEqualTo(y.co2eLocationKg());
        assertThat(t.co2eMarketKg()).isEqualTo(y.co2eMarketKg());
        // 200 kW of 500 kW capacity = 0.4 load -> PUE 1.6 + (0.3/0.4) x (1.25 - 1.6) = 1.3375
        double facilityKwh = 400 * 1.3375;
        assertThat(y.facilityEnergyKwh()).isCloseTo(facilityKwh, within(1e-9));
        // 13:30-14:00 local at 0.06, 14:00-15:30 at 0.14; peak 267.5 kW x 12.5
        assertThat(y.energyCharge()).isCloseTo(facilityKwh / 4 * 0.06 + facilityKwh * 3 / 4 * 0.14, within(1e-9));
        assertThat(y.demandCharge()).isCloseTo(200 * 1.3375 * 12.5, within(1e-9));
        // series: 18:30-19:00 at 310, 19:00-20:00 at 355, 20:00-20:30 at 402; 5% on site
        double locKg = facilityKwh * 0.95 * (0.25 * 310 + 0.5 * 355 + 0.25 * 402) / 1000;
        assertThat(y.co2eLocationKg()).isCloseTo(locKg, within(1e-9));
        assertThat(y.co2eMarketKg()).isCloseTo(facilityKwh * 0.35 * 480 / 1000, within(1e-9));
        assertThat(y.co2eEmbodiedKg().getAsDouble()).isCloseTo(3000 * 2 / (6 * 365.25 * 24), within(1e-9));
        assertThat(y.warnings()).isEmpty();
    }

    @Test
    void flagsAppliedAfterTheFileOverrideIt() throws Exception {
        Site s = SiteFile.read(resource("site-iowa.yaml")).pue(1.1, "user: --pue").price(0.2, "user: --price").greenShare(0, "user: --green-share").build();
        assertThat(s.pue().pueAt(1)).isEqualTo(1.1);
        assertThat(s.tariff().pricePerKwhAt(START)).isEqualTo(0.2);
        assertThat(s.currency()).isEqualTo("USD");
        assertThat(s.tariff().demandCharge()).isPresent();
        assertThat(s.warnings()).singleElement().asString().contains("replaces the time-of-use tariff");
        assertThatThrownBy(() -> SiteFile.read(resource("site-iowa.yaml")).currency("EUR", "user: --currency").build())
                .hasMessageContaining("give the price in EUR too");
    }

    static UserInputException bad(Path dir, String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        try {
            SiteFile.read(f).build();
        } catch (UserInputException e) {
            return e;
        }
        throw new AssertionError("accepted " + text);
    }

    @Test
    void malformedSiteFilesGiveOneLineWithTheFix(@TempDir Path dir) throws Exception {
        assertThat(bad(dir, "a.yaml", "regoin: FR\n")).hasMessageContaining("a.yaml: regoin is not a known key: did you mean region");
        assertThat(bad(dir, "b.yaml", "pue: 0.8\n")).hasMessageContaining("PUE 0.8").hasMessageContaining(">= 1");
        assertThat(bad(dir, "c.yaml", "pue: \"1.2\"\n")).hasMessageContaining("c.yaml: pue must be a number");
        assertThat(bad(dir, "d.yaml", "price_per_kwh: -0.1\ncurrency: USD\n")).hasMessageContaining("price -0.1");
        assertThat(bad(dir, "e.yaml", "green_share: 1.5\n")).hasMessageContaining("outside 0..1");
        assertThat(bad(dir, "f.yaml", "region: [FR\n")).hasMessageContaining("f.yaml:").hasMessageContaining("is not valid YAML");
        assertThat(bad(dir, "g.toml", "region = \n")).hasMessageContaining("is not valid TOML");
        assertThat(bad(dir, "h.json", "{}")).hasMessageContaining("name it .yaml, .yml or .toml");
        assertThat(bad(dir, "i.yaml", "tariff:\n  currency: USD\n  default_price_per_kwh: 0.1\n")).hasMessageContaining("needs tariff.zone");
        assertThat(bad(dir, "j.yaml", "tariff:\n  currency: USD\n  zone: America/Chicgo\n  default_price_per_kwh: 0.1\n"))
                .hasMessageContaining("unknown time zone 'America/Chicgo'").hasMessageContaining("America/Chicago");
        assertThat(bad(dir, "k.yaml", "tariff:\n  currency: USD\n  zone: UTC\n  default_price_per_kwh: 0.1\n  periods:\n    - days: [MON, FUNDAY]\n      from_hour: 1\n      to_hour: 2\n      price_per_kwh: 0.2\n"))
                .hasMessageContaining("k.yaml tariff.periods[1].days has unknown day 'FUNDAY'");
        assertThat(bad(dir, "l.yaml", "tariff:\n  currency: USD\n  zone: UTC\n  default_price_per_kwh: 0.1\n  periods:\n    - days: all\n      from_hour: 1.5\n      to_hour: 2\n      price_per_kwh: 0.2\n"))
                .hasMessageContaining("tariff.periods[1].from_hour is 1.5, not a whole number");
        assertThat(bad(dir, "m.yaml", "region: Atlantis\n")).hasMessageContaining("unknown region 'Atlantis'");
        assertThat(bad(dir, "n.yaml", "carbon_series: missing.csv\n")).hasMessageContaining("no such file: " + dir.resolve("missing.csv"));
        assertThat(bad(dir, "o.yaml", "")).hasMessageContaining("is empty");
        assertThat(bad(dir, "p.yaml", "pue:\n  capacity_kw: 100\n  curve: [[0.1, 3.0], [0.2, 1.0]]\n")).hasMessageContaining("facility power would drop");
        assertThat(bad(dir, "q.yaml", "embodied:\n  kg: 100\n")).hasMessageContaining("embodied.lifetime_years is missing");
        assertThat(bad(dir, "r.yaml", "tariff:\n  currency: USD\n  price_per_kwh: 0.1\n  demand_charge:\n    price_per_kw: 10\n")).hasMessageContaining("needs a zone");
        assertThat(bad(dir, "s.yaml", "- a\n- b\n")).hasMessageContaining("key: value pairs");
        assertThat(bad(dir, "t.yaml", "currency: dollars\n")).hasMessageContaining("ISO 4217");
        assertThatThrownBy(() -> SiteFile.read(dir.resolve("none.yaml"))).hasMessageContaining("does not exist");
    }
}
