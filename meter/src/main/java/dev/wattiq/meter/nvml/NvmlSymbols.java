package dev.wattiq.meter.nvml;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The library's symbols, looked up once; a missing one is remembered as absent (a capability, not an error). */
final class NvmlSymbols {
    private final SymbolLookup lookup;
    private final ConcurrentHashMap<String, Optional<MemorySegment>> addresses = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, MethodHandle> handles = new ConcurrentHashMap<>();

    NvmlSymbols(SymbolLookup lookup) {
        this.lookup = lookup;
    }

    boolean has(String name) {
        return addresses.computeIfAbsent(name, lookup::find).isPresent();
    }

    /** The downcall handle of a symbol that {@link #has exists}. */
    MethodHandle handle(String name, FunctionDescriptor fd) {
        return handles.computeIfAbsent(name, n -> Linker.nativeLinker().downcallHandle(
                addresses.computeIfAbsent(n, lookup::find).orElseThrow(() -> new IllegalStateException(n + " is not in the library")), fd));
    }
}
