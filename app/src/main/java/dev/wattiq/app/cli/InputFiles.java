package dev.wattiq.app.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads the text files a user names ({@code --input}, {@code --series}, {@code --file}); failures are one-line user errors. */
public final class InputFiles {
    private InputFiles() {
    }

    /** The whole file as text; {@code option} names the flag in the message. */
    public static String read(String option, Path file) {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new Errors.UserError(option + " " + file + ": no such file: check the path");
        } catch (IOException | UncheckedIOException e) {
            throw new Errors.UserError(option + " " + file + ": cannot read it (" + e.getMessage() + ")");
        }
    }
}
