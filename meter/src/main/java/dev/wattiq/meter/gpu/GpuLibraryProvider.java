package dev.wattiq.meter.gpu;

import dev.wattiq.meter.Sensor;
import dev.wattiq.meter.SensorEnvironment;
import dev.wattiq.meter.SensorException;
import dev.wattiq.meter.SensorProvider;
import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Provides a vendor's GPU sensor where its library can be loaded: the one the user names (then a failure to load is
 * reported by opening, never hidden), else the first of the default names the loader finds (a name, or an absolute
 * path). Without the library the provider is silently unavailable.
 */
public abstract class GpuLibraryProvider extends SensorProvider.Base {
    /** Opens the sensor on the library given ({@code empty}: the default). */
    @FunctionalInterface
    protected interface Opener {
        Sensor open(Optional<Path> library, SensorEnvironment env) throws SensorException;
    }

    private final Function<SensorEnvironment, Optional<Path>> given;
    private final List<String> defaults;
    private final Opener opener;

    /**
     * @param given    the library the user named in the environment
     * @param defaults the library names (or absolute paths) tried in turn otherwise
     */
    protected GpuLibraryProvider(String name, int priority, String covers, Function<SensorEnvironment, Optional<Path>> given,
                                 List<String> defaults, Opener opener) {
        super(name, priority, covers);
        this.given = given;
        this.defaults = List.copyOf(defaults);
        this.opener = opener;
    }

    @Override
    public final boolean isAvailable(SensorEnvironment env) {
        if (given.apply(env).isPresent()) return true; // asked for explicitly: a failure to load must be reported
        for (String library : defaults) {
            try (Arena a = Arena.ofConfined()) {
                if (library.startsWith("/")) SymbolLookup.libraryLookup(Path.of(library), a);
                else SymbolLookup.libraryLookup(library, a);
                return true;
            } catch (IllegalArgumentException | IllegalCallerException e) {
                // not here: the next
            }
        }
        return false;
    }

    @Override
    public final Sensor open(SensorEnvironment env) throws SensorException {
        return opener.open(given.apply(env), env);
    }
}
