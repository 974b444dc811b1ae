package dev.wattiq.meter.nvml;

import dev.wattiq.meter.gpu.GpuBinding;
import dev.wattiq.meter.gpu.NativeSymbols;
import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.wattiq.meter.nvml.NvmlTypes.ComputeProcess;
import dev.wattiq.meter.nvml.NvmlTypes.Memory;
import dev.wattiq.meter.nvml.NvmlTypes.PowerLimitRange;
import dev.wattiq.meter.nvml.NvmlTypes.ProcessSample;
import dev.wattiq.meter.nvml.NvmlTypes.Utilization;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The NVIDIA Management Library, bound with {@code java.lang.foreign} (no JNA, no nvidia-smi). Signatures and
 * struct layouts are those of nvml.h; units are NVML's (milliwatts, millijoules, bytes) and named in each method.
 * A query the device or the library cannot answer (NVML_ERROR_NOT_SUPPORTED, a symbol the library lacks) returns
 * an empty optional: ask for the capability, never catch "unsupported". Every other failure is an
 * {@link NvmlException} whose message names the fix. Thread-safe: NVML itself is.
 */
public final class Nvml extends GpuBinding<NvmlException> {
    /** The library the NVIDIA driver installs. */
    public static final String DEFAULT_LIBRARY = "libnvidia-ml.so.1";
    /** NVML_DEVICE_NAME_V2_BUFFER_SIZE and NVML_DEVICE_UUID_V2_BUFFER_SIZE. */
    private static final int STRING_BUFFER = 96;

