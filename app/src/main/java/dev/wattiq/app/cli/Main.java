package dev.wattiq.app.cli;

import dev.wattiq.app.lab.DemoCommand;
import dev.wattiq.app.lab.LabCommand;
import dev.wattiq.app.plan.PlanCommand;
import dev.wattiq.app.run.CalibrateCommand;
import dev.wattiq.app.run.DevicesCommand;
import dev.wattiq.app.run.RunCommand;
import dev.wattiq.app.runs.CompareCommand;
import dev.wattiq.app.runs.ReportCommand;
import dev.wattiq.app.runs.RunsCommand;
import dev.wattiq.app.runs.ShowCommand;
import dev.wattiq.app.serve.ServeCommand;
import dev.wattiq.app.store.SqliteRunStore;
import dev.wattiq.app.tune.ScheduleCommand;
import dev.wattiq.app.tune.TuneCommand;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The {@code wattiq} command line. The only place in WattIQ that exits the process: every subcommand returns an
 * exit code, and user mistakes become one-line messages (see {@link Errors}).
 */
public final class Main implements Runnable {
    private CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** A subcommand: its name, and its model (an annotated command object, or a spec declared in code). */
    record Subcommand(String name, Supplier<Object> model) {
    }

    /**
     * The subcommands, in the order {@code wattiq --help} lists them. Picocli builds a command's model by reflection
     * over every option of every subcommand it is given; building all of them cost more than half of a
     * {@code wattiq run} start-up, so {@link #commandLine(String...)} registers only the one a command line names
     * (MainTest checks each name against the command's own).
     */
    static final List<Subcommand> SUBCOMMANDS = List.of(
            new Subcommand(RunCommand.NAME, RunCommand::spec),
            new Subcommand("runs", RunsCommand::new),
            new Subcommand("show", ShowCommand::new),
            new Subcommand("compare", CompareCommand::new),
            new Subcommand("devices", DevicesCommand::new),
            new Subcommand("calibrate", CalibrateCommand::new),
            new Subcommand("demo", DemoCommand::new),
            new Subcommand("lab", LabCommand::spec),
            new Subcommand("plan", PlanCommand::new),
            new Subcommand("tune", TuneCommand::new),
            new Subcommand("schedule", ScheduleCommand::new),
            new Subcommand("serve", ServeCommand::new),
            new Subcommand("report", ReportCommand::new));

    private static final Set<String> STORE_COMMANDS = Set.of("run", "runs", "show", "compare", "report", "serve");

    /** Runs the CLI and returns the exit code (tests call this instead of {@link #main}). */
    public static int execute(String... args) {
        if (opensLocalStore(args)) Thread.ofPlatform().daemon().name("wattiq-store-preload").start(SqliteRunStore::preload);
        CommandLine cl = commandLine(args);
        return cl.execute(args);
    }

    /**
     * Whether {@code args} name a command that opens the SQLite store: its native library and driver then load on a
     * second thread while the command line is parsed (start-up, docs/run.md).
     */
    static boolean opensLocalStore(String... args) {
        String first = firstCommand(args);
        if (first == null || !STORE_COMMANDS.contains(first)) return false;
        for (String a : args) {
            if (a.equals("--")) break;
            if (a.equals("--no-store") || a.equals("--store") || a.startsWith("--store=")) return false;
        }
        return true;
    }

    private static String firstCommand(String... args) {
        for (String a : args) {
            if (!a.startsWith("-")) return a;
        }
        return null;
    }

    /** The configured CLI with every subcommand (for tests and in-process callers). */
    public static CommandLine commandLine() {
        return commandLine(new String[0]);
    }

    /**
     * The configured CLI for {@code args}: only the subcommand that {@code args} names when it names one, so that
     * start-up stays quick; every subcommand otherwise (help, usage, a mistyped name with suggestions).
     */
    public static CommandLine commandLine(String... args) {
        CommandLine cl = new CommandLine(rootSpec());
        String first = firstCommand(args);
        Subcommand only = null;
        for (Subcommand c : SUBCOMMANDS) {
            if (c.name().equals(first)) only = c;
        }
        boolean versionOnly = args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"));
        if (only != null) {
            cl.addSubcommand(only.name(), new CommandLine(only.model().get()));
        } else if (!versionOnly) {
            cl.addSubcommand(new CommandLine.HelpCommand());
            for (Subcommand c : SUBCOMMANDS) cl.addSubcommand(c.name(), new CommandLine(c.model().get()));
        }
        // Each subcommand is built on its own first (picocli applies the model transformers of nested subcommands, which
        // add the shared option groups, only then); addSubcommand re-initialises the parsers from ours, so the
        // transformers run again (e.g. run's "options stop at the command's name"; adding a group is idempotent).
        reapplyTransformers(cl);
        return Errors.configure(cl);
    }

    private static void reapplyTransformers(CommandLine c) {
        for (CommandLine sub : c.getSubcommands().values()) {
            CommandLine.IModelTransformer t = sub.getCommandSpec().modelTransformer();
            if (t != null) t.transform(sub.getCommandSpec());
            reapplyTransformers(sub);
        }
    }

    /** The {@code wattiq} command itself, declared in code (see {@link CliOptions}). */
    private static CommandSpec rootSpec() {
        Main main = new Main();
        CommandSpec s = CommandSpec.wrapWithoutInspection(main).name("wattiq").versionProvider(new Version());
        main.spec = s;
        s.usageMessage().description("Measure, model and tune the energy, cost and CO2e of ML workloads.")
                .footer("%nRun 'wattiq COMMAND --help' for a command's options.");
        s.addOption(CliOptions.help());
        s.addOption(CliOptions.version());
        return s;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"wattiq " + (v == null ? "dev" : v) + " (Java " + Runtime.version() + ")"};
        }
    }
}
