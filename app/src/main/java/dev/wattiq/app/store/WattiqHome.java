package dev.wattiq.app.store;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * WattIQ's data directory: the system property {@code wattiq.home} if set, else {@code $WATTIQ_HOME}, else
 * {@code ~/.wattiq}. Created on first use.
 */
public final class WattiqHome {
    private WattiqHome() {
    }

    /** The configured directory (not created). */
    public static Path resolve() {
        String p = System.getProperty("wattiq.home");
        if (p == null || p.isBlank()) p = System.getenv("WATTIQ_HOME");
        if (p == null || p.isBlank()) return Path.of(System.getProperty("user.home"), ".wattiq");
        return Path.of(p);
    }

    /** Creates {@code dir} if needed and checks it is a writable directory. */
    public static Path ensureWritable(Path dir) throws StoreException {
        String fix = ": set WATTIQ_HOME to a writable directory (or fix this one's permissions)";
        try {
            Files.createDirectories(dir);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw new StoreException("WATTIQ_HOME " + dir + " is not a directory" + fix, e);
        } catch (java.io.IOException | SecurityException e) {
            throw new StoreException("cannot create WATTIQ_HOME " + dir + " (" + reason(e) + ")" + fix, e);
        }
        if (!Files.isDirectory(dir)) throw new StoreException("WATTIQ_HOME " + dir + " is not a directory" + fix);
        if (!Files.isWritable(dir)) throw new StoreException("WATTIQ_HOME " + dir + " is not writable" + fix);
        return dir;
    }

    static String reason(Exception e) {
        if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
        if (e instanceof java.nio.file.NoSuchFileException) return "no such file or directory";
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) return f.getReason();
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
