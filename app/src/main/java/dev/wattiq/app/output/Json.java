package dev.wattiq.app.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wattiq.app.cli.Errors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** JSON output for the tune and schedule commands: NaN becomes null, files are written whole or not at all. */
public final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Puts a number, or null when it is NaN or infinite (JSON has neither). */
    public static ObjectNode num(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) o.put(key, v);
        else o.putNull(key);
        return o;
    }

    /** Writes {@code node} to {@code file}; a failure becomes a one-line user error. */
    public static void write(ObjectNode node, Path file) {
        try {
            Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".wattiq", ".json");
            Files.writeString(tmp, MAPPER.writeValueAsString(node) + "\n");
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new Errors.UserError("cannot write " + file + " (" + e.getMessage() + "): check the directory exists and is writable");
        }
    }

    /** Reads a text file; a missing or unreadable file becomes a one-line user error. */
    public static String read(Path file, String flag) {
        try {
            return Files.readString(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new Errors.UserError(flag + " " + file + ": no such file: check the path");
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new Errors.UserError(flag + " " + file + ": cannot read it (" + e.getMessage() + ")");
        }
    }
}
