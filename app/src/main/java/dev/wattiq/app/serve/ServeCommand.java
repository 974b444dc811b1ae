package dev.wattiq.app.serve;

import dev.wattiq.app.cli.CliOptions;
import dev.wattiq.app.cli.Errors;
import dev.wattiq.app.cli.SensorOptions;
import dev.wattiq.app.cli.SiteOptions;
import dev.wattiq.app.run.Intervals;
import dev.wattiq.app.run.RunCommand;
import dev.wattiq.app.store.Hosts;
import dev.wattiq.app.store.RunStore;
import dev.wattiq.app.store.StoreOptions;
import dev.wattiq.ledger.Site;
import dev.wattiq.meter.Clock;
import dev.wattiq.meter.DeviceInfo;
import dev.wattiq.meter.Meter;
import dev.wattiq.meter.Scope;
import dev.wattiq.meter.Sensor;
import dev.wattiq.meter.SensorEnvironment;
import dev.wattiq.meter.Sensors;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code wattiq serve}: measures this machine for as long as it runs and serves {@code /metrics} (Prometheus), a JSON
 * API and a dashboard. Loopback only unless a bearer token is given.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, modelTransformer = CliOptions.SharedGroups.class, sortOptions = false,
        description = {"Measure this machine continuously and serve a dashboard, /metrics (Prometheus) and a JSON API under /api/.",
                "Dashboard: http://127.0.0.1:" + ServeCommand.DEFAULT_PORT + "/ (another port: --port).",
                "Binds to 127.0.0.1 by default; any other address needs --token-file. Stop it with Ctrl-C or SIGTERM."})
public final class ServeCommand implements Callable<Integer>, SensorOptions.Holder, SiteOptions.Holder {
    @Override
    public SensorOptions sensorOptions() {
        return sensors;
    }

    @Override
    public SiteOptions siteOptions() {
        return siteOptions;
    }

