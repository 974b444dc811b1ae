package dev.wattiq.meter.control;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One request of the control channel, parsed and checked. Every request may carry an {@code id} (a whole number),
 * echoed in its reply. See docs/python.md ("The control protocol") for the wire format.
 */
public sealed interface ControlRequest {
    /** The request's id, or null when it had none. */
    Long id();

    /** {@code {"op":"hello","client":"python","pid":123}}: optional; answers with the protocol version and run id. */
    record Hello(Long id, String client, Long pid) implements ControlRequest {
    }

    /** {@code {"op":"open","name":"epoch-3"}}: opens a window on this connection. */
    record Open(Long id, String name) implements ControlRequest {
    }

    /**
     * {@code {"op":"close","name":"epoch-3"}}: closes it and answers at once with its duration, work and {@code ref};
     * with {@code "wait":true} the answer waits for its energy (a sensor reading) and carries it.
     */
    record Close(Long id, String name, boolean await) implements ControlRequest {
    }

    /** {@code {"op":"window","ref":7}}: a window this connection closed, with its energy (waits for it, a sensor reading at most). */
    record Result(Long id, long ref) implements ControlRequest {
    }

    /** {@code {"op":"work","steps":1,"samples":32,"tokens":4096}}: adds to the run's work counters. */
    record AddWork(Long id, Work work) implements ControlRequest {
    }

    /** {@code {"op":"energy"}}: the run's energy and work so far. */
    record Energy(Long id) implements ControlRequest {
    }

    /**
     * {@code {"op":"tag","key":"accuracy","value":"0.91"}}: a tag for the run (a value known inside the job, e.g. its
     * quality), stored with the run's labels when it ends; the same key again replaces it.
     */
    record Tag(Long id, String key, String value) implements ControlRequest {
    }

    /** The operations, as the error for an unknown one lists them. */
    String OPS = "hello, open, close, window, work, energy, tag";

