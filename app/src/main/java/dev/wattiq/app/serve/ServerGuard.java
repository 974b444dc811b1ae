package dev.wattiq.app.serve;

import com.sun.net.httpserver.HttpExchange;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What every request passes before any handler sees it, in this order, each as soon as the request's headers have
 * arrived (no body is read before them):
 *
 * <ol>
 *   <li>without a token, {@code Host} must name this machine's loopback ({@code localhost}, {@code *.localhost},
 *       {@code 127.x.x.x}, {@code [::1]}): a page on another origin that re-points its own name at 127.0.0.1 (DNS
 *       rebinding) sends its own name, and gets 421;</li>
 *   <li>with a token, the data endpoints need {@code Authorization: Bearer TOKEN} (compared in constant time): 401;</li>
 *   <li>at most {@link #MAX_PER_CLIENT} requests of one client address in handlers at once: 429;</li>
 *   <li>a request with a body ({@code POST}, {@code PUT}, {@code PATCH}) must say {@code Content-Type:
 *       application/json}: 415 (a cross-origin form can only send form or plain-text types without asking first).</li>
 * </ol>
 */
final class ServerGuard {
    /** Requests of one client address being handled at once; more get 429 (reads are snapshots: one is quick). */
    static final int MAX_PER_CLIENT = 16;

    private final byte[] token;
    private final ConcurrentHashMap<InetAddress, AtomicInteger> inFlight = new ConcurrentHashMap<>();

    ServerGuard(String token) {
        this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    /** Runs the checks; the caller must call {@link #leave} with the result when the exchange is done (null: nothing held). */
    InetAddress enter(HttpExchange ex, boolean dataEndpoint) {
        if (token == null) checkHost(ex.getRequestHeaders().getFirst("Host"));
        if (token != null && dataEndpoint) checkToken(ex.getRequestHeaders().getFirst("Authorization"));
        InetAddress client = ex.getRemoteAddress() == null ? null : ex.getRemoteAddress().getAddress();
        if (client != null) {
            AtomicInteger n = inFlight.computeIfAbsent(client, k -> new AtomicInteger());
            if (n.incrementAndGet() > MAX_PER_CLIENT) {
                leave(client);
                ex.getResponseHeaders().set("Retry-After", "1");
                throw new HttpError(429, "too many requests from this client at once (the limit is " + MAX_PER_CLIENT + "): wait for the answers");
            }
        }
        String m = ex.getRequestMethod();
        if ("POST".equals(m) || "PUT".equals(m) || "PATCH".equals(m)) {
            try {
                requireJson(ex.getRequestHeaders().getFirst("Content-Type"));
            } catch (HttpError e) {
                leave(client);
                throw e;
            }
        }
        return client;
    }

    void leave(InetAddress client) {
        if (client == null) return;
        inFlight.computeIfPresent(client, (k, n) -> n.decrementAndGet() <= 0 ? null : n);
    }

    /** 400 without a Host, 421 for a name that is not loopback. */
    static void checkHost(String host) {
        if (host == null || host.isBlank()) throw new HttpError(400, "missing Host header");
        if (!isLoopbackName(host.strip())) {
            throw new HttpError(421, "this server answers only to localhost names without a token (Host was not one): open it as"
                    + " http://127.0.0.1:PORT/, or start it with --token-file to serve other names");
        }
    }

    /** Whether a Host header value ({@code name[:port]}) names the loopback interface. */
    static boolean isLoopbackName(String host) {
        String name;
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            if (close < 0 || !port(host.substring(close + 1))) return false;
            name = host.substring(1, close);
            return name.equals("::1") || name.equalsIgnoreCase("0:0:0:0:0:0:0:1");
        }
        int colon = host.lastIndexOf(':');
        if (colon >= 0) {
            if (!port(host.substring(colon))) return false;
            name = host.substring(0, colon);
        } else {
            name = host;
        }
        name = name.toLowerCase(Locale.ROOT);
        if (name.endsWith(".")) name = name.substring(0, name.length() - 1);
        if (name.equals("localhost") || name.endsWith(".localhost")) return true;
        String[] parts = name.split("\\.", -1);
        if (parts.length != 4 || !parts[0].equals("127")) return false;
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit) || Integer.parseInt(p) > 255) return false;
        }
        return true;
    }

    private static boolean port(String s) {
        if (s.isEmpty()) return true;
        if (s.charAt(0) != ':' || s.length() < 2 || s.length() > 6) return false;
        return s.substring(1).chars().allMatch(Character::isDigit);
    }

    private void checkToken(String auth) {
        if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new HttpError(401, "missing bearer token: send 'Authorization: Bearer TOKEN' (the token is in the server's --token-file)");
        }
        byte[] given = auth.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(given, token)) throw new HttpError(401, "wrong bearer token");
    }

    /** 415 unless the media type is exactly {@code application/json} (parameters such as charset allowed). */
    static void requireJson(String contentType) {
        String media = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!media.equals("application/json")) {
            throw new HttpError(415, "send the body as Content-Type: application/json" + (contentType == null ? " (there was none)" : ""));
        }
    }
}
