package dev.wattiq.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rough edges of a new user's first hour, each with the text it prints now (issue 19). */
class FirstHourTextTest {
    private static final Path EXAMPLES = Path.of("..", "examples");

    @TempDir
    Path dir;

    @Test
    void scheduleShowsCostWithItsCurrencyAndEachColumnInOneFormat() throws Exception {
        String[] args = {"schedule", "--series", EXAMPLES.resolve("schedule-series.csv").toString(), "--duration", "6", "--power-kw", "40",
                "--deadline", "2025-06-05T00:00:00Z", "--objective", "carbon"};
        Cli.Result r = Cli.run(dir, args);
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("""
                           start                  region       energy_kwh             cost      co2e_kg
                chosen     2025-06-04T09:00:00Z   FR                240.0        22.62 USD        9.128
                baseline   2025-06-02T00:00:00Z   DE                240.0        42.74 USD       90.168
                savings: 89.9% on the carbon objective (cost 47.1%, CO2e 89.9%)
                note: costs are in USD: the series names no currency for price_per_kwh (add a currency column, or give --currency, e.g. EUR)
                """);
        Cli.Result eur = Cli.run(dir, concat(args, "--currency", "EUR"));
        assertThat(eur.out()).contains("        22.62 EUR ").doesNotContain("note: costs are in");
        Cli.Result bad = Cli.run(dir, concat(args, "--currency", "euro"));
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).isEqualTo("wattiq: currency 'euro' (--currency) is not an ISO 4217 code: give three capital letters, e.g. USD, EUR, CAD\n");

