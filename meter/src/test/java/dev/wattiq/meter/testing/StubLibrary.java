package dev.wattiq.meter.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A vendor library stood in for by a C stub of {@code src/test/c} (on the test class path as {@code /c/NAME.c}),
 * compiled with gcc on first use (tests that need one are skipped, saying why, where no C compiler exists). Each
 * instance is a private copy of the library with its own control file ({@code <library>.ctl}), which the stub re-reads
 * on every call, so tests share no state. Used by the app module's tests too.
 */
public final class StubLibrary {
    private static final Path BUILD = Path.of("target", "stub-libraries").toAbsolutePath();
    private static final Map<String, Path> COMPILED = new HashMap<>();

    private final Path library;
    private final Path control;

    private StubLibrary(Path library) {
        this.library = library;
        this.control = Path.of(library + ".ctl");
    }

    /**
     * A fresh copy in {@code dir} of the stub compiled from {@code source}, serving what {@code controlLines} describe.
     *
     * @param source       the C file's name, e.g. {@code stub_nvml.c}
     * @param fileName     the library's file name, e.g. {@code libnvidia-ml-stub.so} (one per build)
     * @param defines      the build's preprocessor flags, e.g. {@code -DSTUB_OLD_DRIVER}
     * @param stands       the library it stands for, for the skip and failure messages
     */
    public static StubLibrary create(Path dir, String source, String fileName, List<String> defines, String stands,
                                     String... controlLines) throws IOException {
        Path copy = dir.resolve(fileName);
        Files.copy(compiled(source, fileName, defines, stands), copy, StandardCopyOption.REPLACE_EXISTING);
        StubLibrary s = new StubLibrary(copy);
        s.control(controlLines);
        return s;
    }

    /** The library to pass as the sensor's library option (e.g. {@code --nvml-library}). */
    public Path library() {
        return library;
    }

    /** Replaces the control file (the stub re-reads it on every call). */
    public void control(String... lines) throws IOException {
        Path tmp = Path.of(control + ".tmp");
        Files.writeString(tmp, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, control, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static synchronized Path compiled(String source, String fileName, List<String> defines, String stands) throws IOException {
        Path have = COMPILED.get(fileName);
        if (have != null) return have;
        String gcc = findCompiler();
        Assumptions.assumeTrue(gcc != null, "no C compiler (gcc or cc) on PATH: skipping the tests that need the stub "
                + stands + " (install gcc to run them)");
        Files.createDirectories(BUILD);
        Path src = BUILD.resolve(source);
        try (InputStream in = StubLibrary.class.getResourceAsStream("/c/" + source)) {
            if (in == null) throw new IOException("c/" + source + " is not on the test class path (meter's testResources)");
            Files.copy(in, src, StandardCopyOption.REPLACE_EXISTING);
        }
        Path out = BUILD.resolve(fileName);
        List<String> cmd = new ArrayList<>(List.of(gcc, "-std=c11", "-O1", "-shared", "-fPIC", "-Wall"));
        cmd.addAll(defines);
        cmd.addAll(List.of("-o", out.toString(), src.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IOException("compiling the stub " + stands + " failed: " + cmd + "\n" + log);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while compiling the stub " + stands, e);
        }
        COMPILED.put(fileName, out);
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
