package dev.wattiq.app.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * The HTTP face of {@code wattiq serve}, on the JDK's {@code com.sun.net.httpserver}: {@code /metrics}, {@code /api/...}
 * and the dashboard's static files. With a token, {@code /metrics} and {@code /api/} need {@code Authorization: Bearer
 * TOKEN}; the static files hold no data and are served to anyone who can reach the port (the page at {@code /} embeds
 * its first data only when there is no token). Every request first passes
 * {@link ServerGuard} (Host, token, per-client limit, JSON content type). Every failure is answered as JSON
 * {@code {"error", "status"}}; no stack trace or server path ever leaves the process.
 *
 * <p>Slow and idle clients: the JDK server reads a connection's request line and headers on the executor's thread,
 * so a fixed pool of N threads was stopped by N clients sending half a request line. Each exchange now runs on its
 * own virtual thread (a client that sends nothing parks one, which costs a few hundred bytes), every request must
 * arrive whole within {@link #REQUEST_DEADLINE_S} and an idle keep-alive connection is closed after
 * {@link #IDLE_SECONDS}, and open connections are capped at {@link #MAX_CONNECTIONS}: the JDK's documented
 * {@code sun.net.httpserver.maxReqTime}, {@code sun.net.httpserver.idleInterval} and
 * {@code jdk.httpserver.maxConnections}, set here unless the user set them.
 */
public final class WattiqServer implements AutoCloseable {
    /** Largest request body accepted (POST endpoints). */
    public static final int MAX_BODY_BYTES = 64 * 1024;
    /**
     * Time for a request's headers and body to arrive, in seconds; a connection still sending after that is closed.
     * Seconds: the JDK's module documentation says milliseconds, but its server multiplies the value by 1000 (JDK 25
     * {@code ServerImpl.getTimeMillis}); ServeHardeningTest checks the deadline as it really behaves.
     */
    static final int REQUEST_DEADLINE_S = 10;
    /** An idle keep-alive connection is closed after this many seconds. */
    static final int IDLE_SECONDS = 30;
    /** Open connections at most, idle ones included. */
    static final int MAX_CONNECTIONS = 1024;

    static {
        // read once by the JDK server's configuration class, when the first server is created
        setIfAbsent("sun.net.httpserver.maxReqTime", Integer.toString(REQUEST_DEADLINE_S));
        setIfAbsent("sun.net.httpserver.idleInterval", Integer.toString(IDLE_SECONDS));
        setIfAbsent("jdk.httpserver.maxConnections", Integer.toString(MAX_CONNECTIONS));
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) System.setProperty(key, value);
    }

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
     * @param token     bearer token required on data endpoints, or null (loopback only: the caller checks; then every
     *                  request's Host must be a loopback name)
     * @param metrics   the {@code /metrics} exposition
     * @param api       the {@code /api/} routes
     * @param onFailure told of unexpected handler failures (for the server's log); never sent to clients
     */
    public static WattiqServer start(InetSocketAddress address, String token, Metrics metrics, ApiHandler api, Consumer<Throwable> onFailure)
            throws IOException {
        HttpServer s = HttpServer.create(address, 128);
        ServerGuard guard = new ServerGuard(token);
        s.createContext("/metrics", guarded(guard, true, onFailure, ex -> {
            if (!"/metrics".equals(ex.getRequestURI().getPath())) throw new HttpError(404, "no such path: " + ex.getRequestURI().getPath());
            requireGet(ex);
            Exchanges.send(ex, 200, metrics.contentType(), metrics.scrape());
        }));
        s.createContext("/api/", guarded(guard, true, onFailure, api::handle));
        StaticFiles files = new StaticFiles();
        // With a token the page carries no data (a browser's first GET has no bearer header): app.js asks and fetches.
        Dashboard page = new Dashboard(api, token == null);
        s.createContext("/", guarded(guard, false, onFailure, ex -> {
            requireGet(ex);
            String path = ex.getRequestURI().getRawPath();
            if (path.equals("/") || path.equals("/index.html")) page.handle(ex);
            else files.handle(ex);
        }));
        ExecutorService executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("wattiq-http-", 0).factory());
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

    private static HttpHandler guarded(ServerGuard guard, boolean dataEndpoint, Consumer<Throwable> onFailure, Handler h) {
        return ex -> {
            InetAddress client = null;
            try {
                client = guard.enter(ex, dataEndpoint);
                h.handle(ex);
            } catch (HttpError e) {
                if (e.status() == 401) ex.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"wattiq\"");
                replyError(ex, e.status(), e.getMessage());
            } catch (IOException e) {
                ex.close(); // the client went away
            } catch (RuntimeException e) {
                onFailure.accept(e);
                replyError(ex, 500, "internal error: see the wattiq serve log");
            } finally {
                guard.leave(client);
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
