package dev.wattiq.app.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Small helpers shared by the handlers: bounded, strict body reading, JSON replies, JSON errors. Reading is strict: a
 * key given twice or anything after the value is 400 (a proxy or a client library that keeps the first key and the
 * server that keeps the last would otherwise disagree on what was asked). Answers never carry a server path.
 */
final class Exchanges {
    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    /** Where this server's own files are: never named in an answer. */
    private static final java.util.List<String> SERVER_PATHS = serverPaths();

    private Exchanges() {
    }

    /** Reads a JSON object body of at most {@code maxBytes}; 411/413/415/400 otherwise. */
    static JsonNode readJson(HttpExchange ex, int maxBytes) throws IOException {
        ServerGuard.requireJson(ex.getRequestHeaders().getFirst("Content-Type"));
        String length = ex.getRequestHeaders().getFirst("Content-Length");
        if (length != null) {
            long n;
            try {
                n = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                throw new HttpError(400, "Content-Length is not a number");
            }
            if (n > maxBytes) throw new HttpError(413, "request body too large: " + n + " bytes, the limit is " + maxBytes);
        }
        byte[] body = readBounded(ex.getRequestBody(), maxBytes);
        if (body.length == 0) throw new HttpError(400, "empty body: send a JSON object");
        try {
            JsonNode n = JSON.readTree(body);
            if (n == null || !n.isObject()) throw new HttpError(400, "the body must be a JSON object");
            return n;
        } catch (JsonProcessingException e) {
            throw new HttpError(400, "malformed JSON: " + e.getOriginalMessage());
        }
    }

    static byte[] readBounded(InputStream in, int maxBytes) throws IOException {
        byte[] b = in.readNBytes(maxBytes + 1);
        if (b.length > maxBytes) throw new HttpError(413, "request body too large: the limit is " + maxBytes + " bytes");
        return b;
    }

    static void sendJson(HttpExchange ex, int status, Object node) throws IOException {
        send(ex, status, "application/json; charset=utf-8", JSON.writeValueAsBytes(node));
    }

    static void sendError(HttpExchange ex, int status, String message) throws IOException {
        ObjectNode o = JSON.createObjectNode();
        o.put("error", scrub(message));
        o.put("status", status);
        if (status == 413 || status == 400) ex.getResponseHeaders().set("Connection", "close"); // do not read the rest of a refused body
        sendJson(ex, status, o);
    }

    static void send(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        // the dashboard (and everything else) may not be framed by another page: no clickjacking (added to the policy a
        // handler set, e.g. the dashboard's own-scripts-only one, never in its place)
        String csp = ex.getResponseHeaders().getFirst("Content-Security-Policy");
        ex.getResponseHeaders().set("Content-Security-Policy", csp == null ? "frame-ancestors 'none'" : csp + "; frame-ancestors 'none'");
        ex.getResponseHeaders().set("X-Frame-Options", "DENY");
        boolean head = "HEAD".equals(ex.getRequestMethod());
        ex.sendResponseHeaders(status, head ? -1 : body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
        ex.close();
    }

    /**
     * {@code message} with every path of this server's own (WATTIQ_HOME, the temporary directory, the home and working
     * directories, the JDK) replaced by {@code <server path>}: an error may name what the client sent, never where the
     * server keeps its files.
     */
    static String scrub(String message) {
        if (message == null) return null;
        String m = message;
        for (String p : SERVER_PATHS) {
            m = m.replaceAll(java.util.regex.Pattern.quote(p) + "(?=$|[/\\s:'\",;)\\]])", "<server path>");
        }
        return m;
    }

    private static java.util.List<String> serverPaths() {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (String p : new String[] {dev.wattiq.app.store.WattiqHome.resolve().toString(), System.getProperty("java.io.tmpdir"),
                System.getProperty("user.home"), System.getProperty("user.dir"), System.getProperty("java.home")}) {
            if (p == null || p.length() < 2 || p.equals("/")) continue;
            String clean = p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
            out.add(clean);
            try {
                String real = java.nio.file.Path.of(clean).toRealPath().toString();
                if (!real.equals(clean)) out.add(real);
            } catch (IOException | RuntimeException e) {
                // not there: the configured spelling is enough
            }
        }
        out.sort(java.util.Comparator.comparingInt(String::length).reversed()); // longest first: /tmp/x before /tmp
        return java.util.List.copyOf(out);
    }
}
