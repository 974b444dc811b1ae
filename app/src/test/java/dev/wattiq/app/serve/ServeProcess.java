package dev.wattiq.app.serve;

import dev.wattiq.app.cli.CliJvm;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real {@code wattiq serve} JVM on a free loopback port, measuring a fake RAPL tree (one package zone whose
 * counter the test moves) so the energy it must report is known exactly.
 */
final class ServeProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("listening on http://([^/]+)/");
    final Process process;
    final String base;
    final Path sysfs;
    /** Everything the server printed on stderr so far (kept up to date while it runs). */
    final StringBuffer stderr;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ServeProcess(Process process, String base, Path sysfs, StringBuffer stderr) {
        this.stderr = stderr;
        this.process = process;
        this.base = base;
        this.sysfs = sysfs;
    }

    /** A fake powercap tree with package 0 at {@code microJoules}. */
    static Path fakeRapl(Path dir, long microJoules) throws IOException {
        Path zone = dir.resolve("sys/class/powercap/intel-rapl:0");
        Files.createDirectories(zone);
        Files.writeString(zone.resolve("name"), "package-0\n");
        Files.writeString(zone.resolve("max_energy_range_uj"), "262143328850\n");
        Files.writeString(zone.resolve("energy_uj"), fixed(microJoules));
        Files.writeString(zone.resolve("enabled"), "1\n");
        return dir.resolve("sys");
    }

    static void setEnergy(Path sysfs, long microJoules) throws IOException {
        // rewritten in place at a fixed width, as the kernel's file never changes identity or goes empty
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(sysfs.resolve("class/powercap/intel-rapl:0/energy_uj").toFile(), "rw")) {
            f.write(fixed(microJoules).getBytes(StandardCharsets.US_ASCII));
        }
    }

    private static String fixed(long microJoules) {
        return String.format(java.util.Locale.ROOT, "%015d%n", microJoules);
    }

    /** A wattiq serve with WATTIQ_HOME {@code dir}/home, measuring a fake RAPL tree in {@code dir} (see {@link #fakeRapl}). */
    static ServeProcess onFakeRapl(Path dir, long microJoules, String... extra) throws Exception {
        return onFakeRapl(dir, microJoules, Map.of(), extra);
    }

    /** As {@link #onFakeRapl(Path, long, String...)}, with {@code env} added to the server's environment. */
    static ServeProcess onFakeRapl(Path dir, long microJoules, Map<String, String> env, String... extra) throws Exception {
        return start(dir.resolve("home"), fakeRapl(dir, microJoules), env, extra);
    }

    static ServeProcess start(Path home, Path sysfs, String... extra) throws Exception {
        return start(home, sysfs, Map.of(), extra);
    }

    /** As {@link #start(Path, Path, String...)}, with {@code env} added to the server's environment. */
    static ServeProcess start(Path home, Path sysfs, Map<String, String> env, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("serve", "--port", "0", "--interval", "200ms", "--sysfs-root", sysfs.toString(),
                "--nvml-library", "/nonexistent/libnvidia-ml.so.1"));
        args.addAll(List.of(extra));
        ProcessBuilder pb = CliJvm.builder(home, args.toArray(String[]::new));
        pb.environment().putAll(env);
        Process p = pb.start();
        StringBuffer err = new StringBuffer();
        CompletableFuture<String> base = new CompletableFuture<>();
        Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    err.append(line).append('\n');
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) base.complete("http://" + m.group(1));
                }
            } catch (IOException ignored) {
                // process gone
            }
            base.complete(null);
        });
        String url = base.get(60, TimeUnit.SECONDS);
        if (url == null) {
            p.waitFor(5, TimeUnit.SECONDS);
            throw new AssertionError("wattiq serve did not start: " + err);
        }
        ServeProcess s = new ServeProcess(p, url, sysfs, err);
        return s;
    }

    HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10)).GET();
        for (int i = 0; i + 1 < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i + 1 < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Sends {@code request} as raw bytes (what an HTTP client would refuse to send) and returns what arrived before the
     * server closed, reset or went quiet for {@code quiet}; the server may keep a refused connection open or reset it.
     */
    String raw(String request, Duration quiet) throws IOException {
        URI u = URI.create(base);
        try (java.net.Socket k = new java.net.Socket(u.getHost(), u.getPort())) {
            k.setSoTimeout((int) quiet.toMillis());
            java.io.OutputStream out = k.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            java.io.InputStream in = k.getInputStream();
            java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            try {
                for (int n; (n = in.read(buf)) > 0 && got.size() < 200_000; ) got.write(buf, 0, n);
            } catch (java.net.SocketTimeoutException | java.net.SocketException e) {
                // what arrived is the answer
            }
            return got.toString(StandardCharsets.ISO_8859_1);
        }
    }

    /** Polls until {@code check} holds or the time is up. */
    static void eventually(Duration limit, java.util.concurrent.Callable<Boolean> check) throws Exception {
        long end = System.nanoTime() + limit.toNanos();
        Throwable last = null;
        while (System.nanoTime() < end) {
            try {
                if (Boolean.TRUE.equals(check.call())) return;
            } catch (Exception | AssertionError e) {
                last = e;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("condition not met within " + limit, last);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }
}
