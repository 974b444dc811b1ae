import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Constant-rate load on one URL (open loop, as wrk2 does: each request has an intended send time and its latency is
 * measured from that time, so a slow server cannot hide its stalls by slowing the client down). Loopback only.
 * Usage: java bench/ServeLoad.java URL RATE_PER_S SECONDS
 */
public final class ServeLoad {
    public static void main(String[] a) throws Exception {
        URI uri = URI.create(a[0]);
        if (!uri.getHost().equals("127.0.0.1") && !uri.getHost().equals("localhost")) throw new IllegalArgumentException("loopback only: " + uri);
        int rate = Integer.parseInt(a[1]);
        int seconds = Integer.parseInt(a[2]);
        int n = rate * seconds;
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest req = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build();
        for (int i = 0; i < 50; i++) http.send(req, HttpResponse.BodyHandlers.ofByteArray()); // connections and JIT warm
        long[] latencyNanos = new long[n];
        AtomicInteger errors = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(n);
        long periodNanos = 1_000_000_000L / rate;
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            long intended = start + i * periodNanos;
            long wait;
            while ((wait = intended - System.nanoTime()) > 0) LockSupport.parkNanos(wait);
            int k = i;
            Thread.ofVirtual().start(() -> {
                try {
                    HttpResponse<byte[]> r = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
                    if (r.statusCode() != 200) errors.incrementAndGet();
                } catch (Exception e) {
                    errors.incrementAndGet();
                } finally {
                    latencyNanos[k] = System.nanoTime() - intended;
                    done.countDown();
                }
            });
        }
        done.await();
        double wall = (System.nanoTime() - start) / 1e9;
        Arrays.sort(latencyNanos);
        System.out.printf(Locale.ROOT, "%-28s requests %6d  achieved %6.1f/s  errors %d  latency ms: p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f%n",
                uri.getPath(), n, n / wall, errors.get(), ms(latencyNanos, 0.50), ms(latencyNanos, 0.90), ms(latencyNanos, 0.99),
                ms(latencyNanos, 0.999), latencyNanos[n - 1] / 1e6);
        if (errors.get() > 0) System.exit(1);
    }

    private static double ms(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }
}
