package dev.wattiq.app.run;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * While a child runs, SIGINT, SIGTERM and SIGHUP sent to wattiq are sent on to the child (the same signal) instead
 * of ending wattiq, which waits for the child and then records the run. A Ctrl-C at a terminal reaches the whole
 * foreground process group, so the child sees it from the terminal and once more from wattiq.
 */
public final class SignalForwarder implements AutoCloseable {
    private static final List<String> FORWARDED = List.of("INT", "TERM", "HUP");

    private final long pid;
    private final List<Signal> installed = new ArrayList<>();
    private final List<SignalHandler> previous = new ArrayList<>();
    private final AtomicInteger forwarded = new AtomicInteger();
    private volatile String lastSignal;

    private SignalForwarder(long pid) {
        this.pid = pid;
    }

    /** Starts forwarding to {@code pid}; signals the JVM does not let us handle are left alone. */
    public static SignalForwarder install(long pid) {
        SignalForwarder f = new SignalForwarder(pid);
        for (String name : FORWARDED) {
            try {
                Signal s = new Signal(name);
                SignalHandler old = Signal.handle(s, f::forward);
                f.installed.add(s);
                f.previous.add(old);
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                // the signal is reserved (e.g. -Xrs) or unknown on this OS: the default applies
            }
        }
        return f;
    }

    private void forward(Signal s) {
        lastSignal = "SIG" + s.getName();
        forwarded.incrementAndGet();
        NativeKill.send(pid, s.getNumber());
    }

    /** How many signals were forwarded. */
    public int forwardedCount() {
        return forwarded.get();
    }

    /** The last forwarded signal's name (e.g. {@code SIGINT}), or null. */
    public String lastSignal() {
        return lastSignal;
    }

    /** Restores the previous handlers. */
    @Override
    public void close() {
        for (int i = 0; i < installed.size(); i++) {
            try {
                Signal.handle(installed.get(i), previous.get(i));
            } catch (IllegalArgumentException ignored) {
                // cannot happen for a signal we installed; nothing to restore otherwise
            }
        }
    }
}
