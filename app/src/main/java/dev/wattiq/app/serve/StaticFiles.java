package dev.wattiq.app.serve;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

/**
 * The dashboard's files but its page ({@link Dashboard} renders {@code /} with data), read once from the app's resources (and Chart.js from its webjar) into memory. Only the
 * names listed here are served: a request path is a key in a fixed map, never a file system path, so no
 * {@code ..} or encoded trick can reach anything else.
 */
final class StaticFiles {
    private static final String BASE = "/dev/wattiq/app/serve/static/";
    /** The dashboard's pages run only their own files' scripts and styles. */
    static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'";
    private final Map<String, Entry> files;

    private record Entry(String contentType, byte[] body) {
    }

    StaticFiles() {
        String chart = "/META-INF/resources/webjars/chart.js/" + chartJsVersion() + "/dist/chart.umd.min.js";
        files = Map.of(
                "/app.js", load(BASE + "app.js", "text/javascript; charset=utf-8"),
                "/app.css", load(BASE + "app.css", "text/css; charset=utf-8"),
                "/vendor/chart.umd.min.js", load(chart, "text/javascript; charset=utf-8"));
    }

    void handle(HttpExchange ex) throws IOException {
        String raw = ex.getRequestURI().getRawPath();
        Entry e = files.get(raw);
        if (e == null) throw new HttpError(404, "no such file: the dashboard is at /");
        ex.getResponseHeaders().set("Content-Security-Policy", CSP);
        Exchanges.send(ex, 200, e.contentType(), e.body());
    }

    static String chartJsVersion() {
        try (InputStream in = StaticFiles.class.getResourceAsStream("/META-INF/maven/org.webjars.npm/chart.js/pom.properties")) {
            if (in == null) throw new IllegalStateException("the chart.js webjar is missing from the class path: rebuild wattiq (mvn package)");
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Entry load(String resource, String type) {
        try (InputStream in = StaticFiles.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("resource " + resource + " is missing: rebuild wattiq (mvn package)");
            return new Entry(type, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