    /** A tag's key: as {@code wattiq runs tag} takes it (a letter or '_' first, then letters, digits, '_', '.', '-'). */
    java.util.regex.Pattern TAG_KEY = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,63}");
    /** A tag's value: at most this many characters (as {@code wattiq runs tag}). */
    int MAX_TAG_VALUE = 1024;

    /**
     * Parses one request line.
     *
     * @throws ControlException naming the problem
     */
    static ControlRequest parse(String line, ControlLimits limits) {
        Map<String, Object> f = ControlJson.parseObject(line);
        op(f);
        return of(f, limits);
    }

    /**
     * The operation of a parsed line: a client that cannot get this far is not speaking the protocol at all.
     *
     * @throws ControlException when {@code op} is missing, not a string, or unknown
     */
    static String op(Map<String, Object> f) {
        Object op = f.get("op");
        if (!(op instanceof String s)) {
            throw new ControlException("bad request: field 'op' is " + (op == null ? "missing" : "not a string") + "; use one of " + OPS);
        }
        if (!List.of("hello", "open", "close", "window", "work", "energy", "tag").contains(s)) {
            throw new ControlException("bad request: unknown op '" + ControlJson.clip(s) + "'; use one of " + OPS);
        }
        return s;
    }

    /**
     * The request a parsed line with a known {@link #op} asks for, its fields checked.
     *
     * @throws ControlException naming the field that is wrong and how to put it right
     */
    static ControlRequest of(Map<String, Object> f, ControlLimits limits) {
        Long id = id(f);
        String s = op(f);
        return switch (s) {
            case "hello" -> {
                only(f, s, "client", "pid");
                Object client = f.get("client");
                if (client != null && !(client instanceof String)) throw new ControlException("bad request: 'client' must be a string");
                yield new Hello(id, client == null ? null : ControlJson.clip((String) client), f.get("pid") instanceof Long p ? p : null);
            }
            case "open" -> {
                only(f, s, "name");
                yield new Open(id, windowName(f, limits));
            }
            case "close" -> {
                only(f, s, "name", "wait");
                Object wait = f.getOrDefault("wait", Boolean.FALSE);
                if (!(wait instanceof Boolean w)) throw new ControlException("bad request: 'wait' must be true or false");
                yield new Close(id, windowName(f, limits), w);
            }
            case "window" -> {
                only(f, s, "ref");
                Object ref = f.get("ref");
                if (!(ref instanceof Long r) || r < 0) {
                    throw new ControlException("bad request: 'window' needs 'ref', the whole number a close answered with, e.g. {\"op\":\"window\",\"ref\":0}");
                }
                yield new Result(id, r);
            }
            case "work" -> {
                only(f, s, "steps", "samples", "tokens");
                if (!f.containsKey("steps") && !f.containsKey("samples") && !f.containsKey("tokens")) {
                    throw new ControlException("bad request: 'work' needs at least one of steps, samples, tokens, e.g. {\"op\":\"work\",\"steps\":1}");
                }
                yield new AddWork(id, new Work(count(f, "steps"), count(f, "samples"), count(f, "tokens")));
            }
            case "tag" -> {
                only(f, s, "key", "value");
                yield new Tag(id, tagKey(f.get("key")), tagValue(f.get("value")));
            }
            default -> {
                only(f, s);
                yield new Energy(id);
            }
        };
    }

    /** The id of a parsed line when it is a whole number, else null: for the reply to a request that fails. */
    static Long idOf(Map<String, Object> f) {
        return f.get("id") instanceof Long l ? l : null;
    }

    private static Long id(Map<String, Object> f) {
        if (!f.containsKey("id")) return null;
        if (f.get("id") instanceof Long l) return l;
        throw new ControlException("bad request: 'id' must be a whole number");
    }

    private static void only(Map<String, Object> f, String op, String... allowed) {
        Set<String> unknown = new TreeSet<>(f.keySet());
        unknown.remove("op");
        unknown.remove("id");
        for (String a : allowed) unknown.remove(a);
        if (unknown.isEmpty()) return;
        StringBuilder names = new StringBuilder();
        for (String u : unknown) names.append(names.isEmpty() ? "" : ", ").append('\'').append(ControlJson.clip(u)).append('\'');
        throw new ControlException("bad request: unknown field" + (unknown.size() > 1 ? "s " : " ") + names + " for op '" + op
                + "' (allowed: op, id" + (allowed.length == 0 ? "" : ", " + String.join(", ", allowed)) + ")");
    }

    /** A window name: 1 to {@code maxNameChars} characters, no control characters. */
    private static String windowName(Map<String, Object> f, ControlLimits limits) {
        Object v = f.get("name");
        if (v == null) throw new ControlException("bad request: field 'name' is missing; give the window a name, e.g. \"epoch-3\"");
        if (!(v instanceof String n)) throw new ControlException("bad request: 'name' must be a string, e.g. \"epoch-3\"");
        return checkName(n, limits.maxNameChars());
    }

    /** Checks a window name (shared with the Java API's callers); returns it unchanged. */
    static String checkName(String n, int maxChars) {
        if (n.isBlank()) throw new ControlException("window name is empty: give it a name, e.g. \"epoch-3\"");
        int chars = n.codePointCount(0, n.length());
        if (chars > maxChars) {
            throw new ControlException("window name is " + chars + " characters long: at most " + maxChars + " allowed (it is stored and shown with the run)");
        }
        return printable("window name", n);
    }

    /** {@code s} unchanged; a control character in it is an error naming {@code what} and the position. */
    private static String printable(String what, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new ControlException(what + " '" + ControlJson.clip(s) + "' holds a control character at position " + (i + 1)
                        + ": use printable characters only");
            }
        }
        return s;
    }

    private static String tagKey(Object v) {
        if (!(v instanceof String k) || !TAG_KEY.matcher(k).matches()) {
            throw new ControlException("bad request: 'tag' needs 'key', a string of letters, digits, '_', '.' or '-' (starting with a letter"
                    + " or '_', at most 64), got " + (v instanceof String k ? "'" + ControlJson.clip(k) + "'" : v == null ? "none" : "a " + kind(v))
                    + ", e.g. {\"op\":\"tag\",\"key\":\"accuracy\",\"value\":\"0.91\"}");
        }
        return k;
    }

    /** A tag's value: a string (a number is taken as written), 1 to {@link #MAX_TAG_VALUE} characters, no control characters. */
    private static String tagValue(Object v) {
        String s = v instanceof String t ? t : v instanceof Long || v instanceof Double ? String.valueOf(v) : null;
        if (s == null) {
            throw new ControlException("bad request: 'tag' needs 'value', a string or a number, got " + (v == null ? "none" : "a " + kind(v)));
        }
        if (s.isEmpty() || s.length() > MAX_TAG_VALUE) {
            throw new ControlException("tag value is " + s.length() + " characters long: give 1 to " + MAX_TAG_VALUE);
        }
        return printable("tag value", s);
    }

    private static String kind(Object v) {
        return v instanceof Boolean ? "boolean" : v instanceof Long || v instanceof Double ? "number" : v instanceof String ? "string" : "null";
    }

    private static long count(Map<String, Object> f, String key) {
        if (!f.containsKey(key)) return 0;
        Object v = f.get(key);
        if (v instanceof Long l) {
            if (l < 0) throw new ControlException(key + " must be a count >= 0, got " + l + ": report the work done, never a correction");
            if (l > Work.MAX_COUNT) throw new ControlException(key + " is too large: at most " + Work.MAX_COUNT + " per request");
            return l;
        }
        if (v instanceof Double d) {
            if (d < 0) throw new ControlException(key + " must be a count >= 0, got " + d + ": report the work done, never a correction");
            if (d > Work.MAX_COUNT) throw new ControlException(key + " is too large: at most " + Work.MAX_COUNT + " per request");
            throw new ControlException(key + " must be a whole number, got " + d);
        }
        throw new ControlException(key + " must be a whole number >= 0, got " + (v == null ? "null" : v instanceof String ? "a string" : v));
    }
}