    /** The port registered for WattIQ's exporter by default. */
    public static final int DEFAULT_PORT = 9464;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on (default ${DEFAULT-VALUE}); a non-loopback address needs --token-file.")
    String bind;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "" + DEFAULT_PORT, description = "Port (default ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "File holding the bearer token that /metrics and /api/ require (Authorization: Bearer TOKEN).")
    Path tokenFile;

    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "1s", converter = Intervals.class,
            description = "Sampling interval (default ${DEFAULT-VALUE}).")
    Duration interval;

    @Option(names = "--scope", paramLabel = "SCOPE", defaultValue = "machine",
            description = "machine: everything on this machine (default); process: only wattiq's own process tree.")
    String scope;

    @Mixin
    StoreOptions storeOptions;

    final SensorOptions sensors = new SensorOptions();

    final SiteOptions siteOptions = new SiteOptions();

    /** The server's clock: uptime, when the store was read, the start of a plan that names none. */
    Clock clock = Clock.system();

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        if (port < 0 || port > 65535) throw new Errors.UserError("--port must be 0..65535, got " + port);
        InetAddress address = address(bind);
        String token = tokenFile == null ? null : readToken(tokenFile, err);
        if (token == null && !address.isLoopbackAddress()) {
            throw new Errors.UserError("--bind " + bind + " would expose this machine's data to the network without a password: give --token-file FILE"
                    + " holding a bearer token (e.g. head -c 32 /dev/urandom | base64 > FILE; chmod 600 FILE), or bind to 127.0.0.1");
        }
        Scope sc = RunCommand.parseScope(scope);
        Site site = siteOptions.site();
        SensorEnvironment env = sensors.environment(sc, ProcessHandle.current().pid());
        for (String w : sensors.warnings()) err.println("wattiq serve: " + w);
        Sensors.Selection selection = Sensors.select(env);
        List<DeviceInfo> devices = new ArrayList<>();
        for (Sensor s : selection.sensors()) devices.addAll(s.devices());
        CountDownLatch stop = new CountDownLatch(1);
        try (RunStore store = storeOptions.openForReading(spec.commandLine().getErr());
             Meter meter = Meter.start(selection.sensors(), env, interval);
             StoreView view = new StoreView(store, Duration.ofSeconds(1), clock)) {
            LiveMachine live = new LiveMachine(meter, site, clock);
            meter.addListener(live::onSample);
            Metrics metrics = new Metrics(live, view, selection.sensors(), Hosts.name());
            ApiHandler api = new ApiHandler(live, view, selection.sensors(), devices, Hosts.name(), ServeEndpoints.all(clock), clock);
            WattiqServer server;
            try {
                server = WattiqServer.start(new InetSocketAddress(address, port), token, metrics, api, t -> logFailure(err, t));
            } catch (BindException e) {
                throw new Errors.UserError("cannot listen on " + bind + ":" + port + " (" + e.getMessage() + "): is another wattiq serve running?"
                        + " Stop it or choose another --port");
            } catch (IOException e) {
                throw new Errors.UserError("cannot listen on " + bind + ":" + port + ": " + e.getMessage());
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                stop.countDown();
            }, "wattiq-serve-stop"));
            for (String skipped : selection.skipped()) err.println("wattiq serve: sensor not used: " + skipped);
            String host = address.getHostAddress().contains(":") ? "[" + address.getHostAddress() + "]" : address.getHostAddress();
            err.println("wattiq serve: listening on http://" + host + ":" + server.port() + "/ (metrics at /metrics"
                    + (token == null ? "" : ", bearer token required") + "; sensors: "
                    + String.join(", ", selection.sensors().stream().map(Sensor::name).toList()) + "; store: " + store.location() + ")");
            err.println("wattiq serve: open http://" + (address.isAnyLocalAddress() ? "127.0.0.1" : host) + ":" + server.port()
                    + "/ in a browser for the dashboard (Ctrl-C stops)");
            err.flush();
            stop.await();
        }
        return 0;
    }

    private static synchronized void logFailure(PrintWriter err, Throwable t) {
        err.println("wattiq serve: a request failed: " + t);
        err.flush();
    }

    static InetAddress address(String bind) {
        try {
            return InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new Errors.UserError("--bind " + bind + " is not an address of this machine: use an IP such as 127.0.0.1 or 0.0.0.0");
        }
    }

    /**
     * The token in {@code file}. Refused when other users may write the file (they could put their own token there);
     * a warning when they may read it (any local user could then use the token), with the fix either way.
     */
    static String readToken(Path file, PrintWriter err) {
        try {
            var perms = Files.getPosixFilePermissions(file);
            String mode = java.nio.file.attribute.PosixFilePermissions.toString(perms);
            if (perms.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_WRITE)
                    || perms.contains(java.nio.file.attribute.PosixFilePermission.GROUP_WRITE)) {
                throw new Errors.UserError("--token-file " + file + " is writable by other users (" + mode + "): anyone could put their own"
                        + " token in it; run chmod 600 " + file);
            }
            if (perms.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ)
                    || perms.contains(java.nio.file.attribute.PosixFilePermission.GROUP_READ)) {
                err.println("wattiq serve: warning: --token-file " + file + " is readable by other users (" + mode + "): any local user can"
                        + " use the token; run chmod 600 " + file);
                err.flush();
            }
        } catch (UnsupportedOperationException | IOException e) {
            // no POSIX permissions here (or unreadable: reported just below)
        }
        String t;
        try {
            t = Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new Errors.UserError("cannot read --token-file " + file + " (" + e.getClass().getSimpleName() + "): check the path and permissions");
        }
        if (t.length() < 16 || t.chars().anyMatch(ch -> ch <= ' ' || ch > '~')) {
            throw new Errors.UserError("--token-file " + file + " must hold one token of at least 16 printable characters without spaces"
                    + " (e.g. head -c 32 /dev/urandom | base64 > " + file + ")");
        }
        return t;
    }
}