        String csv = "timestamp,region,price_per_kwh,gco2e_per_kwh,currency\n2025-01-01T00:00Z,A,0.2,300,GBP\n2025-01-01T01:00Z,A,0.1,200,GBP\n";
        Path gbp = Files.writeString(dir.resolve("gbp.csv"), csv);
        Path json = dir.resolve("s.json");
        Cli.Result own = Cli.run(dir, "schedule", "--series", gbp.toString(), "--duration", "1", "--power-kw", "1", "--deadline", "2025-01-01T02:00Z",
                "--json-out", json.toString());
        assertThat(own.exitCode()).as(own.err()).isZero();
        assertThat(own.out()).contains(" GBP ").doesNotContain("note: costs are in");
        assertThat(new ObjectMapper().readTree(json.toFile()).get("currency").asText()).isEqualTo("GBP");
        Path mixed = Files.writeString(dir.resolve("mixed.csv"), csv.replace("0.1,200,GBP", "0.1,200,EUR"));
        Cli.Result m = Cli.run(dir, "schedule", "--series", mixed.toString(), "--duration", "1", "--power-kw", "1", "--deadline", "2025-01-01T02:00Z");
        assertThat(m.exitCode()).isEqualTo(2);
        assertThat(m.err()).isEqualTo("wattiq: " + mixed + ":3: column 5 (currency) is EUR where earlier rows say GBP: one currency per series\n");
    }

    @Test
    void tunePointsColumnsShareOneFormat() {
        Cli.Result r = Cli.run(dir, "tune", "points", "--input", EXAMPLES.resolve("tune-points.csv").toString(),
                "--objectives", "energy_j:min,duration_s:min,accuracy:max");
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> rows = r.out().lines().filter(l -> l.matches("[ *]\\s+\\d+ .*")).toList();
        assertThat(rows).containsExactly(
                "       0  fp32-dense                     5,200           410.0          0.9120",
                "       1  bf16-dense                     2,900           240.0          0.9110",
                "       3  int8-dense                     2,100           200.0          0.9050",
                "       5  bf16-prune30                   2,500           225.0          0.9080",
                "       8  int8-prune50                   1,650           185.0          0.8930",
                "*     10  bf16-dense-b64                 2,700           200.0          0.9100",
                "      11  int8-dense-b64                 2,000           170.0          0.9040");
    }

    @Test
    void aNoStoreSummaryDoesNotPointToShow() {
        // (a command that lives long enough for the CPU estimate to open: its model inputs are the assumptions)
        Cli.Result r = Cli.run(dir, "run", "--no-store", "--", "sleep", "0.5");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).containsPattern("  assumes    \\d+ model inputs \\(.*\\): not stored \\(--no-store\\), so see them with --json-out FILE,"
                + " or run without --no-store and 'wattiq show'\n").doesNotContain("see 'wattiq show");
        Cli.Result stored = Cli.run(dir, "run", "--", "sleep", "0.5");
        assertThat(stored.err()).containsPattern("see 'wattiq show \\d{8}-\\d{6}-[0-9a-f]{6}' or --json-out");
    }

    @Test
    void runsListsTheLatest20UnlessAskedForAll() {
        for (int i = 0; i < 22; i++) assertThat(Cli.run(dir, "run", "--", "true").exitCode()).isZero();
        Cli.Result latest = Cli.run(dir, "runs");
        assertThat(latest.exitCode()).as(latest.err()).isZero();
        List<String> lines = latest.out().lines().toList();
        assertThat(lines).hasSize(1 + 20 + 1);
        assertThat(lines.getFirst()).isEqualTo("RUN_ID                 STATUS     STARTED              DURATION_S   ENERGY_J             COST     CO2E_G"
                + " METHOD     EXIT  COMMAND");
        assertThat(lines.getLast()).isEqualTo("(the latest 20 runs; older ones: --all, or --limit N)");
        assertThat(Cli.run(dir, "runs", "--all").out().lines()).hasSize(1 + 22);
        assertThat(Cli.run(dir, "runs", "--limit", "0").out().lines()).hasSize(1 + 22);
        assertThat(Cli.run(dir, "runs", "--limit", "3").out().lines()).hasSize(1 + 3 + 1);
        assertThat(Cli.run(dir, "runs", "--help").out()).contains("--all").contains("Show the latest N runs (default 20; 0: all)");
    }

    @Test
    void sizesInWordsGetAPlainAnswer() throws Exception {
        Cli.Result split = Cli.run(dir, "plan", "train", "--params", "7B", "--tokens", "15", "trillion", "--hardware", "H100-SXM");
        assertThat(split.exitCode()).isEqualTo(2);
        assertThat(split.err()).isEqualTo("wattiq: '--tokens 15 trillion' is two words where one is needed: write --tokens 15T (T = trillion;"
                + " also k = thousand, M = million, B = billion, T = trillion), or quote it: --tokens '15 trillion'\n");
        Path json = dir.resolve("p.json");
        Cli.Result quoted = Cli.run(dir, "plan", "train", "--params", "7 billion", "--tokens", "15 trillion", "--hardware", "H100-SXM",
                "--devices", "64", "--json-out", json.toString());
        assertThat(quoted.exitCode()).as(quoted.err()).isZero();
        JsonNode n = new ObjectMapper().readTree(json.toFile());
        assertThat(n.get("flops").asDouble()).isEqualTo(6 * 7e9 * 15e12);
        Cli.Result nonsense = Cli.run(dir, "plan", "train", "--params", "7B", "--tokens", "lots", "--hardware", "H100-SXM");
        assertThat(nonsense.err()).startsWith("wattiq: Invalid value for option '--tokens': 'lots' is not a number: write a number with an"
                + " optional size letter, e.g. 15T (15 trillion), 70B (70 billion), 1.5M, 2k, 70e9 or 1,000,000");
    }

    @Test
    void serveSaysItsPortWhereUsersLook() {
        Cli.Result help = Cli.run(dir, "serve", "--help");
        assertThat(help.out()).contains("\nDashboard: http://127.0.0.1:9464/ (another port: --port).\n");
        assertThat(Cli.run(dir, "--help").out()).contains("serve");
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
