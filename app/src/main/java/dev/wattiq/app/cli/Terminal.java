package dev.wattiq.app.cli;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * Whether standard error is a terminal (libc's {@code isatty(3)} through the FFM API): a progress bar redrawn in place
 * with carriage returns is for a terminal; a log or a pipe gets a line per step instead.
 */
public final class Terminal {
    private static final int STDERR = 2;

    private Terminal() {
    }

    /** True when file descriptor 2 is a terminal; false when it is not or it cannot be told (no native access). */
    public static boolean stderr() {
        try {
            Linker linker = Linker.nativeLinker();
            MethodHandle isatty = linker.downcallHandle(linker.defaultLookup().find("isatty").orElseThrow(),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
            return (int) isatty.invokeExact(STDERR) == 1;
        } catch (Throwable t) {
            return false;
        }
    }
}
