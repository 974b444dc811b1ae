package dev.wattiq.meter.control;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One client's conversation: its open windows (by name; names are per connection, so two processes may both open
 * "epoch-1") and the replies to its requests. Used by one thread at a time. Every request gets exactly one reply, in
 * order; a request that fails changes nothing.
 */
final class ControlSession {
    private final Supplier<ControlState> state;
    private final ControlLimits limits;
    private final String runId;
    private final Map<String, ControlState.Opened> open = new LinkedHashMap<>();
    private final Set<String> closedNames = new HashSet<>();
    /** The windows this connection closed, by ref (their index here), for op "window". */
    private final List<ControlState.Closing> closings = new ArrayList<>();

    /**
     * @param state  the run's shared state; may block until the meter is running (requests before that wait)
     * @param limits bounds
     * @param runId  told to a client that says hello (known before the meter starts)
     */
    ControlSession(Supplier<ControlState> state, ControlLimits limits, String runId) {
        this.state = state;
        this.limits = limits;
        this.runId = runId;
    }

    /** Parses and carries out one request line; returns its reply. Bad input is answered, never thrown. */
    String handle(String line) {
        Map<String, Object> fields;
        try {
            fields = ControlJson.parseObject(line);
            ControlRequest.op(fields);
        } catch (ControlException e) {
            throw new BadRequest(ControlReplies.error(idOf(line), e.getMessage()));
        }
        Long id = ControlRequest.idOf(fields);
        try {
            return carryOut(ControlRequest.of(fields, limits));
        } catch (ControlException e) {
            return ControlReplies.error(id, e.getMessage());
        }
    }

    private static Long idOf(String line) {
        try {
            return ControlRequest.idOf(ControlJson.parseObject(line));
        } catch (ControlException e) {
            return null;
        }
    }

    /** A request that could not be parsed: the caller counts these and closes a connection that sends only garbage. */
    static final class BadRequest extends RuntimeException {
        final String reply;

        BadRequest(String reply) {
            super(null, null, false, false);
            this.reply = reply;
        }
    }

    private String carryOut(ControlRequest r) {
        return switch (r) {
            case ControlRequest.Hello h -> ControlReplies.hello(h.id(), runId);
            case ControlRequest.Open o -> {
                if (open.containsKey(o.name())) {
                    throw new ControlException("window '" + ControlJson.clip(o.name()) + "' is already open: close it first, or give the inner window another name");
                }
                if (open.size() >= limits.maxOpenPerClient()) {
                    throw new ControlException("window '" + ControlJson.clip(o.name()) + "' not opened: " + limits.maxOpenPerClient()
                            + " windows are open on this connection already; close some (are windows left open in a loop?)");
                }
                ControlState.Opened w = state.get().open(o.name());
                open.put(o.name(), w);
                closedNames.remove(o.name());
                yield ControlReplies.opened(o.id(), o.name(), w.startSeconds());
            }
            case ControlRequest.Close c -> {
                ControlState.Opened w = open.remove(c.name());
                if (w == null) {
                    throw new ControlException(closedNames.contains(c.name())
                            ? "window '" + ControlJson.clip(c.name()) + "' is closed already: close each window once (a with-block or @measure closes it for you)"
                            : "window '" + ControlJson.clip(c.name()) + "' was never opened: open it first (begin_window(\"" + ControlJson.clip(c.name()) + "\") or {\"op\":\"open\"})");
                }
                closedNames.add(c.name());
                ControlState.Closing closing = state.get().close(w, null);
                long ref = closings.size();
                closings.add(closing);
                yield c.await() ? ControlReplies.window(c.id(), closing.await(), ref) : ControlReplies.closing(c.id(), closing, ref);
            }
            case ControlRequest.Result q -> {
                if (q.ref() >= closings.size()) {
                    throw new ControlException("no window with ref " + q.ref() + " was closed on this connection: use the ref its close answered with"
                            + (closings.isEmpty() ? " (none closed yet)" : " (0 to " + (closings.size() - 1) + ")"));
                }
                yield ControlReplies.window(q.id(), closings.get((int) q.ref()).await(), q.ref());
            }
            case ControlRequest.AddWork w -> {
                state.get().addWork(w.work());
                yield ControlReplies.ok(w.id());
            }
            case ControlRequest.Tag t -> {
                state.get().tag(t.key(), t.value());
                yield ControlReplies.ok(t.id());
            }
            case ControlRequest.Energy e -> {
                ControlState s = state.get();
                yield ControlReplies.energy(e.id(), s.sofar(), s.work());
            }
        };
    }

    /**
     * Closes every window still open (the client went away, or the run ended), noting why; returns them as closed (their
     * energy follows the meter's next reading).
     */
    List<ControlState.Closing> closeAll(String why) {
        List<ControlState.Closing> out = new ArrayList<>();
        if (open.isEmpty()) return out;
        ControlState s = state.get();
        for (ControlState.Opened w : open.values()) out.add(s.close(w, why));
        open.clear();
        return out;
    }
}
