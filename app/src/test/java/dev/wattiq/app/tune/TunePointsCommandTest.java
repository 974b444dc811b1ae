package dev.wattiq.app.tune;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code wattiq tune points}: the JSON contract, the chart, and one-line errors naming line and column. */
class TunePointsCommandTest {
    @TempDir
    Path dir;

    private Path csv(String text) throws Exception {
        Path f = dir.resolve("p.csv");
        Files.writeString(f, text);
        return f;
    }

    private static final String POINTS = """
            name,energy_j,duration_s,accuracy
            a,100,10,0.90
            b,80,12,0.85
            c,120,12,0.88
            d,80,12,0.85
            e,60,30,0.70
            """;

    @Test
    void frontierIndicesAreZeroBasedInInputOrderWithARecommendation() throws Exception {
        Path json = dir.resolve("out.json");
        Path svg = dir.resolve("f.svg");
        TuneCli r = TuneCli.run("tune", "points", "--input", csv(POINTS).toString(), "--objectives",
                "energy_j:min,duration_s:min,accuracy:max", "--json-out", json.toString(), "--chart", svg.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode n = new ObjectMapper().readTree(json.toFile());
        assertThat(n.get("frontier").toString()).isEqualTo("[0,1,3,4]"); // c is dominated by a; b and d tie
        assertThat(n.get("recommended").get("row").asInt()).isIn(0, 1, 3, 4);
        assertThat(n.get("recommended").get("reason").asText()).contains("ideal");
        assertThat(r.out()).contains("Pareto frontier: 4 of 5 points").contains("recommended: row");
        String chart = Files.readString(svg);
        assertThat(chart).startsWith("<svg").contains("Pareto frontier (4)").doesNotContain("<script").doesNotContain("href=");
    }

    @Test
    void constraintsAndPickChooseLeastEnergyAboveAnAccuracy() throws Exception {
        Path json = dir.resolve("o.json");
        TuneCli r = TuneCli.run("tune", "points", "--input", csv(POINTS).toString(), "--objectives", "energy_j:min,accuracy:max",
                "--pick", "energy_j", "--where", "accuracy>=0.86", "--json-out", json.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(new ObjectMapper().readTree(json.toFile()).get("recommended").get("label").asText()).isEqualTo("a");
    }

    @Test
    void infeasibleConstraintsNameTheBindingBoundAndStillWriteTheFrontier() throws Exception {
        Path json = dir.resolve("i.json");
        TuneCli r = TuneCli.run("tune", "points", "--input", csv(POINTS).toString(), "--objectives", "energy_j:min,accuracy:max",
                "--where", "accuracy>=0.95", "--json-out", json.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("accuracy>=0.95 binds").contains("0.9");
        JsonNode n = new ObjectMapper().readTree(json.toFile());
        assertThat(n.get("recommended").isNull()).isTrue();
        assertThat(n.get("infeasible").get("best_reachable").asDouble()).isEqualTo(0.9);
    }

    @Test
    void zeusNeedsItsPower() throws Exception {
        TuneCli r = TuneCli.run("tune", "points", "--input", csv(POINTS).toString(), "--objectives", "energy_j:min,duration_s:min",
                "--eta", "0.5");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--max-power-w");
        TuneCli ok = TuneCli.run("tune", "points", "--input", csv(POINTS).toString(), "--objectives", "energy_j:min,duration_s:min",
                "--eta", "1", "--max-power-w", "300");
        assertThat(ok.out()).contains("recommended: row 4 (e)");
    }

    @Test
    void malformedCsvNamesLineAndColumn() throws Exception {
        TuneCli r = TuneCli.run("tune", "points", "--input", csv("name,energy_j,accuracy\na,100,0.9\nb,lots,0.8\n").toString(),
                "--objectives", "energy_j:min,accuracy:max");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).endsWith("p.csv:3: column 2 (energy_j) is 'lots', not a number: write a plain decimal such as 12.5 or 1e-3")
                .doesNotContain("Exception").doesNotContain("\n");
        assertThat(TuneCli.run("tune", "points", "--input", csv("name,energy_j\na,1,2\n").toString(), "--objectives", "energy_j:min").err())
                .contains("p.csv:2: has 3 fields");
        assertThat(TuneCli.run("tune", "points", "--input", csv("name,energy_j\na,1\n").toString(), "--objectives", "watts:min").err())
                .contains("no column 'watts'");
        assertThat(TuneCli.run("tune", "points", "--input", csv("name,energy_j\na,1\n").toString(), "--objectives", "energy_j:low").err())
                .contains("write min");
        assertThat(TuneCli.run("tune", "points", "--input", csv("").toString(), "--objectives", "energy_j:min").err()).contains("empty");
        assertThat(TuneCli.run("tune", "points", "--input", dir.resolve("none.csv").toString(), "--objectives", "e:min").err())
                .contains("no such file");
        assertThat(TuneCli.run("tune", "points", "--input", csv(POINTS).toString(), "--objectives", "energy_j:min",
                "--chart", dir.resolve("x.png").toString()).err()).contains(".svg or .html");
    }

    @Test
    void htmlChartIsSelfContained() throws Exception {
        Path html = dir.resolve("f.html");
        TuneCli r = TuneCli.run("tune", "points", "--input", csv(POINTS).toString(), "--objectives", "energy_j:min,accuracy:max",
                "--chart", html.toString());
        assertThat(r.code()).isZero();
        String page = Files.readString(html);
        assertThat(page).startsWith("<!doctype html>").contains("<svg").doesNotContain("<script").doesNotContain("src=");
    }
}
