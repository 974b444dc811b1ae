package dev.wattiq.app.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts the CLI as a real JVM process (for signals and kill -9), with this test run's class path. */
public final class CliJvm {
    private CliJvm() {
    }

    public static ProcessBuilder builder(Path home, String... args) {
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> cmd = new ArrayList<>();
        // env resets SIGINT/SIGTERM to their defaults: a test run started in the background may have them ignored,
        // and an ignored signal stays ignored across exec (the JVM would then not handle it).
        cmd.add("env");
        cmd.add("--default-signal=INT,TERM,HUP");
        cmd.add(java);
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("dev.wattiq.app.cli.Main");
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("WATTIQ_HOME", home.toString());
        return pb;
    }

    public static Process start(Path home, String... args) throws IOException {
        return builder(home, args).start();
    }
}
