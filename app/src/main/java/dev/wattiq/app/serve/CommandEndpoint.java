package dev.wattiq.app.serve;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wattiq.app.cli.Errors;
import dev.wattiq.app.serve.ApiHandler.PostEndpoint;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import picocli.CommandLine;

/**
 * A POST endpoint that runs a CLI command in-process with the body as its options, so the API and the CLI share one
 * code path (parsing, validation, models, ledger, JSON). Body keys are an allow-list of the command's option names
 * in snake_case ({@code input_tokens} for {@code --input-tokens}); values are scalars, arrays of scalars (repeated
 * options) or {@code true} (flags). Keys named in {@code fileKeys} carry file contents (e.g. a CSV), written to a
 * private temporary file whose path is given to the option. The answer is what the command writes to {@code --json-out}.
 * A user error of the command becomes a 400 with its one-line message.
 */
final class CommandEndpoint implements PostEndpoint {
    private static final int MAX_ARGS = 200;
    private final Supplier<Object> command;
    private final Set<String> keys;
    private final Map<String, String> fileKeys;

    /**
     * @param command   makes a fresh command object (picocli fills its fields)
     * @param keys      body keys allowed as options
     * @param fileKeys  body keys carrying file contents, mapped to the option that takes the file
     */
    CommandEndpoint(Supplier<Object> command, Set<String> keys, Map<String, String> fileKeys) {
        this.command = command;
        this.keys = Set.copyOf(keys);
        this.fileKeys = Map.copyOf(fileKeys);
    }

    @Override
    public JsonNode answer(JsonNode body) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("wattiq-api-");
            List<String> args = new ArrayList<>();
            Iterator<Map.Entry<String, JsonNode>> it = body.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                String key = e.getKey();
                JsonNode v = e.getValue();
                if (fileKeys.containsKey(key)) {
                    if (!v.isTextual()) throw new HttpError(400, "'" + key + "' must be a string holding the file's contents (CSV)");
                    Path f = dir.resolve(key + ".csv");
                    Files.writeString(f, v.textValue(), StandardCharsets.UTF_8);
                    args.add(fileKeys.get(key) + "=" + f);
                } else if (keys.contains(key)) {
                    addOption(args, "--" + key.replace('_', '-'), key, v);
                } else {
                    throw new HttpError(400, "unknown field '" + key + "': allowed are " + String.join(", ", allowed()));
                }
                if (args.size() > MAX_ARGS) throw new HttpError(400, "too many values: at most " + MAX_ARGS);
            }
            Path out = dir.resolve("answer.json");
            args.add("--json-out=" + out);
            StringWriter err = new StringWriter();
            CommandLine cl = Errors.configure(new CommandLine(command.get()));
            cl.setOut(new PrintWriter(new StringWriter()));
            cl.setErr(new PrintWriter(err, true));
            int code = cl.execute(args.toArray(String[]::new));
            if (code != 0 || !Files.exists(out)) throw new HttpError(code == Errors.INTERNAL ? 500 : 400, firstError(err.toString()));
            return Exchanges.readTree(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (dir != null) deleteTree(dir);
        }
    }

    private List<String> allowed() {
        List<String> all = new ArrayList<>(keys);
        all.addAll(fileKeys.keySet());
        all.sort(null);
        return all;
    }

    private static void addOption(List<String> args, String option, String key, JsonNode v) {
        if (v.isArray()) {
            for (JsonNode item : v) addOption(args, option, key, item);
        } else if (v.isBoolean()) {
            if (v.booleanValue()) args.add(option);
        } else if (v.isTextual() || v.isNumber()) {
            String s = v.asText();
            if (s.length() > 1000 || s.chars().anyMatch(Character::isISOControl)) throw new HttpError(400, "'" + key + "' is too long or has control characters");
            args.add(option + "=" + s);
        } else {
            throw new HttpError(400, "'" + key + "' must be a string, number, boolean or array of those");
        }
    }

    private static String firstError(String err) {
        for (String line : err.split("\n")) {
            if (line.startsWith("wattiq: ")) return line.substring("wattiq: ".length()).trim();
        }
        return err.isBlank() ? "the request could not be answered" : err.strip().split("\n")[0];
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory left behind is harmless
        }
    }

    /** JSON reading for the answers. */
    static final class Exchanges {
        private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

        static JsonNode readTree(Path f) throws IOException {
            return JSON.readTree(f.toFile());
        }
    }
}
