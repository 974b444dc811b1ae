package dev.wattiq.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wattiq.app.output.BillJson;
import dev.wattiq.ledger.Bill;
import dev.wattiq.ledger.EnergyTrace;
import dev.wattiq.ledger.Ledger;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The mixin as a command uses it: parsed by picocli, errors mapped by {@link Errors}, the bill written as JSON. */
class SiteOptionsTest {
    static final Instant T0 = Instant.parse("2024-06-03T10:00:00Z");

    @Command(name = "bill-test", modelTransformer = CliOptions.SharedGroups.class)
    static final class BillCommand implements Callable<Integer>, SiteOptions.Holder {
        final SiteOptions site = new SiteOptions();

        @Override
        public SiteOptions siteOptions() {
            return site;
        }
        ObjectNode json;

        @Override
        public Integer call() {
            Bill b = Ledger.bill(EnergyTrace.of(T0, 3600, 3.6e6), site.site());
            json = BillJson.write(b, new ObjectMapper().createObjectNode());
            return 0;
        }
    }

    record Result(int exit, String err, ObjectNode json) {
    }

    static Result run(String... args) {
        BillCommand cmd = new BillCommand();
        CommandLine cl = Errors.configure(new CommandLine(cmd));
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Result(exit, err.toString(), cmd.json);
    }

    /** Runs the command with {@code args}, checks that it exits 0, and returns the bill it wrote as JSON. */
    static ObjectNode ok(String... args) {
        Result r = run(args);
        assertThat(r.exit()).as(r.err()).isZero();
        return r.json();
    }

    @Test
    void flagsBuildTheSiteAndTheJsonHasTheContractFields() {
        ObjectNode j = ok("--region", "FR", "--pue", "1.2", "--price", "0.25", "--currency", "EUR", "--green-share", "1");
        assertThat(j.get("facility_energy_j").asDouble()).isCloseTo(1.2 * 3.6e6, within(1e-6));
        assertThat(j.at("/cost/amount").asDouble()).isCloseTo(0.3, within(1e-12));
        assertThat(j.at("/cost/currency").asText()).isEqualTo("EUR");
        assertThat(j.at("/co2e_kg/location_based").asDouble()).isCloseTo(1.2 * 56 / 1000, within(1e-12));
        assertThat(j.at("/co2e_kg/market_based").asDouble()).isZero();
        assertThat(j.at("/co2e_kg/embodied").isMissingNode()).isTrue();
        assertThat(j.get("assumptions").isArray()).isTrue();
        ObjectNode pue = (ObjectNode) findAssumption(j, "pue");
        assertThat(pue.get("value").asDouble()).isEqualTo(1.2);
        assertThat(pue.get("source").asText()).isEqualTo("user: --pue");
        assertThat(pue.get("default").asBoolean()).isFalse();
        assertThat(findAssumption(j, "residual_mix").get("default").asBoolean()).isTrue();
        // and back
        Bill back = BillJson.read(j);
        assertThat(back.cost().amount()).isCloseTo(0.3, within(1e-12));
        assertThat(back.assumptions()).hasSize(j.get("assumptions").size());
    }

    @Test
    void noFlagsMeansDefaultsEachMarkedDefault() {
        ObjectNode j = ok();
        for (String name : new String[] {"pue", "price", "grid_intensity", "region"}) {
            assertThat(findAssumption(j, name).get("default").asBoolean()).as(name).isTrue();
        }
    }

    @Test
    void siteFileThenFlags(@TempDir Path dir) throws Exception {
        Path site = Files.writeString(dir.resolve("site.toml"), "region = \"DE\"\npue = 1.4\nprice_per_kwh = 0.3\ncurrency = \"EUR\"\n");
        ObjectNode j = ok("--site", site.toString(), "--pue", "1.1");
        assertThat(j.get("facility_energy_j").asDouble()).isCloseTo(1.1 * 3.6e6, within(1e-6));
        assertThat(j.at("/cost/amount").asDouble()).isCloseTo(0.33, within(1e-12));
        assertThat(findAssumption(j, "price").get("source").asText()).contains("site.toml");
    }

    @Test
    void badInputIsOneLineAndExitTwo(@TempDir Path dir) throws Exception {
        assertOneLine(run("--pue", "0.7"), "wattiq: PUE 0.7 (user: --pue) is impossible");
        assertOneLine(run("--price", "-1"), "wattiq: price -1.0 per kWh (user: --price) is not allowed");
        assertOneLine(run("--green-share", "2"), "wattiq: green share 2.0 (user: --green-share) is outside 0..1");
        assertOneLine(run("--region", "Frnace"), "wattiq: unknown region 'Frnace': did you mean");
        assertOneLine(run("--site", dir.resolve("x.yaml").toString()), "wattiq: site file");
        Path series = dir.resolve("s.csv");
        Files.writeString(series, "timestamp,gco2e_per_kwh\n2024-06-03 10:00,100\n");
        assertOneLine(run("--carbon-series", series.toString()), "wattiq: " + series + ":2: column 1 (timestamp)");
        assertOneLine(run("--currency", "EUR"), "wattiq: user: --currency says EUR but the price in use");
    }

    @Test
    void strictCarbonFailsOnAGap(@TempDir Path dir) throws Exception {
        Path series = Files.writeString(dir.resolve("s.csv"), "timestamp,gco2e_per_kwh\n2024-06-03T10:00Z,100\n");
        assertThat(ok("--carbon-series", series.toString(), "--grid-intensity", "300").get("bill_warnings").size()).isZero();
        Files.writeString(series, "timestamp,gco2e_per_kwh\n2024-06-03T09:00Z,100\n");
        assertThat(ok("--carbon-series", series.toString()).get("bill_warnings").get(0).asText()).contains("2024-06-03T10:00:00Z (1 h)");
        Result strict = run("--carbon-series", series.toString(), "--strict-carbon");
        assertThat(strict.exit()).isEqualTo(2);
        assertThat(strict.err()).startsWith("wattiq: carbon series").contains("strict");
    }

    static void assertOneLine(Result r, String prefix) {
        assertThat(r.exit()).isEqualTo(Errors.USAGE);
        assertThat(r.err()).startsWith(prefix);
        assertThat(r.err().strip().lines().count()).as(r.err()).isEqualTo(1);
    }

    static com.fasterxml.jackson.databind.JsonNode findAssumption(ObjectNode j, String name) {
        for (var a : j.get("assumptions")) if (a.get("name").asText().equals(name)) return a;
        throw new AssertionError("no assumption " + name + " in " + j);
    }
}
