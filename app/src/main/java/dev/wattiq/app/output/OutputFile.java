package dev.wattiq.app.output;

import dev.wattiq.app.cli.Errors.UserError;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The one writer of the files a user names ({@code --json-out}, {@code --samples-csv}, {@code --chart}, {@code --html}):
 * checked before the work starts, so a long run is not lost to a typo, and written to a temporary file in the same
 * directory, forced to disk and renamed over the target, so a reader sees the old file or the whole new one and a
 * failure leaves the old file as it was and no temporary file behind. Failures are one-line user errors.
 */
public final class OutputFile {
    private OutputFile() {
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
        // access(2) says yes to root everywhere, and to anyone on /proc, /sys or a full disk: try what write() will do
        Path probe = null;
        try {
            probe = Files.createTempFile(dir, "." + abs.getFileName(), ".tmp");
        } catch (IOException e) {
            throw new UserError("cannot write " + option + " " + file + " (" + reason(e) + " creating a file in " + dir + "): choose another path");
        } finally {
            if (probe != null) {
                try {
                    Files.deleteIfExists(probe);
                } catch (IOException ignored) {
                    // an empty hidden file left behind is harmless
                }
            }
        }
    }

    /**
     * Writes {@code value} (a {@link com.fasterxml.jackson.databind.JsonNode}, or maps, lists and scalars) as indented
     * JSON and a final newline; NaN and infinities must already be nulls.
     */
    public static void writeJson(String option, Path file, Object value) {
        write(option, file, Json.text(value) + "\n");
    }

    /** Writes {@code text} to {@code file} atomically (see the class comment). */
    public static void write(String option, Path file, String text) {
        Path abs = file.toAbsolutePath();
        Path tmp = null;
        try {
            if (Files.isDirectory(abs)) throw new UserError(option + " " + file + " is a directory: give a file name");
            tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName(), ".tmp");
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer b = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
                while (b.hasRemaining()) ch.write(b);
                ch.force(true);
            }
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: the default permissions stand
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw new UserError("cannot write " + option + " " + file + " (" + reason(e) + ")");
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: the failure is reported above
                }
            }
        }
    }

    static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
        if (e instanceof java.nio.file.NoSuchFileException) return "no such file or directory";
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) return f.getReason();
        return e.getMessage();
    }
}
