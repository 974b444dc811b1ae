package dev.wattiq.app.run;

import dev.wattiq.app.cli.CliOptions;
import dev.wattiq.app.cli.Errors;
import dev.wattiq.app.cli.JsonOut;
import dev.wattiq.app.cli.SensorOptions;
import dev.wattiq.app.cli.SiteOptions;
import dev.wattiq.app.store.Hosts;
import dev.wattiq.app.store.RunRecord;
import dev.wattiq.app.store.RunStart;
import dev.wattiq.app.store.RunStore;
import dev.wattiq.app.store.StoreException;
import dev.wattiq.app.store.Stores;
import dev.wattiq.ledger.Site;
import dev.wattiq.meter.Clock;
import dev.wattiq.meter.EnergyCounter;
import dev.wattiq.meter.Measurement;
import dev.wattiq.meter.Meter;
import dev.wattiq.meter.Method;
import dev.wattiq.meter.Scope;
import dev.wattiq.meter.SensorEnvironment;
import dev.wattiq.meter.SensorProvider;
import dev.wattiq.meter.Sensors;
import dev.wattiq.meter.UserInputException;
import dev.wattiq.meter.Window;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code wattiq run [options] -- CMD [ARGS...]}: runs a command under the meter, passes its input, output and
 * signals through, prints a summary on stderr, stores the run, and exits with the command's exit code.
 * The main job, so its options are declared in code ({@link #spec()}, {@link CliOptions}): quicker to start.
 */
public final class RunCommand implements Callable<Integer> {
    /** The subcommand's name. */
    public static final String NAME = "run";
    /** Exit code when the command cannot be started (as shells use). */
    public static final int CANNOT_START = 127;
    /** How often samples are committed to the store at most apart. */
    static final Duration FLUSH_EVERY = Duration.ofMillis(250);

    picocli.CommandLine.Model.CommandSpec spec;
    Duration interval;
    String scope;
    final JsonOut jsonOut = new JsonOut();
    List<String> labelArgs = new ArrayList<>();
    String job;
    String storeUrl;
    boolean noStore;
    int repeat = 1;
    /** The runs of this invocation, in order (several with {@code --repeat}). */
    final List<RunRecord> finished = new ArrayList<>();
    final SensorOptions sensors = new SensorOptions();
    final SiteOptions siteOptions = new SiteOptions();
    List<String> command = new ArrayList<>();
    /** The run's own times (start, end, how late the meter started); the meter samples on the JVM's clocks. */
    private final Clock clock;

    private RunCommand(Clock clock) {
        this.clock = clock;
    }

    /** The command's picocli model, bound to a new {@code RunCommand} on the system clock. */
    public static CommandSpec spec() {
        return spec(Clock.system());
    }

    /** The command's picocli model, bound to a new {@code RunCommand} that reads the time from {@code clock}. */
    public static CommandSpec spec(Clock clock) {
        RunCommand r = new RunCommand(clock);
        CommandSpec s = CommandSpec.wrapWithoutInspection(r).name(NAME);
        r.spec = s;
        s.usageMessage().sortOptions(false).description(
                "Run a command and measure the energy it uses.",
                "The command runs directly (no shell) with stdin, stdout and stderr untouched; SIGINT, SIGTERM and SIGHUP are "
                        + "passed on to it; wattiq exits with its exit code (128+N if it died of signal N, 127 if it could not start).");
        s.addOption(CliOptions.option("--interval", "DURATION", Duration.class, () -> r.interval, v -> r.interval = v,
                "Sampling interval, e.g. 100ms, 10ms, 1ms, 2s (at least 1ms; default ${DEFAULT-VALUE}).")
                .defaultValue("100ms").converters(new Intervals()).build());
        s.addOption(CliOptions.option("--scope", "SCOPE", String.class, () -> r.scope, v -> r.scope = v,
                "process: charge the command's process tree its share; machine: charge everything (default ${DEFAULT-VALUE}).")
                .defaultValue("process").build());
        s.addMixin(JsonOut.MIXIN, r.jsonOut.spec());
        s.addOption(CliOptions.option("--label", "KEY=VALUE", List.class, () -> r.labelArgs, v -> r.labelArgs = v,
                "Attach a label to the run (repeatable).").auxiliaryTypes(String.class).build());
        s.addOption(CliOptions.option("--job", "ID", String.class, () -> r.job, v -> r.job = v,
                "Job id, to group runs of one job (e.g. across nodes).").build());
        s.addOption(CliOptions.option("--store", "URL", String.class, () -> r.storeUrl, v -> r.storeUrl = v,
                "Record into this store instead: jdbc:postgresql://HOST/DB?user=NAME (shared by a job's nodes; password from PGPASSWORD).").build());
        s.addOption(CliOptions.flag("--no-store", () -> r.noStore, v -> r.noStore = v,
                "Do not record the run in the store ($WATTIQ_HOME/wattiq.db)."));
        s.addOption(CliOptions.option("--repeat", "N", Integer.class, () -> r.repeat, v -> r.repeat = v,
                "Run the command N times, one stored run each (grouped by the label repeat_group), and print the median "
                        + "and spread of every figure (default ${DEFAULT-VALUE}); compare groups with 'wattiq compare'.")
                .defaultValue("1").build());
        s.addMixin(SensorOptions.MIXIN, r.sensors.spec());
        s.addMixin(SiteOptions.MIXIN, r.siteOptions.spec());
        s.addOption(CliOptions.help());
        CliOptions.Binding<List> command = CliOptions.binding(() -> r.command, v -> r.command = v);
        s.addPositional(PositionalParamSpec.builder().paramLabel("CMD").arity("0..*").type(List.class).auxiliaryTypes(String.class)
                .getter(command).setter(command).initialValue(r.command)
                .description("The command and its arguments (put them after --).").build());
        s.modelTransformer(new StopAtCommand());
        return new StopAtCommand().transform(s);
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (command.isEmpty()) throw new Errors.UserError("no command to run: put it after '--', e.g. wattiq run -- python train.py");
        Scope sc = parseScope(scope);
        Map<String, String> labels = parseLabels(labelArgs);
        if (repeat < 1) throw new Errors.UserError("--repeat must be at least 1, got " + repeat + " (e.g. --repeat 5)");
        jsonOut.check();
        SensorEnvironment env = sensors.environment(sc, 0); // validates the estimation flags before anything starts
        for (String w : sensors.warnings()) err.println("wattiq: " + w);
        // Three independent start-up costs run side by side: the site's data tables, the sensors' classes, the store.
        java.util.concurrent.CompletableFuture<Site> site = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            Site loaded = siteOptions.site();
            Bills.warmUp(loaded);
            return loaded;
        }, Thread::startVirtualThread);
        Thread warm = Thread.ofPlatform().daemon().name("wattiq-sensor-warm-up").start(() -> SensorWarmUp.run(env));
        RunStore store = noStore ? null : Stores.open(storeUrl, err);
        Site s;
        try {
            s = site.join(); // bad site flags stop the run before the command starts
            warm.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (store != null) store.close();
            throw e.getCause() instanceof RuntimeException r ? r : e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (store != null) store.close();
            throw new Errors.UserError("interrupted before the command started");
        }
        try {
            if (repeat == 1) return measure(env, sc, labels, s, store, err);
            return Repeats.run(this, repeat, labels, l -> measure(env, sc, l, s, store, err), err);
        } finally {
            if (store != null) store.close();
        }
    }

    private int measure(SensorEnvironment baseEnv, Scope sc, Map<String, String> labels, Site site, RunStore store, PrintWriter err) {
        List<SensorProvider> providers = new ArrayList<>(Sensors.discovered()); // before the child starts: less of its start is missed
        // A wall source does not need the command's pid: open it now (a BMC takes a few round trips to find its reading)
        Sensors.Selection walls = Sensors.select(baseEnv, providers.stream().filter(p -> p.covers().equals("wall")).toList());
        providers.removeIf(p -> p.covers().equals("wall"));
        Process child;
        Instant startedAt = clock.wallTime();
        String runId = RunIds.next(startedAt);
        RunControl control = RunControl.bind(runId); // WATTIQ_CONTROL: windows and work from inside the command
        long startNanos = clock.monotonicNanos();
        boolean adopted = Orphans.adopt(); // processes the command leaves behind come back to wattiq, to be named
        long reapedBefore = ExactCpu.reapedTicks(baseEnv.procfsRoot()); // the command's CPU time is what this grows by
        try {
            ProcessBuilder pb = new ProcessBuilder(command).inheritIO();
            pb.environment().putAll(control.environment());
            child = pb.start();
        } catch (IOException | RuntimeException e) {
            control.close();
            walls.sensors().forEach(dev.wattiq.meter.Sensor::close);
            err.println("wattiq: cannot run '" + command.getFirst() + "': " + startFailure(e));
            err.flush();
            return CANNOT_START;
        }
        try (control; SignalForwarder signals = SignalForwarder.install(child.pid()); Orphans orphans = Orphans.watch(child.pid(), adopted)) {
            SensorEnvironment env = baseEnv.withScope(sc, child.pid());
            Sensors.Selection components = Sensors.select(env, providers);
            List<dev.wattiq.meter.Sensor> all = new ArrayList<>(components.sensors());
            all.addAll(walls.sensors());
            List<String> skipped = new ArrayList<>(components.skipped());
            skipped.addAll(walls.skipped());
            Sensors.Selection selection = new Sensors.Selection(all, skipped);
            try (Meter meter = Meter.start(selection.sensors(), env, interval)) {
                SampleWriter pending = store == null ? null : new SampleWriter(store, FLUSH_EVERY);
                if (pending != null) meter.addListener(pending::offer);
                SampleShape shape = new SampleShape();
                meter.addListener(shape::add);
                Window window = meter.window(command.getFirst());
                long unmeteredNanos = clock.monotonicNanos() - startNanos;
                boolean exitedBeforeSensors = selection.sensors().isEmpty() && !child.isAlive();
                RunStart start = new RunStart(runId, command, startedAt, sc.label(), interval.toNanos() / 1e9, labels, job,
                        Hosts.name(), ProcessHandle.current().pid(), ProcessHandle.current().info().startInstant().orElse(null),
                        weakestMethod(meter));
                List<String> storeProblems = new ArrayList<>();
                SampleWriter writer = begin(store, start, pending, storeProblems);
                control.serve(meter, window, writer == null ? null : store, runId);
                int exit = waitFor(child);
                Duration commandTime = Duration.ofNanos(clock.monotonicNanos() - startNanos);
                RunControl.Reported reported = control.finish(); // before the run's window ends: every window lies inside it
                Measurement metered = window.end();
                long reapedAfter = ExactCpu.reapedTicks(env.procfsRoot());
                long cpuTicks = reapedBefore < 0 || reapedAfter < 0 ? -1 : reapedAfter - reapedBefore;
                long hz = ExactCpu.ticksPerSecond(env.procfsRoot());
                Measurement m = ExactCpu.charge(metered, selection.sensors(), cpuTicks, hz);
                java.util.Optional<Measurement> cpuOnly = exitedBeforeSensors && sc == Scope.PROCESS
                        ? ExactCpu.unmetered(metered, env, cpuTicks, hz) : java.util.Optional.empty();
                if (cpuOnly.isPresent()) m = cpuOnly.get();
                Instant endedAt = clock.wallTime();
                if (writer != null) writer.close();
                RunRecord record = cpuOnly.isPresent()
                        ? RunResults.cpuOnly(start, m, exit, endedAt, commandTime)
                        : RunResults.finished(start, m, selection.sensors(), selection.skipped(), exit, endedAt, commandTime, exitedBeforeSensors);
                if (!exitedBeforeSensors && (unmeteredNanos > 50_000_000L || unmeteredNanos > commandTime.toNanos() / 20)) {
                    record = record.withNote("the meter started " + millis(unmeteredNanos) + " after the command (its sensors need the"
                            + " command's pid): energy before that is not included" + (m != metered ? ", except the CPU time (from /proc at exit)" : ""));
                }
                record = withBill(record, site, m, shape).withWindows(reported.windows(), reported.work()).withLabels(reported.tags());
                for (String n : reported.notes()) record = record.withNote(n);
                if (signals.forwardedCount() > 0) record = record.withNote("forwarded " + signals.lastSignal() + " to the command");
                var survivors = orphans.survivors();
                if (survivors.isPresent()) record = record.withNote(survivors.get());
                if (writer != null && writer.dropped() > 0) {
                    record = record.withNote(writer.dropped() + " samples were not stored: the store could not keep up with --interval " + Intervals.format(interval));
                }
                if (writer != null && writer.error() != null) storeProblems.add(writer.error());
                finish(store, record, storeProblems);
                tag(store, record.runId(), reported.tags(), storeProblems);
                Summary.print(record, err, false, store != null);
                for (String p : storeProblems) err.println("wattiq: the run was not fully stored: " + p);
                RunRecord done = record;
                finished.add(record);
                if (repeat > 1) return exit; // the group's JSON is written once, after the last run
                try {
                    jsonOut.write(() -> RunJson.full(done));
                } catch (Errors.UserError e) { // checked before the command ran; if it fails now, the command's exit code still stands
                    err.println("wattiq: " + e.getMessage() + (store != null && storeProblems.isEmpty()
                            ? "; the run is in the store: wattiq show --json " + record.runId() : ""));
                }
                return exit;
            }
        } finally {
            if (child.isAlive()) child.destroy(); // only when wattiq itself failed: do not leave the command orphaned
        }
    }

    private static RunRecord withBill(RunRecord r, Site site, Measurement m, SampleShape shape) {
        if (!r.tooShort().isEmpty() && !(r.totalJoules() > 0)) {
            return r.withNote("no bill: nothing could be charged (too short), so its cost is unknown, not zero");
        }
        try {
            RunRecord billed = r.withBill(Bills.bill(site, r, m.durationSeconds(), shape.samples()));
            String note = Bills.itNote(r);
            return note == null ? billed : billed.withNote(note);
        } catch (RuntimeException e) { // LedgerException included: the run is kept, only its bill is missing
            return r.withNote("no bill: " + e.getMessage());
        }
    }

    private static String millis(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f ms", nanos / 1e6);
    }

    private static SampleWriter begin(RunStore store, RunStart start, SampleWriter writer, List<String> problems) {
        if (store == null) return null;
        try {
            store.begin(start);
        } catch (StoreException e) {
            problems.add(e.getMessage());
            return null; // its queue fills and drops: nothing is written for a run the store does not have
        }
        return writer.start(start.runId());
    }

    private static void finish(RunStore store, RunRecord record, List<String> problems) {
        if (store == null || !problems.isEmpty()) return;
        try {
            store.finish(record);
        } catch (StoreException e) {
            problems.add(e.getMessage());
        }
    }

    /** Stores the tags the command gave its run (kept with its labels, as 'wattiq runs tag' does), once the run is stored. */
    private static void tag(RunStore store, String runId, Map<String, String> tags, List<String> problems) {
        if (store == null || tags.isEmpty() || !problems.isEmpty()) return;
        try {
            store.tag(runId, tags);
        } catch (StoreException e) {
            problems.add(e.getMessage());
        }
    }

    private static int waitFor(Process child) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return child.waitFor();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    private static String weakestMethod(Meter meter) {
        String label = null;
        Method m = null;
        for (EnergyCounter c : meter.latest().counters()) {
            if (!c.isWall()) m = m == null ? c.method() : Method.weakest(m, c.method());
        }
        if (m != null) label = m.label();
        return label;
    }

    /** {@code KEY=VALUE} pairs; a later pair with the same key wins. */
    static Map<String, String> parseLabels(List<String> args) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            if (eq <= 0 || a.substring(0, eq).isBlank()) {
                throw new Errors.UserError("--label needs KEY=VALUE with a non-empty key, got '" + UserInputException.shown(a) + "' (e.g. --label model=resnet50)");
            }
            out.put(a.substring(0, eq).trim(), a.substring(eq + 1));
        }
        return out;
    }

    public static Scope parseScope(String s) {
        try {
            return Scope.parse(s);
        } catch (dev.wattiq.meter.UserInputException e) {
            throw new Errors.UserError("--scope: " + e.getMessage());
        }
    }

    static String startFailure(Exception e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        java.util.regex.Matcher errno = java.util.regex.Pattern.compile("error[=:]\\s*\\d+,?\\s*\\(?([^()]*)\\)?\\s*$").matcher(m);
        if (errno.find() && !errno.group(1).isBlank()) m = errno.group(1).trim();
        String hint = m.contains("No such file") ? " (check the name, or give its path; PATH is searched)"
                : m.contains("Permission denied") ? " (is it executable? chmod +x it)" : "";
        return m + hint;
    }

    /** Options stop at the command's name, so {@code wattiq run python -u x.py} works without {@code --}. */
    public static final class StopAtCommand implements picocli.CommandLine.IModelTransformer {
        @Override
        public picocli.CommandLine.Model.CommandSpec transform(picocli.CommandLine.Model.CommandSpec spec) {
            spec.parser().stopAtPositional(true);
            return spec;
        }
    }
}
