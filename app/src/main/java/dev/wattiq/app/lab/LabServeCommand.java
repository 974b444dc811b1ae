package dev.wattiq.app.lab;

import dev.wattiq.app.cli.JsonCommand;
import dev.wattiq.app.cli.CliOptions;
import dev.wattiq.app.cli.Errors;
import dev.wattiq.app.output.OutputFile;
import dev.wattiq.lab.serve.Corpus;
import dev.wattiq.lab.serve.Precision;
import dev.wattiq.lab.serve.ServeConfig;
import dev.wattiq.lab.serve.ServeException;
import dev.wattiq.lab.serve.ServeLab;
import dev.wattiq.lab.serve.ServeReport;
import dev.wattiq.lab.serve.ServeResult;
import dev.wattiq.lab.serve.ServeRow;
import dev.wattiq.meter.Meter;
import dev.wattiq.meter.Scope;
import dev.wattiq.meter.SensorEnvironment;
import dev.wattiq.meter.Sensors;
import dev.wattiq.meter.UserInputException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code wattiq lab serve}: the serving levers (precision, batch size, threads) on all-MiniLM-L6-v2 with ONNX
 * Runtime, each configuration measured by the meter. Prints a table; writes JSON rows and an HTML report on request.
 */
@Command(name = "serve", modelTransformer = CliOptions.SharedGroups.class,
        mixinStandardHelpOptions = true,
        description = {"Serving levers on a real transformer: precision, batch size, threads, each measured.",
                "Embeds a fixed corpus with all-MiniLM-L6-v2 (fp32 and int8, ONNX Runtime) in every configuration, "
                        + "measures each with the meter, and scores int8's fidelity to fp32 (cosine, top-10 neighbour overlap)."})
public final class LabServeCommand extends JsonCommand.Sensed {
    @Option(names = "--quick", description = "A short sweep (batch 1 and 16, one thread, 64 sentences): seconds, not minutes.")
    boolean quick;


    @Option(names = "--html", paramLabel = "FILE", description = "Write a self-contained HTML report (table and charts) to FILE.")
    Path html;

    @Option(names = "--batches", split = ",", paramLabel = "N[,N...]", description = "Batch sizes (default: 1,2,4,8,16,32,64).")
    List<Integer> batches;

    @Option(names = "--threads", split = ",", paramLabel = "N[,N...]", description = "Intra-op thread counts (default: 1 to the core count).")
    List<Integer> threads;

    @Option(names = "--precision", split = ",", paramLabel = "P[,P...]", description = "fp32, int8 or both (default: both).")
    List<String> precisions;

    @Option(names = "--sentences", paramLabel = "N", description = "Sentences embedded per configuration (default: 1000; quick: 64; at most 3000).")
    Integer sentences;

    @Option(names = "--length-sorted", description = "Batch sentences of similar length together (less padding) instead of in corpus order.")
    boolean lengthSorted;

    @Option(names = "--scope", paramLabel = "SCOPE", description = "process (charge this JVM's share, default) or machine.", defaultValue = "process")
    String scope;

    @Override
    public Integer call() throws Exception {
        ServeConfig config = config();
        Scope s = switch (scope.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "process" -> Scope.PROCESS;
            case "machine" -> Scope.MACHINE;
            default -> throw new Errors.UserError("--scope must be process or machine, got '" + UserInputException.shown(scope) + "'");
        };
        checkWritable(jsonOut.file(), "--json-out");
        checkWritable(html, "--html");
        SensorEnvironment env = sensors.environment(s, ProcessHandle.current().pid());
        PrintWriter out = out();
        PrintWriter err = err();
        Sensors.Selection selection = Sensors.select(env);
        ServeResult result;
        try (Meter meter = Meter.start(selection.sensors(), env, Duration.ofMillis(100))) {
            err.printf("wattiq: lab serve: %d configurations x %d sentences%n", config.configurations(), config.sentences());
            err.flush();
            result = ServeLab.run(config, Corpus.shipped(), meter, (row, done, total) -> {
                err.printf("  [%d/%d] %s%n", done, total, row.name());
                err.flush();
            });
        } catch (ServeException e) {
            throw new Errors.UserError(e.getMessage(), Errors.INTERNAL);
        }
        out.print(ServeReport.table(result));
        out.println("energy: " + (result.sensors().isEmpty() ? "no sensor" : String.join(", ", result.sensors()))
                + ", scope " + s.name().toLowerCase(java.util.Locale.ROOT) + "; fp32 and int8 interleaved at each batch size and thread count");
        for (String skipped : selection.skipped()) out.println("sensor skipped: " + skipped);
        for (String note : result.notes()) out.println("note: " + note);
        jsonOut.write(() -> toJson(result));
        if (html != null) OutputFile.write("--html", html, ServeReport.html(result));
        out.flush();
        return 0;
    }

    ServeConfig config() {
        int cores = Runtime.getRuntime().availableProcessors();
        ServeConfig base = quick ? ServeConfig.quick() : ServeConfig.full(cores);
        List<Precision> ps = new ArrayList<>();
        if (precisions != null) for (String p : precisions) ps.add(Precision.parse(p));
        int n = sentences != null ? sentences : base.sentences();
        return new ServeConfig(ps.isEmpty() ? base.precisions() : ps,
                batches != null ? batches : base.batches(),
                threads != null ? threads : base.threads(),
                n, Math.min(base.queries(), n), base.topK(), lengthSorted);
    }

    private static void checkWritable(Path file, String option) {
        if (file == null) return;
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new Errors.UserError(option + " " + file + ": the folder " + parent + " does not exist; create it or pick another path");
        }
        if (Files.isDirectory(file)) throw new Errors.UserError(option + " " + file + " is a folder; give a file name");
    }

    /** The JSON document: the sweep, the sensors, one object per row (snake_case, units in the keys), the notes. */
    public static Map<String, Object> toJson(ServeResult r) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("experiment", "lab-serve");
        doc.put("model", "all-MiniLM-L6-v2");
        doc.put("engine", "onnxruntime " + ai.onnxruntime.OrtEnvironment.getEnvironment().getVersion());
        doc.put("sentences", r.config().sentences());
        doc.put("top_k", r.config().topK());
        doc.put("length_sorted", r.config().lengthSorted());
        doc.put("queries", Math.min(r.config().queries(), r.config().sentences()));
        doc.put("sensors", r.sensors());
        doc.put("assumptions", r.assumptions());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ServeRow row : r.rows()) rows.add(row(row));
        doc.put("rows", rows);
        doc.put("notes", r.notes());
        return doc;
    }

    static Map<String, Object> row(ServeRow row) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("precision", row.precision().label());
        m.put("batch", row.batch());
        m.put("threads", row.threads());
        m.put("embeddings", row.embeddings());
        m.put("energy_j", finite(row.energyJoules()));
        m.put("method", row.method());
        m.put("duration_s", row.durationSeconds());
        m.put("j_per_1k", finite(row.joulesPer1k()));
        m.put("latency_p50_ms", row.latencyP50Ms());
        m.put("latency_p99_ms", row.latencyP99Ms());
        m.put("throughput_per_s", row.throughputPerSecond());
        m.put("fidelity_cosine", row.fidelityCosine());
        m.put("topk_overlap", row.topkOverlap());
        return m;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
