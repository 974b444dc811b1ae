package dev.wattiq.meter.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A BMC on the loopback interface, speaking the Redfish that WattIQ reads: a service root, a Chassis collection with
 * one chassis, and either the {@code EnvironmentMetrics} schema ({@code PowerWatts} with a {@code DataSourceUri}
 * Sensor carrying {@code ReadingTime} and {@code SensingInterval}, and {@code EnergykWh}) or the older {@code Power}
 * schema ({@code PowerControl[].PowerConsumedWatts}). Basic authentication; the test scripts the power, makes the
 * reading go stale, and queues error answers (503 with Retry-After, 429). Plain http, or https with a self-signed
 * certificate ({@link SelfSigned}).
 */
public final class FakeBmc implements AutoCloseable {
    /** Which schema the chassis offers. */
    public enum Schema { ENVIRONMENT_METRICS, POWER }

    private final HttpServer server;
    private final Schema schema;
    private final String user;
    private final String password;
    private volatile DoubleSupplier watts = () -> 0;
    private volatile boolean stale;
    private volatile String frozenTime;
    private volatile double frozenWatts;
    private final Deque<Integer> queued = new ArrayDeque<>();
    private final AtomicInteger readingRequests = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile long readingSeq;

    private FakeBmc(HttpServer server, Schema schema, String user, String password) {
        this.server = server;
        this.schema = schema;
        this.user = user;
        this.password = password;
        server.createContext("/", this::handle);
        server.start();
    }

    /** A plain-http BMC on 127.0.0.1. */
    public static FakeBmc http(Schema schema, String user, String password) throws IOException {
        return new FakeBmc(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0), schema, user, password);
    }

    /** An https BMC on 127.0.0.1 with {@code cert}'s key. */
    public static FakeBmc https(Schema schema, String user, String password, SelfSigned cert) throws Exception {
        HttpsServer s = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(cert.keyStore())) {
            ks.load(in, SelfSigned.PASS.toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, SelfSigned.PASS.toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        s.setHttpsConfigurator(new HttpsConfigurator(ctx));
        return new FakeBmc(s, schema, user, password);
    }

    /** The BMC's address, e.g. {@code http://127.0.0.1:41234}. */
    public String url() {
        return (server instanceof HttpsServer ? "https" : "http") + "://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The power the BMC reports from now on. */
    public void power(DoubleSupplier w) {
        this.watts = w;
    }

    public void power(double w) {
        power(() -> w);
    }

    /** Freezes the reading (value and ReadingTime) where it is, or lets it move again. */
    public synchronized void stale(boolean on) {
        if (on && !stale) {
            frozenWatts = watts.getAsDouble();
            frozenTime = time();
        }
        stale = on;
    }

    /** Answers the next {@code count} reading requests with {@code status} (503 carries Retry-After: 1). */
    public synchronized void answer(int status, int count) {
        for (int i = 0; i < count; i++) queued.add(status);
    }

    public int readingRequests() {
        return readingRequests.get();
    }

    public int requests() {
        return requests.get();
    }

    private String time() {
        return Instant.ofEpochMilli(1_800_000_000_000L + readingSeq++).toString();
    }

    private void handle(HttpExchange x) throws IOException {
        requests.incrementAndGet();
        try (x) {
            String auth = x.getRequestHeaders().getFirst("Authorization");
            String expected = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            if (!expected.equals(auth)) {
                reply(x, 401, "{\"error\":{\"code\":\"Base.1.8.NoValidSession\",\"message\":\"no valid session\"}}");
                return;
            }
            String p = x.getRequestURI().getPath().replaceAll("/$", "");
            String chassis = "/redfish/v1/Chassis/1";
            boolean reading = p.equals(chassis + "/Sensors/TotalPower") || p.equals(chassis + "/Power") || p.equals(chassis + "/EnvironmentMetrics");
            if (reading) {
                readingRequests.incrementAndGet();
                Integer status;
                synchronized (this) {
                    status = queued.poll();
                }
                if (status != null) {
                    if (status == 503) x.getResponseHeaders().add("Retry-After", "1");
                    reply(x, status, "{}");
                    return;
                }
            }
            double w;
            String t;
            synchronized (this) {
                w = stale ? frozenWatts : watts.getAsDouble();
                t = stale ? frozenTime : time();
            }
            String body = switch (p) {
                case "/redfish/v1" -> "{\"@odata.id\":\"/redfish/v1/\",\"RedfishVersion\":\"1.17.0\",\"Chassis\":{\"@odata.id\":\"/redfish/v1/Chassis\"}}";
                case "/redfish/v1/Chassis" -> "{\"Members\":[{\"@odata.id\":\"" + chassis + "\"}],\"Members@odata.count\":1}";
                case "/redfish/v1/Chassis/1" -> schema == Schema.ENVIRONMENT_METRICS
                        ? "{\"Id\":\"1\",\"ChassisType\":\"RackMount\",\"EnvironmentMetrics\":{\"@odata.id\":\"" + chassis + "/EnvironmentMetrics\"},"
                          + "\"Power\":{\"@odata.id\":\"" + chassis + "/Power\"}}"
                        : "{\"Id\":\"1\",\"ChassisType\":\"RackMount\",\"Power\":{\"@odata.id\":\"" + chassis + "/Power\"}}";
                case "/redfish/v1/Chassis/1/EnvironmentMetrics" -> schema != Schema.ENVIRONMENT_METRICS ? null
                        : String.format(Locale.ROOT, "{\"PowerWatts\":{\"Reading\":%.3f,\"DataSourceUri\":\"%s/Sensors/TotalPower\"},"
                          + "\"EnergykWh\":{\"Reading\":1234.567}}", w, chassis);
                case "/redfish/v1/Chassis/1/Sensors/TotalPower" -> schema != Schema.ENVIRONMENT_METRICS ? null
                        : String.format(Locale.ROOT, "{\"Id\":\"TotalPower\",\"ReadingType\":\"Power\",\"ReadingUnits\":\"W\",\"Reading\":%.3f,"
                          + "\"ReadingTime\":\"%s\",\"SensingInterval\":\"PT1S\"}", w, t);
                case "/redfish/v1/Chassis/1/Power" -> String.format(Locale.ROOT, "{\"PowerControl\":[{\"Name\":\"System Power Control\","
                        + "\"PowerConsumedWatts\":%.3f},{\"Name\":\"CPU Power Control\",\"PowerConsumedWatts\":%.3f}]}", w, w / 3);
                default -> null;
            };
            if (body == null) reply(x, 404, "{}");
            else reply(x, 200, body);
        }
    }

    private static void reply(HttpExchange x, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(status, b.length);
        x.getResponseBody().write(b);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** A self-signed certificate for 127.0.0.1 made with the JDK's keytool: its key store and its PEM certificate. */
    public record SelfSigned(Path keyStore, Path pem) {
        public static final String PASS = "changeit";

        public static SelfSigned create(Path dir) throws IOException, InterruptedException {
            Path ks = dir.resolve("bmc.p12");
            Path pem = dir.resolve("bmc-ca.pem");
            String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
            run(keytool, "-genkeypair", "-alias", "bmc", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=fake-bmc",
                    "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2", "-storetype", "PKCS12", "-keystore", ks.toString(),
                    "-storepass", PASS, "-keypass", PASS);
            run(keytool, "-exportcert", "-rfc", "-alias", "bmc", "-keystore", ks.toString(), "-storepass", PASS, "-file", pem.toString());
            return new SelfSigned(ks, pem);
        }

        private static void run(String... cmd) throws IOException, InterruptedException {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) throw new IOException("keytool failed: " + out);
        }
    }
}
