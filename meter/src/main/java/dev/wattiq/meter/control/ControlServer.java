package dev.wattiq.meter.control;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The control channel of one run: a Unix domain socket in a fresh directory that only the user can enter (mode 0700,
 * under {@code $XDG_RUNTIME_DIR} or the temp directory), named to the command by {@link #ENV} and removed at
 * {@link #close()}. It is bound before the command starts; requests that need the meter wait for {@link #serve}.
 * One thread per connection (at most {@link ControlLimits#maxClients()}), line-delimited JSON (docs/python.md).
 */
public final class ControlServer implements AutoCloseable {
    /** The environment variable that names the socket to the command. */
    public static final String ENV = "WATTIQ_CONTROL";
    /** How long a request waits for the meter to start before it is answered with an error. */
    private static final long STATE_WAIT_MILLIS = 5_000;
    private static final int MAX_SOCKET_PATH_BYTES = 100; // sun_path holds 108 bytes on Linux, with its terminating NUL

    private final Path dir;
    private final Path socket;
    private final ServerSocketChannel server;
    private final ControlLimits limits;
    private final String runId;
    private final CompletableFuture<ControlState> state = new CompletableFuture<>();
    private final Set<ControlConnection> connections = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private volatile boolean closing;

    private ControlServer(Path dir, ServerSocketChannel server, ControlLimits limits, String runId) {
        this.dir = dir;
        this.socket = dir.resolve("control.sock");
        this.server = server;
        this.limits = limits;
        this.runId = runId;
        this.acceptor = Thread.ofPlatform().daemon().name("wattiq-control").unstarted(this::acceptLoop);
    }

    /**
     * Creates the private directory, binds the socket and starts accepting.
     *
     * @param environment the process environment ({@code XDG_RUNTIME_DIR} is read from it)
     * @param limits      bounds per run and per client
     * @param runId       the run's id, told to clients that say hello
     * @throws IOException when no private directory can be made or the socket cannot be bound
     */
    public static ControlServer bind(Map<String, String> environment, ControlLimits limits, String runId) throws IOException {
        Path base = baseDirectory(environment);
        Path dir = Files.createTempDirectory(base, "wattiq-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        ServerSocketChannel ch = null;
        try {
            ch = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            ch.bind(UnixDomainSocketAddress.of(dir.resolve("control.sock")), limits.maxClients());
            ControlServer s = new ControlServer(dir, ch, limits, runId);
            s.acceptor.start();
            return s;
        } catch (IOException | RuntimeException e) {
            if (ch != null) ch.close();
            Files.deleteIfExists(dir.resolve("control.sock"));
            Files.deleteIfExists(dir);
            throw e;
        }
    }

    /** {@code $XDG_RUNTIME_DIR} when it is an absolute, existing directory with room for a socket path; else the temp directory. */
    static Path baseDirectory(Map<String, String> environment) {
        String xdg = environment.get("XDG_RUNTIME_DIR");
        if (xdg != null && !xdg.isBlank()) {
            Path p = Path.of(xdg);
            if (p.isAbsolute() && Files.isDirectory(p) && Files.isWritable(p) && fits(p)) return p;
        }
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        return fits(tmp) ? tmp : Path.of("/tmp");
    }

    private static boolean fits(Path base) {
        // base + "/wattiq-" + ~20 random digits + "/control.sock"
        return base.toString().getBytes(StandardCharsets.UTF_8).length + 45 <= MAX_SOCKET_PATH_BYTES;
    }

    /** The socket's path: the value of {@link #ENV} for the command. */
    public Path socketPath() {
        return socket;
    }

    /** Starts answering the requests that need the meter (those that came early have waited for this). */
    public void serve(ControlState s) {
        state.complete(s);
    }

    ControlState state() {
        try {
            return state.get(STATE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException | java.util.concurrent.CancellationException e) {
            throw new ControlException("wattiq's meter is not running (it did not start, or the run is ending): no energy to report");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ControlException("wattiq is stopping: no energy to report");
        }
    }

    private void acceptLoop() {
        int n = 0;
        while (!closing) {
            SocketChannel ch;
            try {
                ch = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            if (closing) {
                quietly(ch);
                return;
            }
            if (connections.size() >= limits.maxClients()) {
                ControlConnection.refuse(ch, "too many connections to wattiq (" + limits.maxClients() + "): share one per process");
                continue;
            }
            ControlConnection c = new ControlConnection(ch, new ControlSession(this::state, limits, runId), limits, connections::remove);
            connections.add(c);
            Thread.ofPlatform().daemon().name("wattiq-control-" + (++n)).start(c);
        }
    }

    /**
     * Stops accepting, closes every connection (their open windows are closed with a note) and removes the socket and
     * its directory. Call it before ending the run's own window, so that every window lies inside the run.
     */
    @Override
    public void close() {
        closing = true;
        state.cancel(false); // requests still waiting for a meter that never came are answered
        quietly(server);
        for (ControlConnection c : connections) c.shutdown();
        for (ControlConnection c : connections) c.awaitEnd(2_000);
        try {
            Files.deleteIfExists(socket);
            Files.deleteIfExists(dir);
        } catch (IOException ignored) {
            // left behind in a private directory; nothing else can reach it
        }
    }

    private static void quietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // closing
        }
    }
}
