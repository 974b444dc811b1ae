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
 * The dashboard in headless Chromium (Debian's package) against a real wattiq serve. At load (no virtual time for
 * scripts to fetch) the page's embedded data must already fill every panel: each chart's canvas painted with data
 * points, the runs table with command, job, labels, status, energy, cost and CO2e, the plan, the frontier (without the
 * 0 J run); a screenshot at load is saved to target/dashboard.png. After the timers ran, the live updates keep it so.
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
        for (String secs : new String[] {"0.8", "1.2"}) { // long enough for the sensors to open on a loaded machine
            // a busy shell for a while: the run's timeline has CPU power in it
            Cli.Result r = Cli.run(home, "run", "--interval", "20ms", "--job", "sweep-" + secs, "--label", "lr=0.01", "--", "timeout", secs,
                    "sh", "-c", "while :; do :; done");
            assertThat(r.exitCode()).as(r.err()).isEqualTo(124);
        }
        // a run too short to measure: 0 J, which must not become the frontier's balance point
        dev.wattiq.app.store.StoredRuns.chargedNothing(home, "tiny-run");
        Path python = External.require("/usr/bin/python3", "python3");
        // then a busy Python script in two windows (the newest run, shown first: its windows are bands on its chart)
        String client = Path.of(System.getProperty("user.dir")).getParent().resolve("clients/python").toString();
        Cli.Result py = Cli.run(home, "run", "--interval", "20ms", "--", "env", "PYTHONPATH=" + client, python.toString(), "-c",
                "import time, wattiq\nfor e in range(2):\n    with wattiq.window('epoch-%d' % e):\n        t = time.time()\n"
                        + "        while time.time() - t < 0.4: wattiq.step(tokens=64)\n");
        assertThat(py.exitCode()).as(py.err()).isZero();
        try (ServeProcess serve = ServeProcess.onFakeRapl(dir, 0)) {
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
            // At load, with no virtual time to let scripts fetch: the page's embedded data has drawn every panel.
            String atLoad = chromium(chromium, false, "--dump-dom", serve.base + "/");
            Path shot = Path.of("target", "dashboard.png").toAbsolutePath();
            Files.deleteIfExists(shot);
            chromium(chromium, false, "--screenshot=" + shot, "--window-size=1280,1400", serve.base + "/");
            String dom = chromium(chromium, true, "--dump-dom", serve.base + "/");
            mover.interrupt();
            assertThat(shot).exists();
            assertThat(Files.size(shot)).isGreaterThan(20_000);
            assertFilled(atLoad);
            assertCharts(dom, "");
            assertThat(dom).containsPattern("[123] of 3 runs on the frontier").contains("1 left out");
        }
    }

    /**
     * The three charts of the page, each with data points and painted pixels, over the four runs, the newest run's chart
     * with its two window bands ({@code when}: " at load", or "" after the timers ran).
     */
    private static void assertCharts(String dom, String when) {
        Matcher m = CANVAS.matcher(dom);
        List<String> seen = new ArrayList<>();
        while (m.find()) {
            seen.add(m.group(1));
            assertThat(Integer.parseInt(m.group(2))).as(m.group(1) + " data points" + when).isPositive();
            assertThat(Integer.parseInt(m.group(3))).as(m.group(1) + " painted pixels" + when).isGreaterThan(500);
        }
        assertThat(seen).as("charts drawn" + when).containsExactlyInAnyOrder("live-chart", "run-chart", "tune-chart");
        assertThat(dom).contains("data-runs=\"4\"");
        assertThat(dom).containsPattern("<canvas id=\"run-chart\"[^>]*data-bands=\"2\"").contains("2 windows").contains("J/token");
    }

    /** Every panel of the page as Chromium had it at load: charts painted, the runs table and the plan filled. */
    private static void assertFilled(String dom) {
        assertCharts(dom, " at load");
        String rows = dom.substring(dom.indexOf("<tbody>"), dom.indexOf("</tbody>"));
        assertThat(rows).contains("<td class=\"cmd\" title=\"true\">true</td>")
                .contains("timeout 1.2 sh -c while :; do :; done").contains("sweep-0.8").contains("lr=0.01")
                .contains("complete").contains("complete, not measured").contains(" USD</td>").containsPattern("\\d (m|k)?J</td>")
                .containsPattern("\\d (m|µ)?g</td>");
        assertThat(dom).containsPattern("<pre id=\"plan-out\" class=\"plan\">64 devices \\(8 nodes\\)")
                .contains("; balance point: ").doesNotContain("balance point: true")
                .contains("1 left out (runs that are not complete, or lack a duration or a charged energy above 0 J");
        assertThat(dom).containsPattern("<span id=\"live-power\">[0-9.,]+ (m|k)?W now</span>");
    }

    /** Headless Chromium; {@code settle}: give the page's timers 8 s of virtual time (else it is read at load). */
    private String chromium(Path chromium, boolean settle, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage",
                "--user-data-dir=" + Files.createTempDirectory(dir, "chromium-profile")));
        if (settle) cmd.add("--virtual-time-budget=8000");
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
