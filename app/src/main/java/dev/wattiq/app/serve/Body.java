package dev.wattiq.app.serve;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wattiq.app.cli.HumanNumber;
import dev.wattiq.app.cli.IsoInstant;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A POST body read against its schema: each endpoint names its fields by reading them with a typed getter, and
 * {@link #finish()} then refuses any other field. A field of the wrong type is a 400 naming the field and the type
 * expected; an unknown field is a 400 naming it and the allowed ones. Nothing is read but the body: no field names a
 * file, and no command line is built.
 */
final class Body {
    /** The longest text a scalar field may hold (a CSV field is bounded by the body's size). */
    static final int MAX_TEXT = 1000;
    private final JsonNode body;
    private final Set<String> known = new LinkedHashSet<>();

    Body(JsonNode body) {
        if (body == null || !body.isObject()) throw new HttpError(400, "the body must be a JSON object");
        this.body = body;
    }

    /** Refuses the fields no getter asked for. */
    void finish() {
        Set<String> unknown = new TreeSet<>();
        Iterator<String> names = body.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (!known.contains(n)) unknown.add(n);
        }
        if (!unknown.isEmpty()) {
            throw new HttpError(400, (unknown.size() == 1 ? "unknown field " : "unknown fields ") + quoted(unknown)
                    + ": allowed are " + String.join(", ", new TreeSet<>(known)));
        }
    }

    /** A string field (at most {@link #MAX_TEXT} characters, no control characters), or null. */
    String text(String name) {
        JsonNode v = field(name);
        if (v == null) return null;
        if (!v.isTextual()) throw wrongType(name, "a string", v);
        String s = v.textValue();
        if (s.length() > MAX_TEXT || s.chars().anyMatch(Character::isISOControl)) {
            throw new HttpError(400, "'" + name + "' is too long or has control characters: at most " + MAX_TEXT + " printable characters");
        }
        return s;
    }

    /** A string field holding a whole file's text (e.g. a CSV): any length the body allows; required. */
    String document(String name) {
        JsonNode v = field(name);
        if (v == null) throw missing(name, "a string holding the file's text (CSV)");
        if (!v.isTextual()) throw wrongType(name, "a string holding the file's text (CSV)", v);
        return v.textValue();
    }

    String requiredText(String name) {
        String s = text(name);
        if (s == null) throw missing(name, "a string");
        return s;
    }

    /** A JSON number, or null. */
    Double number(String name) {
        JsonNode v = field(name);
        if (v == null) return null;
        if (!v.isNumber()) throw wrongType(name, "a number", v);
        return v.doubleValue();
    }

    double requiredNumber(String name) {
        Double d = number(name);
        if (d == null) throw missing(name, "a number");
        return d;
    }

    /** A number as a JSON number or as people write sizes ({@code "70B"}, {@code "15T"}, {@code "1.5M"}), or null. */
    Double amount(String name) {
        JsonNode v = field(name);
        if (v == null) return null;
        if (v.isNumber()) return v.doubleValue();
        String expected = "a number or a size such as \"70B\", \"15T\", \"1.5M\"";
        if (!v.isTextual()) throw wrongType(name, expected, v);
        try {
            return HumanNumber.parse(text(name));
        } catch (RuntimeException e) {
            throw new HttpError(400, "'" + name + "' must be " + expected + ", got \"" + v.textValue() + "\"");
        }
    }

    /** A JSON integer, or null. */
    Integer integer(String name) {
        JsonNode v = field(name);
        if (v == null) return null;
        if (!v.canConvertToInt() || !v.isIntegralNumber()) throw wrongType(name, "a whole number", v);
        return v.intValue();
    }

    /** A JSON boolean; false when absent. */
    boolean flag(String name) {
        JsonNode v = field(name);
        if (v == null) return false;
        if (!v.isBoolean()) throw wrongType(name, "true or false", v);
        return v.booleanValue();
    }

    /** An ISO-8601 time with a UTC offset, or null. */
    Instant instant(String name) {
        String s = text(name);
        if (s == null) return null;
        try {
            return IsoInstant.parse(s);
        } catch (DateTimeParseException e) {
            throw new HttpError(400, "'" + name + "' must be a time: " + IsoInstant.problem(s));
        }
    }

    Instant requiredInstant(String name) {
        Instant t = instant(name);
        if (t == null) throw missing(name, "an ISO-8601 time with a UTC offset, e.g. \"2025-01-03T18:00Z\"");
        return t;
    }

    /** An array of strings, or one string of comma-separated items; empty when absent. */
    List<String> texts(String name) {
        JsonNode v = field(name);
        List<String> out = new ArrayList<>();
        if (v == null) return out;
        if (v.isTextual()) {
            for (String part : text(name).split(",")) if (!part.isBlank()) out.add(part.trim());
            return out;
        }
        if (!v.isArray() || v.size() > 100) throw wrongType(name, "an array of at most 100 strings (or one comma-separated string)", v);
        for (JsonNode item : v) {
            if (!item.isTextual() || item.textValue().length() > MAX_TEXT) throw wrongType(name, "an array of strings", v);
            out.add(item.textValue());
        }
        return out;
    }

    private JsonNode field(String name) {
        known.add(name);
        JsonNode v = body.get(name);
        return v == null || v.isNull() ? null : v;
    }

    private static HttpError wrongType(String name, String expected, JsonNode got) {
        return new HttpError(400, "'" + name + "' must be " + expected + ", got " + kind(got));
    }

    private static HttpError missing(String name, String expected) {
        return new HttpError(400, "'" + name + "' is required: " + expected);
    }

    private static String kind(JsonNode v) {
        return switch (v.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case BOOLEAN -> "a boolean";
            case NUMBER -> "a number";
            case STRING -> "a string";
            default -> v.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static String quoted(Set<String> names) {
        List<String> q = new ArrayList<>();
        for (String n : names) q.add("'" + n + "'");
        return String.join(", ", q);
    }
}
