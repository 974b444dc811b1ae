package dev.wattiq.meter.control;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON the control channel speaks: one flat object per line (strings, numbers, {@code true}, {@code false},
 * {@code null}; no nested values), strict per RFC 8259 otherwise. The meter depends on the JDK alone, and a request
 * is a handful of fields, so this small reader is written here rather than borrowed.
 */
public final class ControlJson {
    private final String text;
    private int at;

    private ControlJson(String text) {
        this.text = text;
    }

    /**
     * Parses one object. Numbers become {@link Long} when they are whole and fit, else {@link Double}.
     *
     * @throws ControlException naming what is wrong and where
     */
    public static Map<String, Object> parseObject(String text) {
        ControlJson p = new ControlJson(text);
        p.space();
        if (p.at >= text.length() || text.charAt(p.at) != '{') throw p.fail("expected a JSON object such as {\"op\":\"energy\"}");
        p.at++;
        Map<String, Object> out = new LinkedHashMap<>();
        p.space();
        if (p.peek() == '}') {
            p.at++;
        } else {
            while (true) {
                p.space();
                if (p.peek() != '"') throw p.fail("expected a field name in double quotes");
                String key = p.string();
                p.space();
                if (p.peek() != ':') throw p.fail("expected ':' after field name");
                p.at++;
                p.space();
                Object value = p.value(key);
                if (out.containsKey(key)) throw new ControlException("bad request: field '" + clip(key) + "' appears twice");
                out.put(key, value);
                p.space();
                char c = p.peek();
                p.at++;
                if (c == '}') break;
                if (c != ',') throw p.fail("expected ',' or '}'", p.at - 1);
            }
        }
        p.space();
        if (p.at < text.length()) throw p.fail("unexpected text after the object");
        return out;
    }

    private Object value(String key) {
        char c = peek();
        switch (c) {
            case '"':
                return string();
            case '{', '[':
                throw new ControlException("bad request: field '" + clip(key) + "' holds an object or array; only strings, numbers, true, false and null are allowed");
            case 't':
                return literal("true", Boolean.TRUE);
            case 'f':
                return literal("false", Boolean.FALSE);
            case 'n':
                return literal("null", null);
            default:
                if (c == '-' || (c >= '0' && c <= '9')) return number();
                throw fail("expected a value");
        }
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, at)) throw fail("expected a value");
        at += word.length();
        return value;
    }

    private Object number() {
        int start = at;
        if (peek() == '-') at++;
        if (peek() == '0') {
            at++;
        } else if (peek() >= '1' && peek() <= '9') {
            while (digit()) at++;
        } else {
            throw fail("bad number");
        }
        boolean whole = true;
        if (peek() == '.') {
            whole = false;
            at++;
            if (!digit()) throw fail("bad number: digits expected after '.'");
            while (digit()) at++;
        }
        if (peek() == 'e' || peek() == 'E') {
            whole = false;
            at++;
            if (peek() == '+' || peek() == '-') at++;
            if (!digit()) throw fail("bad number: digits expected in the exponent");
            while (digit()) at++;
        }
        String n = text.substring(start, at);
        if (whole && n.length() <= 19) {
            try {
                return Long.parseLong(n);
            } catch (NumberFormatException tooBig) {
                // falls through to a double
            }
        }
        return Double.parseDouble(n);
    }

    private boolean digit() {
        char c = peek();
        return c >= '0' && c <= '9';
    }

    private String string() {
        at++; // opening quote
        StringBuilder b = new StringBuilder();
        while (true) {
            if (at >= text.length()) throw fail("unterminated string");
            char c = text.charAt(at++);
            if (c == '"') return b.toString();
            if (c < 0x20) throw fail("control character in a string (escape it, e.g. \\n)", at - 1);
            if (c != '\\') {
                b.append(c);
                continue;
            }
            if (at >= text.length()) throw fail("unterminated string");
            char e = text.charAt(at++);
            switch (e) {
                case '"', '\\', '/' -> b.append(e);
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 't' -> b.append('\t');
                case 'u' -> {
                    if (at + 4 > text.length()) throw fail("bad \\u escape");
                    int v = 0;
                    for (int i = 0; i < 4; i++) {
                        int d = Character.digit(text.charAt(at++), 16);
                        if (d < 0) throw fail("bad \\u escape", at - 1);
                        v = v * 16 + d;
                    }
                    b.append((char) v);
                }
                default -> throw fail("bad escape '\\" + e + "'", at - 1);
            }
        }
    }

    private char peek() {
        return at < text.length() ? text.charAt(at) : '\0';
    }

    private void space() {
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') return;
            at++;
        }
    }

    private ControlException fail(String what) {
        return fail(what, at);
    }

    private ControlException fail(String what, int where) {
        return new ControlException("bad request: not valid JSON (" + what + " at character " + (where + 1)
                + "); send one JSON object per line, e.g. {\"op\":\"energy\",\"id\":1}");
    }

    /** A field name or value as it may appear in an error message: at most 40 characters, controls escaped. */
    static String clip(String s) {
        return dev.wattiq.meter.UserInputException.shown(s);
    }

    /** Appends {@code s} as a JSON string. */
    public static StringBuilder quote(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == 0x2028 || c == 0x2029) b.append(String.format("\\u%04x", (int) c));
                    else b.append(c);
                }
            }
        }
        return b.append('"');
    }

    /** Appends a number: the shortest text that reads back as the same double, {@code null} when not finite. */
    public static StringBuilder number(StringBuilder b, double v) {
        return Double.isFinite(v) ? b.append(v) : b.append("null");
    }
}
