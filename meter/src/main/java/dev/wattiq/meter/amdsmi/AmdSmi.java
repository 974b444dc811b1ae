package dev.wattiq.meter.amdsmi;

import dev.wattiq.meter.gpu.GpuBinding;
import dev.wattiq.meter.gpu.NativeSymbols;
import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * AMD SMI ({@code libamd_smi.so}, ROCm's management library), bound with {@code java.lang.foreign} as NVML is: no
 * amd-smi parsing, nothing beyond ROCm. Names, signatures, structs and status codes are those of amdsmi.h; units are
 * AMD SMI's and named in each method. A query the GPU or library cannot answer (AMDSMI_STATUS_NOT_SUPPORTED, a
 * function the library lacks) returns an empty optional: ask for the capability, never catch "unsupported".
 */
public final class AmdSmi extends GpuBinding<AmdSmiException> {
    /** The library ROCm installs (on the loader's path, or under /opt/rocm/lib). */
    public static final String DEFAULT_LIBRARY = "libamd_smi.so";
    static final String ROCM_LIBRARY = "/opt/rocm/lib/libamd_smi.so";
    /** {@code AMDSMI_INIT_AMD_GPUS}. */
    static final long INIT_AMD_GPUS = 1L << 1;
    /** {@code AMDSMI_PROCESSOR_TYPE_AMD_GPU}. */
    static final int PROCESSOR_TYPE_AMD_GPU = 1;
    /** {@code AMDSMI_MEM_TYPE_VRAM}. */
    static final int MEM_TYPE_VRAM = 0;
    private static final long U32_MAX = 0xFFFFFFFFL;

