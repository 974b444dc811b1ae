package dev.wattiq.app.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wattiq.app.cli.Cli;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No catalogue dead ends: the user's own devices (--hardware-file), ambiguous short names, unknown names' way out. */
class HardwareFileTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** hardware.csv's header and its H100-SXM row, renamed H100-MINE without the catalogue's aliases. */
    private Path copyOfH100(String id) throws Exception {
        String csv;
        try (InputStream in = HardwareFileTest.class.getResourceAsStream("/dev/wattiq/planner/hardware.csv")) {
            csv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> lines = csv.lines().toList();
        String row = lines.stream().filter(l -> l.startsWith("H100-SXM,")).findFirst().orElseThrow();
        String copy = id + ",," + row.substring(row.indexOf(',', "H100-SXM,".length()) + 1);
        return Files.writeString(dir.resolve(id + ".csv"), lines.getFirst() + "\n" + copy + "\n");
    }

    private JsonNode plan(String... args) throws Exception {
        Path out = dir.resolve("plan-" + System.nanoTime() + ".json");
        List<String> a = new ArrayList<>(List.of("plan"));
        a.addAll(List.of(args));
        a.addAll(List.of("--start", "2025-01-01T00:00:00Z", "--json-out", out.toString()));
        Cli.Result r = Cli.run(dir, a.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isZero();
        return JSON.readTree(Files.readString(out));
    }

    @Test
    void aCopyOfTheH100RowUnderANewIdPlansExactlyAsH100Sxm() throws Exception {
        Path mine = copyOfH100("H100-MINE");
        for (String kind : List.of("train", "infer")) {
            List<String> common = kind.equals("train") ? List.of("train", "--params", "70B", "--tokens", "15T", "--devices", "2048", "--region", "US-IA")
                    : List.of("infer", "--model", "llama-3.1-70b", "--devices", "4", "--region", "US-IA");
            List<String> shipped = new ArrayList<>(common);
            shipped.addAll(List.of("--hardware", "H100-SXM"));
            List<String> user = new ArrayList<>(common);
            user.addAll(List.of("--hardware-file", mine.toString(), "--hardware", "h100-mine"));
            JsonNode a = plan(shipped.toArray(String[]::new));
            JsonNode b = plan(user.toArray(String[]::new));
            assertThat(a.get("hardware").asText()).isEqualTo("H100-SXM");
            assertThat(b.get("hardware").asText()).isEqualTo("H100-MINE");
            assertThat(a.get("hardware_figures").asText()).isEqualTo("catalogue");
            assertThat(b.get("hardware_figures").asText()).isEqualTo("user");
            assertThat(figures(b)).as(kind + ": every figure").isEqualTo(figures(a));
            assertThat(values(b)).as(kind + ": every assumption's value").isEqualTo(values(a));
            // the device's figures are listed as the user's, from their file and line
            for (JsonNode as : b.get("assumptions")) {
                if (List.of("tdp_w", "idle_w", "peak_flops").contains(as.get("name").asText())) {
                    assertThat(as.get("default").asBoolean()).as(as.toString()).isFalse();
                    assertThat(as.get("source").asText()).contains("your hardware file " + mine + " line 2");
                }
            }
        }
    }

    /** The plan without the fields that name the device or where its figures come from. */
    private static JsonNode figures(JsonNode plan) {
        ObjectNode o = plan.deepCopy();
        o.remove(List.of("hardware", "hardware_figures", "assumptions"));
        return o;
    }

    private static Map<String, String> values(JsonNode plan) {
        Map<String, String> m = new LinkedHashMap<>();
        for (JsonNode a : plan.get("assumptions")) if (!a.get("name").asText().equals("hardware")) m.put(a.get("name").asText(), a.get("value").asText());
        return m;
    }

    @Test
    void aFileOfOneDeviceNeedsNoHardwareFlagAndTheTextSaysTheFiguresAreYours() throws Exception {
        Path mine = copyOfH100("RTX-4090-ISH");
        Cli.Result r = Cli.run(dir, "plan", "train", "--params", "7B", "--tokens", "140B", "--devices", "64", "--hardware-file", mine.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("training plan: 64 devices of RTX-4090-ISH (8 nodes; tensor 1 x pipeline 1)\n"
                + "  hardware         RTX-4090-ISH: your figures (your hardware file " + mine + " line 2)\n");
        assertThat(r.out()).contains("tdp_w = 700 W  [user: your hardware file " + mine + " line 2]");
    }

    @Test
    void ambiguousShortNamesResolveWithAPrintedAssumptionNamingTheAlternatives() throws Exception {
        Cli.Result h = Cli.run(dir, "plan", "train", "--params", "7B", "--tokens", "140B", "--hardware", "h100", "--devices", "64");
        assertThat(h.exitCode()).as(h.err()).isZero();
        assertThat(h.out()).startsWith("training plan: 64 devices of H100-SXM (8 nodes; tensor 1 x pipeline 1)\n  assumes          'h100' is taken as H100-SXM"
                + " (the catalogue's default for that name); it also fits H100-PCIe: name one of them to choose\n");
        Cli.Result a = Cli.run(dir, "plan", "infer", "--model", "llama-3.1-8b", "--hardware", "a100");
        assertThat(a.exitCode()).as(a.err()).isZero();
        assertThat(a.out()).contains("  assumes          'a100' is taken as A100-80GB (the catalogue's default for that name); it also fits A100-40GB");
        JsonNode j = plan("train", "--params", "7B", "--tokens", "140B", "--hardware", "NVIDIA H100", "--devices", "64");
        assertThat(j.get("hardware_alternatives").toString()).isEqualTo("[\"H100-PCIe\"]");
        Cli.Result exact = Cli.run(dir, "plan", "train", "--params", "7B", "--tokens", "140B", "--hardware", "H100-SXM", "--devices", "8");
        assertThat(exact.out()).startsWith("training plan: 8 devices of H100-SXM (1 node; tensor 1 x pipeline 1)\n  FLOPs").doesNotContain("assumes ");
    }

    @Test
    void unknownNamesOfferTheWayOut() {
        Cli.Result hw = Cli.run(dir, "plan", "train", "--params", "7B", "--tokens", "1T", "--hardware", "rtx4090");
        assertThat(hw.exitCode()).isEqualTo(2);
        assertThat(hw.err()).startsWith("wattiq: unknown hardware 'rtx4090'; closest: ")
                .contains("a device the catalogue lacks can be planned from a file of yours: --hardware-file FILE with hardware.csv's columns")
                .doesNotContain("Exception").hasLineCount(1);
        Cli.Result model = Cli.run(dir, "plan", "train", "--model", "gpt-5", "--hardware", "H100-SXM");
        assertThat(model.exitCode()).isEqualTo(2);
        assertThat(model.err()).startsWith("wattiq: unknown model 'gpt-5'; closest: ")
                .contains("or plan it by its size: --params 70B (for a mixture of experts also --active-params, e.g. --params 47B --active-params 13B)")
                .hasLineCount(1);
        Path examples = Path.of("..", "examples", "hardware-file.csv");
        Cli.Result inFile = Cli.run(dir, "plan", "train", "--params", "7B", "--tokens", "1T", "--hardware-file", examples.toString(), "--hardware", "4090");
        assertThat(inFile.err()).startsWith("wattiq: unknown hardware '4090'; closest: RTX-4090").endsWith("; " + examples + " has L40S, RTX-4090\n");
        Cli.Result example = Cli.run(dir, "plan", "train", "--params", "7B", "--tokens", "1T", "--hardware-file", examples.toString(), "--hardware", "l40s");
        assertThat(example.exitCode()).as(example.err()).isZero();
        assertThat(example.out()).contains("L40S: your figures (your hardware file " + examples + " line 6)");
        Cli.Result infer = Cli.run(dir, "plan", "infer", "--model", "gpt-5", "--hardware", "H100-SXM");
        assertThat(infer.exitCode()).isEqualTo(2);
        assertThat(infer.err()).contains("--params 70B").contains("--active-params");
    }

    @Test
    void malformedHardwareFilesAreOneLineErrorsNamingLineAndColumn() throws Exception {
        String header = "id,tdp_w,idle_w,memory_gb,memory_bw_gbs,bf16_tflops,devices_per_node,scale_up_gbs,scale_out_gbs,source,year\n";
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put(header.replace("tdp_w,", "") + "X,50,24,1008,165,8,450,50,me,2025\n", "no column 'tdp_w' in the header");
        cases.put(header + "X,,50,24,1008,165,8,450,50,me,2025\n", ":2: column 2 (tdp_w) is empty");
        cases.put(header + "X,-450,50,24,1008,165,8,450,50,me,2025\n", ":2: column 2 (tdp_w) must be above 0, got -450");
        cases.put(header + "X,450,500,24,1008,165,8,450,50,me,2025\n", ":2: column 3 (idle_w) must be below tdp_w (450 W), got 500");
        cases.put(header + "X,450,50,24,1008,165,8,0,50,me,2025\n", ":2: column 8 (scale_up_gbs) must be above 0, got 0");
        cases.put(header + "X,450,50,24,1008,,8,450,50,me,2025\n", ":2: column 6 (bf16_tflops) is empty: give the dense peak in TFLOP/s");
        cases.put(header + "X,450,50,24,1008,165,eight,450,50,me,2025\n", ":2: column 7 (devices_per_node) is 'eight', not a whole number");
        cases.put(header + "X,450,50,24,1008,165,8,450,50,me\n", ":2:");
        cases.put(header + "H100-SXM,450,50,24,1008,165,8,450,50,me,2025\n", "names 'H100-SXM', which is already H100-SXM in the catalogue");
        cases.put(header, "no devices: add one row per device under the header");
        cases.put("", "");
        int i = 0;
        for (var c : cases.entrySet()) {
            Path f = Files.writeString(dir.resolve("bad" + i++ + ".csv"), c.getKey());
            Cli.Result r = Cli.run(dir, "plan", "train", "--params", "7B", "--tokens", "1T", "--hardware-file", f.toString(), "--hardware", "X");
            assertThat(r.exitCode()).as(c.getKey() + " -> " + r.err()).isEqualTo(2);
            assertThat(r.err()).as(c.getKey()).startsWith("wattiq: ").contains(c.getValue()).hasLineCount(1).doesNotContain("Exception");
        }
        Cli.Result missing = Cli.run(dir, "plan", "train", "--params", "7B", "--tokens", "1T", "--hardware-file", dir.resolve("nope.csv").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).startsWith("wattiq: --hardware-file ").contains("no such file");
    }
}
