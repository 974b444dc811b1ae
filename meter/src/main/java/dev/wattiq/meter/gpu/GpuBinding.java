package dev.wattiq.meter.gpu;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import dev.wattiq.meter.SensorException;
import java.lang.foreign.FunctionDescriptor;
import java.util.function.IntFunction;

/**
 * What the NVML and AMD SMI bindings share: the loaded library and its symbols, initialising it, calling a function
 * that returns a status code, telling "cannot do that" (an empty answer) from a failure ({@code X}, with the vendor's
 * text and fix), and shutting down once.
 *
 * @param <X> the vendor's exception for a failed call
 */
public abstract class GpuBinding<X extends SensorException> implements GpuLibrary {
    private final String library;
    private final NativeSymbols symbols;
    private final String shutdown;
    private final IntFunction<? extends GpuStatus> status;
    private boolean open = true;

    /**
     * @param library  the library as given (a path or the default name)
     * @param shutdown the library's shutdown function, {@code int (void)}
     * @param status   the vendor's constant for a return code
     */
    protected GpuBinding(String library, NativeSymbols symbols, String shutdown, IntFunction<? extends GpuStatus> status) {
        this.library = library;
        this.symbols = symbols;
        this.shutdown = shutdown;
        this.status = status;
    }

    /**
     * Initialises the library ({@code fn}, for {@code open}); where that fails, unloads it and throws the failure.
     */
    protected final void init(String fn, FunctionDescriptor fd, Object... args) throws X {
        int rc = invoke(fn, fd, args);
        if (rc != 0) {
            X e = failure(fn, rc, "");
            symbols.unload();
            throw e;
        }
    }

    /** The library as given (a path or the default name). */
    @Override
    public final String library() {
        return library;
    }

    /** Whether the library exports {@code symbol} (an older driver or library lacks newer functions). */
    public final boolean has(String symbol) {
        return symbols.has(symbol);
    }

    protected final NativeSymbols symbols() {
        return symbols;
    }

    /** The exception for {@code fn} having returned {@code rc}; {@code subject} is what was asked about, or empty. */
    protected abstract X failure(String fn, int rc, String subject);

    protected final int invoke(String fn, FunctionDescriptor fd, Object... args) {
        return symbols.invoke(fn, fd, args);
    }

    protected final void check(String fn, int rc, String subject) throws X {
        if (rc != 0) throw failure(fn, rc, subject);
    }

    /** Calls {@code fn} about {@code subject}; false when the library lacks it or the GPU does not support it; throws on failure. */
    protected final boolean supported(String subject, String fn, FunctionDescriptor fd, Object... args) throws X {
        if (!has(fn)) return false;
        int rc = invoke(fn, fd, args);
        if (status.apply(rc).meansCapabilityAbsent()) return false;
        check(fn, rc, subject);
        return true;
    }

    /** Shuts the library down and unloads it. Idempotent. */
    @Override
    public final synchronized void close() {
        if (!open) return;
        open = false;
        invoke(shutdown, FunctionDescriptor.of(JAVA_INT));
        symbols.unload();
    }
}
