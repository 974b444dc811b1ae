package dev.wattiq.app.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Small helpers shared by the handlers: bounded body reading, JSON replies, JSON errors. */
final class Exchanges {
    static final ObjectMapper JSON = new ObjectMapper();

    private Exchanges() {
    }

    /** Reads a JSON object body of at most {@code maxBytes}; 411/413/415/400 otherwise. */
    static JsonNode readJson(HttpExchange ex, int maxBytes) throws IOException {
        String type = ex.getRequestHeaders().getFirst("Content-Type");
        if (type != null && !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw new HttpError(415, "send the body as application/json (got " + type + ")");
        }
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
        o.put("error", message);
        o.put("status", status);
        if (status == 413 || status == 400) ex.getResponseHeaders().set("Connection", "close"); // do not read the rest of a refused body
        sendJson(ex, status, o);
    }

    static void send(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = "HEAD".equals(ex.getRequestMethod());
        ex.sendResponseHeaders(status, head ? -1 : body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
        ex.close();
    }
}
