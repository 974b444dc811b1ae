package dev.wattiq.app.cli;

import java.util.function.Consumer;
import java.util.function.Supplier;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Options declared in code, for the commands on the start-up path ({@code wattiq} itself, {@code run}) and the
 * option groups every command shares ({@link SensorOptions}, {@link SiteOptions}). Annotated commands cost picocli
 * a reflective scan and the JDK a generated proxy class per annotation type (about 100 ms of a cold
 * {@code wattiq run}, docs/run.md); options built here are bound to a getter and a setter instead.
 */
public final class CliOptions {
    private CliOptions() {
    }

    /** An option with one parameter of {@code type}, read and written through {@code get} and {@code set}. */
    public static <V> OptionSpec.Builder option(String name, String label, Class<V> type, Supplier<V> get, Consumer<V> set, String description) {
        Binding<V> b = new Binding<>(get, set);
        // the field's value now is its value when the option is absent (picocli resets to it before each parse)
        return OptionSpec.builder(name).paramLabel(label).type(type).getter(b).setter(b).initialValue(get.get()).description(description);
    }

    /** A getter and setter for a positional parameter (or any argument built by hand). */
    public static <V> Binding<V> binding(Supplier<V> get, Consumer<V> set) {
        return new Binding<>(get, set);
    }

    /** A flag (no parameter). */
    public static OptionSpec flag(String name, Supplier<Boolean> get, Consumer<Boolean> set, String description) {
        Binding<Boolean> b = new Binding<>(get, set);
        return OptionSpec.builder(name).arity("0").type(boolean.class).getter(b).setter(b).initialValue(get.get()).description(description).build();
    }

    /** {@code -h, --help}, as picocli's standard help options word it. */
    public static OptionSpec help() {
        return OptionSpec.builder("-h", "--help").usageHelp(true).description("Show this help message and exit.").build();
    }

    /** {@code -V, --version}, as picocli's standard help options word it. */
    public static OptionSpec version() {
        return OptionSpec.builder("-V", "--version").versionHelp(true).description("Print version information and exit.").build();
    }

    /**
     * The model transformer of the annotated commands that take the shared option groups: adds {@link SensorOptions},
     * {@link SiteOptions} and {@link JsonOut} as mixins when the command object holds them (once, however often it is applied).
     */
    public static final class SharedGroups implements IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            Object cmd = spec.userObject();
            if (cmd instanceof SensorOptions.Holder h && !spec.mixins().containsKey(SensorOptions.MIXIN)) {
                spec.addMixin(SensorOptions.MIXIN, h.sensorOptions().spec());
            }
            if (cmd instanceof SiteOptions.Holder h && !spec.mixins().containsKey(SiteOptions.MIXIN)) {
                spec.addMixin(SiteOptions.MIXIN, h.siteOptions().spec());
            }
            if (cmd instanceof JsonOut.Holder h && !spec.mixins().containsKey(JsonOut.MIXIN)) {
                spec.addMixin(JsonOut.MIXIN, h.jsonOut().spec());
            }
            return spec;
        }
    }

    /** Picocli's getter and setter over a field of ours (generic methods: no lambda can implement them). */
    public static final class Binding<V> implements IGetter, ISetter {
        private final Supplier<V> get;
        private final Consumer<V> set;

        Binding(Supplier<V> get, Consumer<V> set) {
            this.get = get;
            this.set = set;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T get() {
            return (T) get.get();
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T set(T value) {
            T old = (T) get.get();
            set.accept((V) value);
            return old;
        }
    }
}
