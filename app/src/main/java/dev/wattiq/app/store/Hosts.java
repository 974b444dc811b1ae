package dev.wattiq.app.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** This machine's host name, read without a DNS lookup (which can stall start-up for seconds). */
public final class Hosts {
    private Hosts() {
    }

    public static String name() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) return env.trim();
        try {
            String s = Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
            return s.isEmpty() ? null : s;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
