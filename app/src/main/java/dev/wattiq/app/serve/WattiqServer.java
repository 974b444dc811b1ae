package dev.wattiq.app.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * The HTTP face of {@code wattiq serve}, on the JDK's {@code com.sun.net.httpserver}: {@code /metrics}, {@code /api/...}
 * and the dashboard's static files. With a token, {@code /metrics} and {@code /api/} need {@code Authorization: Bearer
 * TOKEN}; the static files hold no data and are served to anyone who can reach the port (the page at {@code /} embeds its
 * first data only when there is no token). Every failure is answered
 * as JSON {@code {"error", "status"}}; no stack trace ever leaves the process.
 */
public final class WattiqServer implements AutoCloseable {
    /** Largest request body accepted (POST endpoints). */
    public static final int MAX_BODY_BYTES = 64 * 1024;
    /** Threads answering requests. */
    static final int THREADS = 8;

    private final HttpServer server;
    private final ExecutorService executor;

    private WattiqServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Binds and starts the server.
     *
     * @param address   where to listen (port 0 picks a free port)
     * @param token     bearer token required on data endpoints, or null (loopback only: the caller checks)
     * @param metrics   the {@code /metrics} exposition
     * @param api       the {@code /api/} routes
     * @param onFailure told of unexpected handler failures (for the server's log); never sent to clients
     */
    public static WattiqServer start(InetSocketAddress address, String token, Metrics metrics, ApiHandler api, Consumer<Throwable> onFailure)
            throws IOException {
        HttpServer s = HttpServer.create(address, 128);
        byte[] tokenBytes = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
        s.createContext("/metrics", guarded(tokenBytes, onFailure, ex -> {
            if (!"/metrics".equals(ex.getRequestURI().getPath())) throw new HttpError(404, "no such path: " + ex.getRequestURI().getPath());
            requireGet(ex);
            Exchanges.send(ex, 200, metrics.contentType(), metrics.scrape());
        }));
        s.createContext("/api/", guarded(tokenBytes, onFailure, api::handle));
        StaticFiles files = new StaticFiles();
        // With a token the page carries no data (a browser's first GET has no bearer header): app.js asks and fetches.
        Dashboard page = new Dashboard(api, token == null);
        s.createContext("/", guarded(null, onFailure, ex -> {
            requireGet(ex);
            String path = ex.getRequestURI().getRawPath();
            if (path.equals("/") || path.equals("/index.html")) page.handle(ex);
            else files.handle(ex);
        }));
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, r -> Thread.ofPlatform().daemon().name("wattiq-http").unstarted(r));
        s.setExecutor(executor);
        s.start();
        return new WattiqServer(s, executor);
    }

    static void requireGet(HttpExchange ex) {
        String m = ex.getRequestMethod();
        if (!"GET".equals(m) && !"HEAD".equals(m)) {
            ex.getResponseHeaders().set("Allow", "GET, HEAD");
            throw new HttpError(405, "method " + m + " not allowed here: use GET");
        }
    }

    interface Handler {
        void handle(HttpExchange ex) throws IOException;
    }

    private static HttpHandler guarded(byte[] token, Consumer<Throwable> onFailure, Handler h) {
        return ex -> {
            try {
                if (token != null) checkToken(ex, token);
                h.handle(ex);
            } catch (HttpError e) {
                if (e.status() == 401) ex.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"wattiq\"");
                replyError(ex, e.status(), e.getMessage());
            } catch (IOException e) {
                ex.close(); // the client went away
            } catch (RuntimeException e) {
                onFailure.accept(e);
                replyError(ex, 500, "internal error: see the wattiq serve log");
            }
        };
    }

    private static void replyError(HttpExchange ex, int status, String message) {
        try {
            Exchanges.sendError(ex, status, message);
        } catch (IOException | RuntimeException ignored) {
            ex.close(); // headers already sent or client gone: nothing more to say
        }
    }

    private static void checkToken(HttpExchange ex, byte[] token) {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new HttpError(401, "missing bearer token: send 'Authorization: Bearer TOKEN' (the token is in the server's --token-file)");
        }
        byte[] given = auth.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(given, token)) throw new HttpError(401, "wrong bearer token");
    }

    /** The port actually bound (useful with port 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
