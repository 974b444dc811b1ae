package dev.wattiq.app.lab;

import dev.wattiq.app.cli.JsonCommand;
import dev.wattiq.app.cli.CliOptions;
import dev.wattiq.app.cli.Terminal;
import dev.wattiq.app.output.OutputFile;
import dev.wattiq.meter.Scope;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code wattiq demo}: every experiment of the article, measured, priced and stored, then one table with the
 * Pareto-optimal rows marked and the recommended balance between energy and quality.
 */
@Command(name = "demo", modelTransformer = CliOptions.SharedGroups.class, mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run the article's experiments end to end and show where energy and quality balance.")
public final class DemoCommand extends JsonCommand.Metered {
    @Option(names = "--quick", description = "Shorter set: " + DemoRequest.QUICK_STEPS + " steps, a coarser pruning sweep, every configuration measured "
            + DemoRequest.QUICK_REPEATS + " times (in passes over the set); under a minute on two cores (full: " + DemoRequest.FULL_STEPS + " steps, " + DemoRequest.FULL_REPEATS + " times).")
    boolean quick;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write an HTML report with a chart of energy against quality.")
    Path html;

    @Option(names = "--tolerance", paramLabel = "R2", defaultValue = "0",
            description = "Quality the recommendation may give up for less energy, in R², beyond the test-set error (default: "
                    + "${DEFAULT-VALUE}: the same quality only).")
    double tolerance;

    @Mixin
    LabOptions lab;

    @Override
    public Integer call() {
        DemoRequest request = DemoRequest.of(quick, tolerance, lab::config, lab.warmUp(), lab.store());
        jsonOut.check();
        if (html != null) OutputFile.checkWritable("--html", html);
        // the sensors and the site, both validated before the warm-up spends seconds
        DemoResult r = DemoResult.of(request, sensors.environment(Scope.PROCESS, ProcessHandle.current().pid()), site.site(),
                Terminal.stderr() ? LabText.bar(err()) : LabText.lines(err())); // a bar on a terminal, lines in a log
        LabText.demo(out(), err(), r);
        jsonOut.write(() -> LabJson.demo(r));
        if (html != null) OutputFile.write("--html", html, DemoHtml.render(r.trials(), r.balance(), r.notes()));
        out().flush();
        return 0;
    }
}
