package dev.wattiq.meter.gpu;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A vendor library's symbols, looked up once; a missing one is remembered as absent (a capability, not an error).
 * NVML and AMD SMI are bound through one each. The symbols live as long as the arena the library was loaded in.
 * Thread-safe.
 */
public final class NativeSymbols {
    private final Arena arena;
    private final SymbolLookup lookup;
    private final String library;
    private final ConcurrentHashMap<String, Optional<MemorySegment>> addresses = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, MethodHandle> handles = new ConcurrentHashMap<>();

    /**
     * @param arena   the arena {@code lookup} loaded the library in
     * @param library how a missing symbol's error names the library, e.g. {@code the library} or its file
     */
    public NativeSymbols(Arena arena, SymbolLookup lookup, String library) {
        this.arena = arena;
        this.lookup = lookup;
        this.library = library;
    }

    /** Unloads the library (closes its arena): no symbol may be called after. */
    public void unload() {
        arena.close();
    }

    public boolean has(String name) {
        return addresses.computeIfAbsent(name, lookup::find).isPresent();
    }

    /** The downcall handle of a symbol that {@link #has exists}. */
    public MethodHandle handle(String name, FunctionDescriptor fd) {
        return handles.computeIfAbsent(name, n -> Linker.nativeLinker().downcallHandle(
                addresses.computeIfAbsent(n, lookup::find).orElseThrow(() -> new IllegalStateException(n + " is not in " + library)), fd));
    }

    /** Calls {@code fn}, a function returning a status code; a failure inside native code is an IllegalStateException. */
    public int invoke(String fn, FunctionDescriptor fd, Object... args) {
        try {
            return (int) handle(fn, fd).invokeWithArguments(args);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(fn + " failed in native code", t);
        }
    }
}
