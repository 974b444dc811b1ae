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
        subcommands = {
                CommandLine.HelpCommand.class,
                RunCommand.class,
                RunsCommand.class,
                ShowCommand.class,
                ServeCommand.class,
                ReportCommand.class,
                PlanCommand.class,
                LabCommand.class,
                DemoCommand.class,
                TuneCommand.class,
                ScheduleCommand.class,
                DevicesCommand.class,
        })
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the CLI and returns the exit code (tests call this instead of {@link #main}). */
    public static int execute(String... args) {
        return Errors.configure(new CommandLine(new Main())).execute(args);
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