    private static final FunctionDescriptor INT_OF_VOID = FunctionDescriptor.of(JAVA_INT);
    private static final FunctionDescriptor INT_OF_PTR = FunctionDescriptor.of(JAVA_INT, ADDRESS);
    private static final FunctionDescriptor INT_OF_PTR_PTR = FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS);
    static final FunctionDescriptor INT_OF_PTR_PTR_PTR = FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS);

    /** One GPU as NVML addresses it: an index and an opaque {@code nvmlDevice_t}. */
    public record Device(int index, MemorySegment handle) {
        /** WattIQ's device id, {@code gpu-N}. */
        public String id() {
            return "gpu-" + index;
        }
    }

    private Nvml(String library, NativeSymbols symbols) {
        super(library, symbols, "nvmlShutdown", NvmlError::of);
    }

    /**
     * Loads the library ({@code libnvidia-ml.so.1} from the loader's search path when {@code library} is empty)
     * and initialises NVML ({@code nvmlInit_v2}).
     */
    public static Nvml open(Optional<Path> library) throws NvmlException {
        String name = library.map(Path::toString).orElse(DEFAULT_LIBRARY);
        if (library.isPresent() && !Files.isRegularFile(library.get())) {
            throw new NvmlException.LibraryNotLoadable("NVML library " + name + " not found: check the --nvml-library path,"
                    + " or leave it out to use the driver's " + DEFAULT_LIBRARY);
        }
        Arena arena = Arena.ofShared();
        SymbolLookup lookup;
        try {
            lookup = library.isPresent() ? SymbolLookup.libraryLookup(library.get(), arena) : SymbolLookup.libraryLookup(name, arena);
        } catch (IllegalArgumentException e) {
            arena.close();
            throw new NvmlException.LibraryNotLoadable("cannot load NVML library " + name + " (" + e.getMessage()
                    + "): install the NVIDIA driver, or pass --nvml-library PATH");
        }
        NativeSymbols symbols = new NativeSymbols(arena, lookup, "the library");
        for (String required : List.of("nvmlInit_v2", "nvmlShutdown", "nvmlDeviceGetCount_v2", "nvmlDeviceGetHandleByIndex_v2")) {
            if (!symbols.has(required)) {
                arena.close();
                throw new NvmlException.LibraryNotLoadable(name + " is not a usable NVML library: it lacks " + required
                        + "; pass the driver's " + DEFAULT_LIBRARY + " with --nvml-library");
            }
        }
        Nvml nvml = new Nvml(name, symbols);
        nvml.init("nvmlInit_v2", INT_OF_VOID);
        return nvml;
    }

    /** NVML's text for a return code ({@code nvmlErrorString}). */
    public String errorString(int code) {
        if (!has("nvmlErrorString")) return "NVML error " + code;
        try {
            MemorySegment s = (MemorySegment) symbols().handle("nvmlErrorString", FunctionDescriptor.of(ADDRESS, JAVA_INT)).invokeExact(code);
            return s.equals(MemorySegment.NULL) ? "NVML error " + code : s.reinterpret(4096).getString(0);
        } catch (Throwable t) {
            throw new IllegalStateException("nvmlErrorString crashed", t);
        }
    }

    /** Number of GPUs NVML can see ({@code nvmlDeviceGetCount_v2}). */
    public int deviceCount() throws NvmlException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment n = a.allocate(JAVA_INT);
            check("nvmlDeviceGetCount_v2", invoke("nvmlDeviceGetCount_v2", INT_OF_PTR, n), "");
            return n.get(JAVA_INT, 0);
        }
    }

    /** The GPU at {@code index} ({@code nvmlDeviceGetHandleByIndex_v2}). */
    public Device device(int index) throws NvmlException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment h = a.allocate(ADDRESS);
            check("nvmlDeviceGetHandleByIndex_v2",
                    invoke("nvmlDeviceGetHandleByIndex_v2", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS), index, h), "gpu-" + index);
            return new Device(index, h.get(ADDRESS, 0));
        }
    }

    /** Product name, e.g. {@code NVIDIA H100 80GB HBM3}; empty when NVML cannot tell. */
    public Optional<String> name(Device d) throws NvmlException {
        return string(d, "nvmlDeviceGetName");
    }

    /** The GPU's UUID, e.g. {@code GPU-2f6e...}; empty when NVML cannot tell. */
    public Optional<String> uuid(Device d) throws NvmlException {
        return string(d, "nvmlDeviceGetUUID");
    }

    /** Frame-buffer memory in bytes ({@code nvmlDeviceGetMemoryInfo}). */
    public Optional<Memory> memory(Device d) throws NvmlException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment m = a.allocate(NvmlLayouts.MEMORY);
            if (!supported(d.id(), "nvmlDeviceGetMemoryInfo", INT_OF_PTR_PTR, d.handle(), m)) return Optional.empty();
            return Optional.of(new Memory(m.get(JAVA_LONG, 0), m.get(JAVA_LONG, 8), m.get(JAVA_LONG, 16)));
        }
    }

    /** Board power in milliwatts ({@code nvmlDeviceGetPowerUsage}); a ~1 s average on recent GPUs. */
    public OptionalLong powerMilliwatts(Device d) throws NvmlException {
        return unsignedInt(d, "nvmlDeviceGetPowerUsage");
    }

    /** The power limit the GPU enforces, in milliwatts ({@code nvmlDeviceGetEnforcedPowerLimit}). */
    public OptionalLong enforcedPowerLimitMilliwatts(Device d) throws NvmlException {
        return unsignedInt(d, "nvmlDeviceGetEnforcedPowerLimit");
    }

    /** The range an administrator may set the power limit in ({@code nvmlDeviceGetPowerManagementLimitConstraints}). */
    public Optional<PowerLimitRange> powerLimitRange(Device d) throws NvmlException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment min = a.allocate(JAVA_INT);
            MemorySegment max = a.allocate(JAVA_INT);
            if (!supported(d.id(), "nvmlDeviceGetPowerManagementLimitConstraints", INT_OF_PTR_PTR_PTR, d.handle(), min, max)) {
                return Optional.empty();
            }
            return Optional.of(new PowerLimitRange(Integer.toUnsignedLong(min.get(JAVA_INT, 0)), Integer.toUnsignedLong(max.get(JAVA_INT, 0))));
        }
    }

    /**
     * Energy since the driver was loaded, in millijoules ({@code nvmlDeviceGetTotalEnergyConsumption}, Volta and
     * newer; updated about every 100 ms). Empty on older GPUs and drivers: integrate {@link #powerMilliwatts} instead.
     */
    public OptionalLong totalEnergyMillijoules(Device d) throws NvmlException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment e = a.allocate(JAVA_LONG);
            if (!supported(d.id(), "nvmlDeviceGetTotalEnergyConsumption", INT_OF_PTR_PTR, d.handle(), e)) return OptionalLong.empty();
            return OptionalLong.of(e.get(JAVA_LONG, 0));
        }
    }

    /** GPU and memory utilisation over NVML's last sample period ({@code nvmlDeviceGetUtilizationRates}). */
    public Optional<Utilization> utilization(Device d) throws NvmlException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment u = a.allocate(NvmlLayouts.UTILIZATION);
            if (!supported(d.id(), "nvmlDeviceGetUtilizationRates", INT_OF_PTR_PTR, d.handle(), u)) return Optional.empty();
            return Optional.of(new Utilization(u.get(JAVA_INT, 0), u.get(JAVA_INT, 4)));
        }
    }

    /** MIG mode (1 enabled, 0 disabled) of {@code nvmlDeviceGetMigMode}; empty on GPUs without MIG. */
    public OptionalInt migMode(Device d) throws NvmlException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment cur = a.allocate(JAVA_INT);
            MemorySegment pending = a.allocate(JAVA_INT);
            if (!supported(d.id(), "nvmlDeviceGetMigMode", INT_OF_PTR_PTR_PTR, d.handle(), cur, pending)) return OptionalInt.empty();
            return OptionalInt.of(cur.get(JAVA_INT, 0));
        }
    }

    /** Processes with a compute context on the GPU ({@code nvmlDeviceGetComputeRunningProcesses_v3}). */
    public Optional<List<ComputeProcess>> computeProcesses(Device d) throws NvmlException {
        return NvmlProcesses.running(this, d);
    }

    /**
     * Per-process utilisation samples newer than {@code lastSeenMicros} (NVML's CPU timestamp in microseconds;
     * 0 for all it holds) from {@code nvmlDeviceGetProcessUtilization}. An empty list when there are none yet;
     * empty optional where the GPU or the library cannot sample processes (e.g. MIG mode, old drivers).
     */
    public Optional<List<ProcessSample>> processSamples(Device d, long lastSeenMicros) throws NvmlException {
        return NvmlProcesses.samples(this, d, lastSeenMicros);
    }

    private Optional<String> string(Device d, String fn) throws NvmlException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment buf = a.allocate(STRING_BUFFER);
            FunctionDescriptor fd = FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT);
            if (!supported(d.id(), fn, fd, d.handle(), buf, STRING_BUFFER)) return Optional.empty();
            return Optional.of(buf.getString(0));
        }
    }

    private OptionalLong unsignedInt(Device d, String fn) throws NvmlException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment v = a.allocate(JAVA_INT);
            if (!supported(d.id(), fn, INT_OF_PTR_PTR, d.handle(), v)) return OptionalLong.empty();
            return OptionalLong.of(Integer.toUnsignedLong(v.get(JAVA_INT, 0)));
        }
    }

    @Override
    protected NvmlException failure(String fn, int rc, String subject) {
        return NvmlException.of(fn, rc, errorString(rc), subject);
    }

    /** For {@link NvmlProcesses}: {@link #invoke}. */
    int call(String fn, FunctionDescriptor fd, Object... args) {
        return invoke(fn, fd, args);
    }
}
