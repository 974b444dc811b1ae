package dev.wattiq.app.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The base of an annotated command that writes its result as JSON ({@code --json-out}, {@link JsonOut}): its streams
 * come from its picocli spec. Subclasses name {@link CliOptions.SharedGroups} as their model transformer.
 */
public abstract class JsonCommand implements Callable<Integer>, JsonOut.Holder {
    protected final JsonOut jsonOut = new JsonOut();
    @Spec
    protected CommandSpec spec;

    @Override
    public final JsonOut jsonOut() {
        return jsonOut;
    }

    protected final PrintWriter out() {
        return spec.commandLine().getOut();
    }

    protected final PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** A command that also takes the site options ({@link SiteOptions}): it bills what it computes. */
    public abstract static class Sited extends JsonCommand implements SiteOptions.Holder {
        protected final SiteOptions site = new SiteOptions();

        @Override
        public final SiteOptions siteOptions() {
            return site;
        }
    }

    /** A command that measures ({@link SensorOptions}) what it runs but bills nothing ({@code lab serve}). */
    public abstract static class Sensed extends JsonCommand implements SensorOptions.Holder {
        protected final SensorOptions sensors = new SensorOptions();

        @Override
        public final SensorOptions sensorOptions() {
            return sensors;
        }
    }

    /** A command that also measures ({@link SensorOptions}) what it runs, and bills it. */
    public abstract static class Metered extends Sited implements SensorOptions.Holder {
        protected final SensorOptions sensors = new SensorOptions();

        @Override
        public final SensorOptions sensorOptions() {
            return sensors;
        }
    }
}
