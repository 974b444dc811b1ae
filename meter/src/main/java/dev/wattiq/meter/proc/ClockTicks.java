package dev.wattiq.meter.proc;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Clock ticks per second ({@code USER_HZ}, {@code sysconf(_SC_CLK_TCK)}), the unit of every CPU time in procfs.
 * Read from the ELF auxiliary vector ({@code AT_CLKTCK} in {@code /proc/self/auxv}), which is where the C library
 * takes it from; 100 (the value on every mainstream Linux architecture) when that cannot be read, e.g. on a
 * recorded procfs tree. Shares of CPU time do not depend on it: only CPU seconds do.
 */
public final class ClockTicks {
    /** The Linux default of {@code USER_HZ}. */
    public static final long DEFAULT = 100;
    private static final long AT_NULL = 0;
    private static final long AT_CLKTCK = 17;
    private static final long AT_PAGESZ = 6;
    /** The page size of x86-64 and most Linux builds, in bytes: the unit of {@code rss} in {@code /proc/[pid]/stat}. */
    public static final long DEFAULT_PAGE_BYTES = 4096;

    private ClockTicks() {
    }

    /** {@code AT_CLKTCK} from {@code <procfsRoot>/self/auxv}, or {@link #DEFAULT}. */
    public static long read(Path procfsRoot) {
        try {
            return fromAuxv(Files.readAllBytes(procfsRoot.resolve("self/auxv")));
        } catch (IOException | RuntimeException e) {
            return DEFAULT;
        }
    }

    /** {@code AT_PAGESZ} from {@code <procfsRoot>/self/auxv} in bytes, or {@link #DEFAULT_PAGE_BYTES}. */
    public static long pageBytes(Path procfsRoot) {
        try {
            long v = auxvValue(Files.readAllBytes(procfsRoot.resolve("self/auxv")), AT_PAGESZ);
            return v >= 512 && v <= (1L << 30) && Long.bitCount(v) == 1 ? v : DEFAULT_PAGE_BYTES;
        } catch (IOException | RuntimeException e) {
            return DEFAULT_PAGE_BYTES;
        }
    }

    private static long auxvValue(byte[] auxv, long wanted) {
        ByteBuffer b = ByteBuffer.wrap(auxv).order(ByteOrder.LITTLE_ENDIAN);
        while (b.remaining() >= 16) {
            long type = b.getLong();
            long value = b.getLong();
            if (type == AT_NULL) break;
            if (type == wanted) return value;
        }
        return -1;
    }

    /** Parses a 64-bit little-endian auxiliary vector (pairs of type, value); {@link #DEFAULT} when absent. */
    public static long fromAuxv(byte[] auxv) {
        ByteBuffer b = ByteBuffer.wrap(auxv).order(ByteOrder.LITTLE_ENDIAN);
        while (b.remaining() >= 16) {
            long type = b.getLong();
            long value = b.getLong();
            if (type == AT_NULL) break;
            if (type == AT_CLKTCK) return value > 0 && value <= 1_000_000 ? value : DEFAULT;
        }
        return DEFAULT;
    }
}
