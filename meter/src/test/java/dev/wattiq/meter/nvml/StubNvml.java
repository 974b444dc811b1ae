package dev.wattiq.meter.nvml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The stub libnvidia-ml.so of {@code src/test/c/stub_nvml.c}, compiled with gcc on first use (tests that need it
 * are skipped, saying why, where no C compiler exists). Each instance is a private copy of the library with its own
 * control file ({@code <library>.ctl}), so tests do not share NVML state. Used by the app module's tests too.
 */
public final class StubNvml {
    private static final Path BUILD = Path.of("target", "stub-nvml").toAbsolutePath();
    private static Path full;
    private static Path old;

    private final Path library;
    private final Path control;

    private StubNvml(Path library) {
        this.library = library;
        this.control = Path.of(library + ".ctl");
    }

    /** A fresh stub (all NVML symbols) in {@code dir}, serving what {@code controlLines} describe. */
    public static StubNvml create(Path dir, String... controlLines) throws IOException {
        return create(dir, false, controlLines);
    }

    /**
     * A fresh stub in {@code dir}; with {@code oldDriver} it lacks the symbols an old driver lacks
     * (total energy, process utilisation, _v3 running processes).
     */
    public static StubNvml create(Path dir, boolean oldDriver, String... controlLines) throws IOException {
        Path lib = compiled(oldDriver);
        Path copy = dir.resolve(oldDriver ? "libnvidia-ml-old.so" : "libnvidia-ml-stub.so");
        Files.copy(lib, copy, StandardCopyOption.REPLACE_EXISTING);
        StubNvml s = new StubNvml(copy);
        s.control(controlLines);
        return s;
    }

    /** The library to pass as {@code --nvml-library}. */
    public Path library() {
        return library;
    }

    /** Replaces the control file (the stub re-reads it on every call). */
    public void control(String... lines) throws IOException {
        Path tmp = Path.of(control + ".tmp");
        Files.writeString(tmp, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, control, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static synchronized Path compiled(boolean oldDriver) throws IOException {
        Path have = oldDriver ? old : full;
        if (have != null) return have;
        String gcc = findCompiler();
        Assumptions.assumeTrue(gcc != null, "no C compiler (gcc or cc) on PATH: skipping the tests that need the stub"
                + " libnvidia-ml.so (install gcc to run them)");
        Files.createDirectories(BUILD);
        Path src = BUILD.resolve("stub_nvml.c");
        try (InputStream in = StubNvml.class.getResourceAsStream("/c/stub_nvml.c")) {
            if (in == null) throw new IOException("c/stub_nvml.c is not on the test class path (meter's testResources)");
            Files.copy(in, src, StandardCopyOption.REPLACE_EXISTING);
        }
        Path out = BUILD.resolve(oldDriver ? "libnvidia-ml-old.so" : "libnvidia-ml-stub.so");
        List<String> cmd = new ArrayList<>(List.of(gcc, "-std=c11", "-O1", "-shared", "-fPIC", "-Wall", "-o", out.toString(), src.toString()));
        if (oldDriver) cmd.add(1, "-DSTUB_OLD_DRIVER");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IOException("compiling the stub NVML failed: " + cmd + "\n" + log);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while compiling the stub NVML", e);
        }
        if (oldDriver) old = out; else full = out;
        return out;
    }

    private static String findCompiler() {
        for (String c : List.of("gcc", "cc")) {
            for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
                if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, c))) return Path.of(dir, c).toString();
            }
        }
        return null;
    }
}
