package dev.wattiq.meter.amdsmi;

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
 * The stub libamd_smi.so of {@code src/test/c/stub_amd_smi.c}, compiled with gcc on first use (tests that need it are
 * skipped, saying why, where no C compiler exists). Each instance is a private copy with its own control file
 * ({@code <library>.ctl}). Used by the app module's tests too.
 */
public final class StubAmdSmi {
    /** Which build of the stub. */
    public enum Build { FULL, NO_ENERGY_NO_PROCESSES }

    private static final Path BUILD = Path.of("target", "stub-amdsmi").toAbsolutePath();
    private static final java.util.Map<Build, Path> COMPILED = new java.util.EnumMap<>(Build.class);
    private final Path library;
    private final Path control;

    private StubAmdSmi(Path library) {
        this.library = library;
        this.control = Path.of(library + ".ctl");
    }

    /** A fresh stub in {@code dir}, serving what {@code controlLines} describe. */
    public static StubAmdSmi create(Path dir, String... controlLines) throws IOException {
        return create(dir, Build.FULL, controlLines);
    }

    public static StubAmdSmi create(Path dir, Build build, String... controlLines) throws IOException {
        Path lib = compiled(build);
        Path copy = dir.resolve(build == Build.FULL ? "libamd_smi.so" : "libamd_smi-old.so");
        Files.copy(lib, copy, StandardCopyOption.REPLACE_EXISTING);
        StubAmdSmi s = new StubAmdSmi(copy);
        s.control(controlLines);
        return s;
    }

    /** The library to pass as {@code --amd-smi-library}. */
    public Path library() {
        return library;
    }

    /** Replaces the control file (the stub re-reads it on every call). */
    public void control(String... lines) throws IOException {
        Path tmp = Path.of(control + ".tmp");
        Files.writeString(tmp, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, control, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static synchronized Path compiled(Build build) throws IOException {
        Path have = COMPILED.get(build);
        if (have != null) return have;
        String gcc = null;
        for (String c : List.of("gcc", "cc")) {
            for (String d : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
                if (gcc == null && !d.isEmpty() && Files.isExecutable(Path.of(d, c))) gcc = Path.of(d, c).toString();
            }
        }
        Assumptions.assumeTrue(gcc != null, "no C compiler (gcc or cc) on PATH: skipping the tests that need the stub"
                + " libamd_smi.so (install gcc to run them)");
        Files.createDirectories(BUILD);
        Path src = BUILD.resolve("stub_amd_smi.c");
        try (InputStream in = StubAmdSmi.class.getResourceAsStream("/c/stub_amd_smi.c")) {
            if (in == null) throw new IOException("c/stub_amd_smi.c is not on the test class path (meter's testResources)");
            Files.copy(in, src, StandardCopyOption.REPLACE_EXISTING);
        }
        Path out = BUILD.resolve(build == Build.FULL ? "libamd_smi.so" : "libamd_smi-old.so");
        List<String> cmd = new ArrayList<>(List.of(gcc, "-std=c11", "-O1", "-shared", "-fPIC", "-Wall", "-o", out.toString(), src.toString()));
        if (build == Build.NO_ENERGY_NO_PROCESSES) cmd.addAll(1, List.of("-DSTUB_NO_ENERGY", "-DSTUB_NO_PROCESSES"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IOException("compiling the stub AMD SMI failed: " + cmd + "\n" + log);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while compiling the stub AMD SMI", e);
        }
        COMPILED.put(build, out);
        return out;
    }
}
