package dev.wattiq.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code wattiq lab}: the article's experiments, each run under the meter. Prints usage when called alone. */
@Command(name = "lab",
        mixinStandardHelpOptions = true,
        description = "Run the article's experiments under the meter.",
        subcommands = {
                LabServeCommand.class,
        })
public final class LabCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }
}
