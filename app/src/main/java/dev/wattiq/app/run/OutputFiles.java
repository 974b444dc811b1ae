package dev.wattiq.app.run;

import dev.wattiq.app.cli.Errors.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Output files the user names ({@code --json-out}, {@code --samples-csv}): checked before the work starts, so a
 * long run is not lost to a typo, and written through a temporary file and a rename, so a failure leaves any
 * existing file as it was.
 */
public final class OutputFiles {
    private OutputFiles() {
    }

    /** Throws a {@link UserError} naming the problem when {@code file} cannot be written. */
    public static void checkWritable(String option, Path file) {
        Path abs = file.toAbsolutePath();
        if (Files.isDirectory(abs)) throw new UserError(option + " " + file + " is a directory: give a file name");
        Path dir = abs.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new UserError("cannot write " + option + " " + file + ": directory " + dir + " does not exist (create it or choose another path)");
        }
        if (!Files.isWritable(dir)) throw new UserError("cannot write " + option + " " + file + ": directory " + dir + " is not writable");
        if (Files.exists(abs) && !Files.isWritable(abs)) throw new UserError("cannot write " + option + " " + file + ": the file is not writable");
    }

    /** Writes {@code text} to {@code file} atomically where the file system allows. */
    public static void write(String option, Path file, String text) {
        Path abs = file.toAbsolutePath();
        Path tmp = null;
        try {
            tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName(), ".tmp");
            Files.writeString(tmp, text);
            try {
                Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: the default permissions stand
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort
                }
            }
            throw new UserError("cannot write " + option + " " + file + " (" + reason(e) + ")");
        }
    }

    static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
        if (e instanceof java.nio.file.NoSuchFileException) return "no such file or directory";
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) return f.getReason();
        return e.getMessage();
    }
}
