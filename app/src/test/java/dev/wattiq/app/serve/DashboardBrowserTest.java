package dev.wattiq.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wattiq.app.cli.Cli;
import dev.wattiq.app.cli.External;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard in headless Chromium (Debian's package) against a real wattiq serve: the DOM after the scripts ran
 * must show each chart's canvas painted with data points, and a screenshot is saved to target/dashboard.png.
 */
class DashboardBrowserTest {
    private static final Pattern CANVAS = Pattern.compile("<canvas id=\"([a-z-]+)\"[^>]*data-points=\"(\\d+)\"[^>]*data-painted=\"(\\d+)\"");

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void chartsRenderWithData() throws Exception {
        Path chromium = External.require("/usr/bin/chromium", "chromium");
        Path home = dir.resolve("home");
        Path python = External.require("/usr/bin/python3", "python3");
        // a busy shell for a while: the run's timeline has CPU power in it
        Cli.Result r = Cli.run(home, "run", "--interval", "20ms", "--", "timeout", "0.3", "sh", "-c", "while :; do :; done");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(124);
        // then a busy Python script in two windows (the newest run, shown first: its windows are bands on its chart)
        String client = Path.of(System.getProperty("user.dir")).getParent().resolve("clients/python").toString();
        r = Cli.run(home, "run", "--interval", "20ms", "--", "env", "PYTHONPATH=" + client, python.toString(), "-c",
                "import time, wattiq\nfor e in range(2):\n    with wattiq.window('epoch-%d' % e):\n        t = time.time()\n"
                        + "        while time.time() - t < 0.3: wattiq.step(tokens=64)\n");
        assertThat(r.exitCode()).as(r.err()).isZero();
        try (ServeProcess serve = ServeProcess.start(home, ServeProcess.fakeRapl(dir, 0))) {
            Thread mover = Thread.ofPlatform().daemon().start(() -> {
                long uj = 0;
                try {
                    while (!Thread.currentThread().isInterrupted()) {
                        uj += 4_000_000; // 20 W at 200 ms
                        ServeProcess.setEnergy(serve.sysfs, uj);
                        Thread.sleep(200);
                    }
                } catch (Exception ignored) {
                    // test over
                }
            });
            Thread.sleep(1500); // a few live samples
            String dom = chromium(chromium, "--dump-dom", serve.base + "/");
            mover.interrupt();
            Matcher m = CANVAS.matcher(dom);
            List<String> seen = new ArrayList<>();
            while (m.find()) {
                seen.add(m.group(1));
                assertThat(Integer.parseInt(m.group(2))).as(m.group(1) + " data points").isPositive();
                assertThat(Integer.parseInt(m.group(3))).as(m.group(1) + " painted pixels").isGreaterThan(500);
            }
            assertThat(seen).containsExactlyInAnyOrder("live-chart", "run-chart", "tune-chart");
            assertThat(dom).contains("data-runs=\"2\"").contains("runs on the frontier");
            assertThat(dom).containsPattern("<canvas id=\"run-chart\"[^>]*data-bands=\"2\"").contains("2 windows").contains("J/token");
            Path shot = Path.of("target", "dashboard.png").toAbsolutePath();
            Files.deleteIfExists(shot);
            chromium(chromium, "--screenshot=" + shot, "--window-size=1280,1100", serve.base + "/");
            assertThat(shot).exists();
            assertThat(Files.size(shot)).isGreaterThan(20_000);
        }
    }

    private String chromium(Path chromium, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage",
                "--user-data-dir=" + Files.createTempDirectory(dir, "chromium-profile"), "--virtual-time-budget=8000"));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "chromium", ".out");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(dir.resolve("chromium.err").toFile()).start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish in 90 s: " + Files.readString(dir.resolve("chromium.err")));
        }
        return Files.readString(out);
    }
}
