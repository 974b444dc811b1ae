package dev.wattiq.meter.nvml;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.wattiq.meter.nvml.NvmlTypes.ComputeProcess;
import dev.wattiq.meter.nvml.NvmlTypes.ProcessSample;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * NVML's two list queries about processes, which share a protocol: ask with a NULL buffer for the count
 * (NVML_ERROR_INSUFFICIENT_SIZE, or success with a count), then again with room to spare, since processes may
 * start between the calls. See {@link Nvml#computeProcesses} and {@link Nvml#processSamples}.
 */
final class NvmlProcesses {
    /** NVML_VALUE_NOT_AVAILABLE as an unsigned 64-bit value. */
    private static final long VALUE_NOT_AVAILABLE = -1L;

    private NvmlProcesses() {
    }

    static Optional<List<ComputeProcess>> running(Nvml nvml, Nvml.Device d) throws NvmlException {
        String fn = "nvmlDeviceGetComputeRunningProcesses_v3";
        return list(nvml, d, fn, NvmlLayouts.PROCESS_INFO, false,
                (count, buf) -> nvml.call(fn, Nvml.INT_OF_PTR_PTR_PTR, d.handle(), count, buf),
                p -> {
                    long mem = p.get(JAVA_LONG, 8);
                    return new ComputeProcess(Integer.toUnsignedLong(p.get(JAVA_INT, 0)), mem == VALUE_NOT_AVAILABLE ? -1 : mem,
                            signedId(p.get(JAVA_INT, 16)), signedId(p.get(JAVA_INT, 20)));
                });
    }

    static Optional<List<ProcessSample>> samples(Nvml nvml, Nvml.Device d, long lastSeenMicros) throws NvmlException {
        String fn = "nvmlDeviceGetProcessUtilization";
        FunctionDescriptor fd = FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, JAVA_LONG);
        return list(nvml, d, fn, NvmlLayouts.PROCESS_SAMPLE, true,
                (count, buf) -> nvml.call(fn, fd, d.handle(), buf, count, lastSeenMicros),
                s -> new ProcessSample(Integer.toUnsignedLong(s.get(JAVA_INT, 0)), s.get(JAVA_LONG, 8),
                        s.get(JAVA_INT, 16), s.get(JAVA_INT, 20)));
    }

    /** One call of a list query with the element count in and out and a buffer of {@code count} elements. */
    private interface Call {
        int invoke(MemorySegment count, MemorySegment buffer);
    }

    /**
     * The protocol of the class comment: empty when the driver lacks {@code fn} or the capability; NVML_ERROR_NOT_FOUND
     * is an empty list where {@code notFoundIsEmpty} (no samples since the last call); up to four rounds of growing.
     */
    private static <T> Optional<List<T>> list(Nvml nvml, Nvml.Device d, String fn, MemoryLayout element, boolean notFoundIsEmpty,
                                              Call call, Function<MemorySegment, T> read) throws NvmlException {
        if (!nvml.has(fn)) return Optional.empty();
        int capacity = 0;
        for (int attempt = 0; attempt < 4; attempt++) {
            try (Arena a = Arena.ofConfined()) {
                MemorySegment count = a.allocate(JAVA_INT);
                count.set(JAVA_INT, 0, capacity);
                MemorySegment buf = capacity == 0 ? MemorySegment.NULL : a.allocate(element, capacity);
                int rc = call.invoke(count, buf);
                if (rc == NvmlError.INSUFFICIENT_SIZE.code() || (rc == 0 && capacity == 0 && count.get(JAVA_INT, 0) > 0)) {
                    capacity = count.get(JAVA_INT, 0) + 8; // processes may start between the two calls
                    continue;
                }
                if (notFoundIsEmpty && rc == NvmlError.NOT_FOUND.code()) return Optional.of(List.of());
                if (NvmlError.of(rc).meansCapabilityAbsent()) return Optional.empty();
                if (rc != 0) throw nvml.failure(fn, rc, d.id());
                int n = capacity == 0 ? 0 : Math.min(capacity, count.get(JAVA_INT, 0));
                List<T> out = new ArrayList<>(n);
                for (int i = 0; i < n; i++) out.add(read.apply(buf.asSlice(i * element.byteSize(), element.byteSize())));
                return Optional.of(out);
            }
        }
        throw nvml.failure(fn, NvmlError.INSUFFICIENT_SIZE.code(), d.id());
    }

    private static long signedId(int raw) {
        return raw == -1 ? -1 : Integer.toUnsignedLong(raw);
    }
}