    private static final FunctionDescriptor INT_OF_PTR_PTR = FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS);
    private static final FunctionDescriptor INT_OF_PTR_INT_PTR = FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, ADDRESS);

    /** One AMD GPU as AMD SMI addresses it: WattIQ's index (enumeration order) and an opaque processor handle. */
    public record Gpu(int index, MemorySegment handle) {
        /** WattIQ's device id, {@code amd-gpu-N}. */
        public String id() {
            return "amd-gpu-" + index;
        }
    }

    /** {@code amdsmi_get_energy_count}: the accumulator, its resolution in µJ per count, and the reading's time in ns. */
    public record EnergyCount(long accumulator, float resolutionMicroJoules, long timestampNanos) {
        /** The accumulator in microjoules, rounded (the accumulator times its resolution). */
        public long microJoules() {
            double counts = accumulator >= 0 ? accumulator : accumulator + 0x1p64; // uint64_t
            return Math.round(counts * resolutionMicroJoules);
        }
    }

    /** A power reading in watts and which {@code amdsmi_power_info_t} field it came from. */
    public record Power(long watts, String field) {
    }

    /** {@code amdsmi_power_cap_info_t}, converted from µW to W. */
    public record PowerCap(double capWatts, double minWatts, double maxWatts) {
    }

    /** One {@code amdsmi_proc_info_t}: pid, VRAM bytes, and graphics-engine time used so far in ns. */
    public record Process(long pid, long memoryBytes, long gfxNanos) {
    }

    private AmdSmi(String library, Arena arena, SymbolLookup lookup) {
        super(library, new NativeSymbols(arena, lookup, library), "amdsmi_shut_down", AmdSmiStatus::of);
    }

    /** Loads the library (given, else {@code libamd_smi.so} from the loader's path or /opt/rocm/lib) and initialises it for GPUs. */
    public static AmdSmi open(Optional<Path> library) throws AmdSmiException {
        if (library.isPresent() && !Files.isRegularFile(library.get())) {
            throw new AmdSmiException("AMD SMI library " + library.get() + " not found: check the --amd-smi-library path, or leave it out"
                    + " to use ROCm's " + DEFAULT_LIBRARY, AmdSmiStatus.FAIL_LOAD_MODULE);
        }
        Arena arena = Arena.ofShared();
        SymbolLookup lookup = null;
        String name = library.map(Path::toString).orElse(DEFAULT_LIBRARY);
        List<String> tried = library.isPresent() ? List.of(name) : List.of(DEFAULT_LIBRARY, ROCM_LIBRARY);
        String why = "";
        for (String candidate : tried) {
            try {
                lookup = candidate.startsWith("/") ? SymbolLookup.libraryLookup(Path.of(candidate), arena) : SymbolLookup.libraryLookup(candidate, arena);
                name = candidate;
                break;
            } catch (IllegalArgumentException e) {
                why = e.getMessage();
            }
        }
        if (lookup == null) {
            arena.close();
            throw new AmdSmiException("cannot load AMD SMI library " + String.join(" or ", tried) + " (" + why + "): install ROCm's amd-smi-lib,"
                    + " or pass --amd-smi-library PATH", AmdSmiStatus.FAIL_LOAD_MODULE);
        }
        AmdSmi smi = new AmdSmi(name, arena, lookup);
        for (String required : List.of("amdsmi_init", "amdsmi_shut_down", "amdsmi_get_socket_handles", "amdsmi_get_processor_handles")) {
            if (!smi.has(required)) {
                arena.close();
                throw new AmdSmiException(name + " is not a usable AMD SMI library: it lacks " + required + "; pass ROCm's "
                        + DEFAULT_LIBRARY + " with --amd-smi-library", AmdSmiStatus.FAIL_LOAD_SYMBOL);
            }
        }
        smi.init("amdsmi_init", FunctionDescriptor.of(JAVA_INT, JAVA_LONG), INIT_AMD_GPUS);
        return smi;
    }

    /** AMD SMI's text for a status ({@code amdsmi_status_code_to_string}). */
    public String statusString(int code) {
        if (!has("amdsmi_status_code_to_string")) return "AMD SMI status " + Integer.toUnsignedString(code);
        try (Arena a = Arena.ofConfined()) {
            MemorySegment out = a.allocate(ADDRESS);
            int rc = invoke("amdsmi_status_code_to_string", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS), code, out);
            MemorySegment s = out.get(ADDRESS, 0);
            return rc != 0 || s.equals(MemorySegment.NULL) ? "AMD SMI status " + Integer.toUnsignedString(code) : s.reinterpret(4096).getString(0);
        }
    }

    /** Every AMD GPU, socket by socket ({@code amdsmi_get_socket_handles}, {@code amdsmi_get_processor_handles}). */
    public List<Gpu> gpus() throws AmdSmiException {
        List<Gpu> out = new ArrayList<>();
        try (Arena a = Arena.ofConfined()) {
            MemorySegment count = a.allocate(JAVA_INT);
            check("amdsmi_get_socket_handles", invoke("amdsmi_get_socket_handles", INT_OF_PTR_PTR, count, MemorySegment.NULL), "");
            int sockets = count.get(JAVA_INT, 0);
            MemorySegment socketHandles = a.allocate(ADDRESS, Math.max(1, sockets));
            check("amdsmi_get_socket_handles", invoke("amdsmi_get_socket_handles", INT_OF_PTR_PTR, count, socketHandles), "");
            sockets = count.get(JAVA_INT, 0);
            FunctionDescriptor fd = FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS);
            for (int s = 0; s < sockets; s++) {
                MemorySegment socket = socketHandles.getAtIndex(ADDRESS, s);
                check("amdsmi_get_processor_handles", invoke("amdsmi_get_processor_handles", fd, socket, count, MemorySegment.NULL), "");
                int n = count.get(JAVA_INT, 0);
                if (n == 0) continue;
                MemorySegment procs = a.allocate(ADDRESS, n);
                check("amdsmi_get_processor_handles", invoke("amdsmi_get_processor_handles", fd, socket, count, procs), "");
                for (int p = 0; p < count.get(JAVA_INT, 0); p++) {
                    MemorySegment h = procs.getAtIndex(ADDRESS, p);
                    if (isGpu(h, a)) out.add(new Gpu(out.size(), h));
                }
            }
        }
        return out;
    }

    private boolean isGpu(MemorySegment handle, Arena a) throws AmdSmiException {
        if (!has("amdsmi_get_processor_type")) return true; // initialised for GPUs only
        MemorySegment type = a.allocate(JAVA_INT);
        check("amdsmi_get_processor_type", invoke("amdsmi_get_processor_type", INT_OF_PTR_PTR, handle, type), "");
        return type.get(JAVA_INT, 0) == PROCESSOR_TYPE_AMD_GPU;
    }

    /** The product name ({@code amdsmi_asic_info_t.market_name}), e.g. {@code AMD Instinct MI300X}. */
    public Optional<String> marketName(Gpu g) throws AmdSmiException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment info = a.allocate(AmdSmiLayouts.ASIC_INFO);
            if (!supported(g.id(), "amdsmi_get_gpu_asic_info", INT_OF_PTR_PTR, g.handle(), info)) return Optional.empty();
            String s = info.getString(0);
            return s.isBlank() ? Optional.empty() : Optional.of(s);
        }
    }

    /** The GPU's UUID ({@code amdsmi_get_gpu_device_uuid}). */
    public Optional<String> uuid(Gpu g) throws AmdSmiException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment len = a.allocate(JAVA_INT);
            len.set(JAVA_INT, 0, AmdSmiLayouts.UUID_SIZE + 26);
            MemorySegment buf = a.allocate(AmdSmiLayouts.UUID_SIZE + 26);
            if (!supported(g.id(), "amdsmi_get_gpu_device_uuid", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS), g.handle(), len, buf)) {
                return Optional.empty();
            }
            return Optional.of(buf.getString(0));
        }
    }

    /** VRAM in bytes ({@code amdsmi_get_gpu_memory_total}, {@code AMDSMI_MEM_TYPE_VRAM}). */
    public OptionalLong vramTotalBytes(Gpu g) throws AmdSmiException {
        return memory(g, "amdsmi_get_gpu_memory_total");
    }

    /** VRAM in use, in bytes ({@code amdsmi_get_gpu_memory_usage}). */
    public OptionalLong vramUsedBytes(Gpu g) throws AmdSmiException {
        return memory(g, "amdsmi_get_gpu_memory_usage");
    }

    private OptionalLong memory(Gpu g, String fn) throws AmdSmiException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment v = a.allocate(JAVA_LONG);
            if (!supported(g.id(), fn, INT_OF_PTR_INT_PTR, g.handle(), MEM_TYPE_VRAM, v)) return OptionalLong.empty();
            return OptionalLong.of(v.get(JAVA_LONG, 0));
        }
    }

    /**
     * Socket power in watts ({@code amdsmi_get_power_info}): {@code current_socket_power} (MI300 and later), else
     * {@code average_socket_power} (MI200 and earlier), else {@code socket_power}; AMD SMI marks an unsupported member
     * UINT32_MAX. Empty where none is given.
     */
    public Optional<Power> power(Gpu g) throws AmdSmiException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment p = a.allocate(AmdSmiLayouts.POWER_INFO);
            if (!supported(g.id(), "amdsmi_get_power_info", INT_OF_PTR_PTR, g.handle(), p)) return Optional.empty();
            long current = Integer.toUnsignedLong(p.get(JAVA_INT, AmdSmiLayouts.offset(AmdSmiLayouts.POWER_INFO, "current_socket_power")));
            long average = Integer.toUnsignedLong(p.get(JAVA_INT, AmdSmiLayouts.offset(AmdSmiLayouts.POWER_INFO, "average_socket_power")));
            long socket = p.get(JAVA_LONG, 0);
            if (current != U32_MAX) return Optional.of(new Power(current, "current_socket_power"));
            if (average != U32_MAX) return Optional.of(new Power(average, "average_socket_power"));
            if (socket >= 0 && socket != U32_MAX) return Optional.of(new Power(socket, "socket_power"));
            return Optional.empty();
        }
    }

    /** The power cap and its range ({@code amdsmi_get_power_cap_info}, sensor 0). */
    public Optional<PowerCap> powerCap(Gpu g) throws AmdSmiException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment c = a.allocate(AmdSmiLayouts.POWER_CAP_INFO);
            if (!supported(g.id(), "amdsmi_get_power_cap_info", INT_OF_PTR_INT_PTR, g.handle(), 0, c)) return Optional.empty();
            return Optional.of(new PowerCap(c.get(JAVA_LONG, 0) / 1e6, c.get(JAVA_LONG, 24) / 1e6, c.get(JAVA_LONG, 32) / 1e6));
        }
    }

    /** The energy accumulator ({@code amdsmi_get_energy_count}); empty where the GPU or library has none. */
    public Optional<EnergyCount> energy(Gpu g) throws AmdSmiException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment acc = a.allocate(JAVA_LONG);
            MemorySegment res = a.allocate(JAVA_FLOAT);
            MemorySegment ts = a.allocate(JAVA_LONG);
            if (!supported(g.id(), "amdsmi_get_energy_count", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS),
                    g.handle(), acc, res, ts)) {
                return Optional.empty();
            }
            return Optional.of(new EnergyCount(acc.get(JAVA_LONG, 0), res.get(JAVA_FLOAT, 0), ts.get(JAVA_LONG, 0)));
        }
    }

    /**
     * Processes using the GPU ({@code amdsmi_get_gpu_process_list}: asked with room for none to learn how many, then
     * with room for them); empty where the library or GPU cannot list them.
     */
    public Optional<List<Process>> processes(Gpu g) throws AmdSmiException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment max = a.allocate(JAVA_INT);
            FunctionDescriptor fd = FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS);
            String fn = "amdsmi_get_gpu_process_list";
            if (!has(fn)) return Optional.empty();
            for (int room = 0, attempt = 0; attempt < 4; attempt++) {
                MemorySegment list = room == 0 ? MemorySegment.NULL : a.allocate(AmdSmiLayouts.PROC_INFO, room);
                max.set(JAVA_INT, 0, room);
                int rc = invoke(fn, fd, g.handle(), max, list);
                AmdSmiStatus s = AmdSmiStatus.of(rc);
                if (s.meansCapabilityAbsent()) return Optional.empty();
                int n = max.get(JAVA_INT, 0);
                if (s == AmdSmiStatus.OUT_OF_RESOURCES || (rc == 0 && n > room)) {
                    room = n + 4; // processes may start between the two calls
                    continue;
                }
                check(fn, rc, g.id());
                List<Process> out = new ArrayList<>(n);
                long size = AmdSmiLayouts.PROC_INFO.byteSize();
                long pid = AmdSmiLayouts.offset(AmdSmiLayouts.PROC_INFO, "pid");
                long mem = AmdSmiLayouts.offset(AmdSmiLayouts.PROC_INFO, "mem");
                long gfx = AmdSmiLayouts.offset(AmdSmiLayouts.PROC_INFO, "engine_usage", "gfx");
                for (int i = 0; i < n; i++) {
                    out.add(new Process(Integer.toUnsignedLong(list.get(JAVA_INT, i * size + pid)), list.get(JAVA_LONG, i * size + mem),
                            list.get(JAVA_LONG, i * size + gfx)));
                }
                return Optional.of(out);
            }
            throw AmdSmiException.of(fn, AmdSmiStatus.OUT_OF_RESOURCES.code(), "the process list kept growing", g.id());
        }
    }

    @Override
    protected AmdSmiException failure(String fn, int rc, String subject) {
        return AmdSmiException.of(fn, rc, statusString(rc), subject);
    }

    /** The stub library's sizes and offsets (tests only: {@code wattiq_stub_layout}). */
    long stubLayout(int what) {
        try {
            return (long) symbols().handle("wattiq_stub_layout", FunctionDescriptor.of(JAVA_LONG, JAVA_INT)).invokeExact(what);
        } catch (Throwable t) {
            throw new IllegalStateException("wattiq_stub_layout failed", t);
        }
    }
}
