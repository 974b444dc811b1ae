package dev.wattiq.app.cli;

import dev.wattiq.app.output.OutputFile;
import java.nio.file.Path;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code --json-out FILE}, declared once for every command that writes its result as JSON: a code-declared mixin
 * ({@link CliOptions}; annotated commands hold an instance, {@link Holder}). The file is checked before the work
 * starts and written whole or not at all ({@link OutputFile}); the JSON is the same the HTTP API answers with.
 */
public final class JsonOut {
    /** The name of this option as a picocli mixin. */
    public static final String MIXIN = "json-out";
    static final String OPTION = "--json-out";

    private Path file;

    /** A command that takes {@code --json-out}. */
    public interface Holder {
        JsonOut jsonOut();
    }

    /** The option as a picocli mixin bound to this object. */
    public CommandSpec spec() {
        CommandSpec s = CommandSpec.create();
        s.addOption(CliOptions.option(OPTION, "FILE", Path.class, () -> file, v -> file = v,
                "Also write the result as one JSON object to FILE (written whole or not at all).").build());
        return s;
    }

    /** The file given, or null. */
    public Path file() {
        return file;
    }

    /** Fails with a one-line user error, before any work, when the file given cannot be written. */
    public void check() {
        if (file != null) OutputFile.checkWritable(OPTION, file);
    }

    /** Writes the JSON {@code result} makes (a JsonNode, or maps and lists) when a file was given; it is not made otherwise. */
    public void write(Supplier<?> result) {
        if (file != null) OutputFile.writeJson(OPTION, file, result.get());
    }
}
