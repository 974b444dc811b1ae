package dev.wattiq.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code wattiq} command line. The only place in WattIQ that exits the process: every subcommand returns an
 * exit code, and user mistakes become one-line messages (see {@link Errors}).
 */
@Command(name = "wattiq",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Measure, model and tune the energy, cost and CO2e of ML workloads.",
        footer = "%nRun 'wattiq COMMAND --help' for a command's options.")
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /**
     * The subcommands, in the order {@code wattiq --help} lists them. Picocli builds a command's model by reflection
     * over every option of every subcommand it is given; building all of them cost more than half of a
     * {@code wattiq run} start-up, so {@link #commandLine(String...)} registers only the one a command line names.
     */
    static final java.util.List<Class<?>> SUBCOMMANDS = java.util.List.of(
            RunCommand.class,
            RunsCommand.class,
            ShowCommand.class,
            DevicesCommand.class,
            DemoCommand.class,
            LabCommand.class,
            PlanCommand.class,
            TuneCommand.class,
            ScheduleCommand.class,
            ServeCommand.class,
            ReportCommand.class);

    /** Runs the CLI and returns the exit code (tests call this instead of {@link #main}). */
    public static int execute(String... args) {
        return commandLine(args).execute(args);
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
        CommandLine cl = new CommandLine(new Main());
        String first = null;
        for (String a : args) {
            if (!a.startsWith("-")) {
                first = a;
                break;
            }
        }
        Class<?> only = null;
        for (Class<?> c : SUBCOMMANDS) {
            if (c.getAnnotation(Command.class).name().equals(first)) only = c;
        }
        boolean versionOnly = args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"));
        if (only != null) {
            cl.addSubcommand(only);
        } else if (!versionOnly) {
            cl.addSubcommand(new CommandLine.HelpCommand());
            for (Class<?> c : SUBCOMMANDS) cl.addSubcommand(c);
        }
        // addSubcommand re-initialises a subcommand's parser from ours: re-apply what a command's model transformer
        // set (e.g. run's "options stop at the command's name").
        for (CommandLine sub : cl.getSubcommands().values()) {
            CommandLine.IModelTransformer t = sub.getCommandSpec().modelTransformer();
            if (t != null) t.transform(sub.getCommandSpec());
        }
        return Errors.configure(cl);
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
