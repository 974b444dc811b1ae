package dev.wattiq.app.run;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * Sends a signal to a process with libc's {@code kill(2)} through the FFM API, so that SIGINT arrives as SIGINT
 * (the JDK's {@link ProcessHandle#destroy()} can only send SIGTERM or SIGKILL). Linked on first use only.
 */
final class NativeKill {
    private static volatile MethodHandle kill;

    private NativeKill() {
    }

    /** Sends signal {@code signo} to {@code pid}; returns false when the signal could not be sent. */
    static boolean send(long pid, int signo) {
        try {
            int rc = (int) handle().invokeExact((int) pid, signo);
            return rc == 0;
        } catch (Throwable t) {
            return fallback(pid, signo);
        }
    }

    private static MethodHandle handle() {
        MethodHandle h = kill;
        if (h == null) {
            Linker linker = Linker.nativeLinker();
            h = linker.downcallHandle(linker.defaultLookup().find("kill").orElseThrow(),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
            kill = h;
        }
        return h;
    }

    /** Without native access: the kill(1) program, which every POSIX system has. */
    private static boolean fallback(long pid, int signo) {
        try {
            return new ProcessBuilder("kill", "-" + signo, Long.toString(pid)).start().waitFor() == 0;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
