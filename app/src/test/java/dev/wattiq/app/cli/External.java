package dev.wattiq.app.cli;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Outside programs the integration tests start (Prometheus, Chromium, PostgreSQL, Python with torch). Off CI a
 * missing one skips the test with the install command; on CI ({@code CI} set, as {@code .ci/run} does) it fails.
 */
public final class External {
    private External() {
    }

    public static Path require(String program, String debianPackage) {
        Path p = Path.of(program);
        boolean ok = Files.isExecutable(p);
        String msg = program + " is missing: apt-get install -y " + debianPackage + " (.ci/run installs it)";
        if (!ok && System.getenv("CI") != null) throw new AssertionError(msg);
        Assumptions.assumeTrue(ok, msg);
        return p;
    }

    /** Debian's python3, able to import torch (python3-torch): the examples that train a model need both. */
    public static Path pythonWithTorch() throws IOException, InterruptedException {
        Path python = require("/usr/bin/python3", "python3");
        boolean torch = new ProcessBuilder(python.toString(), "-c", "import torch").start().waitFor() == 0;
        requireThat(torch, "python3-torch is missing: apt-get install -y python3-torch (.ci/run installs it)");
        return python;
    }

    public static void requireThat(boolean ok, String msg) {
        if (!ok && System.getenv("CI") != null) throw new AssertionError(msg);
        Assumptions.assumeTrue(ok, msg);
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
