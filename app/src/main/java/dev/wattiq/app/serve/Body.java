package dev.wattiq.app.serve;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wattiq.app.cli.HumanNumber;
import dev.wattiq.app.cli.IsoInstant;
import dev.wattiq.meter.UserInputException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

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
        String s = typed(name, "a string", JsonNode::isTextual, JsonNode::textValue);
        if (s != null && (s.length() > MAX_TEXT || s.chars().anyMatch(Character::isISOControl))) {
            throw new HttpError(400, "'" + name + "' is too long or has control characters: at most " + MAX_TEXT + " printable characters");
        }
        return s;
    }

    /** A string field holding a whole file's text (e.g. a CSV): any length the body allows; required. */
    String document(String name) {
        String expected = "a string holding the file's text (CSV)";
        return required(name, expected, typed(name, expected, JsonNode::isTextual, JsonNode::textValue));
    }

    String requiredText(String name) {
        return required(name, "a string", text(name));
    }

    /** A JSON number, or null. */
    Double number(String name) {
        return typed(name, "a number", JsonNode::isNumber, JsonNode::doubleValue);
    }

    double requiredNumber(String name) {
        return required(name, "a number", number(name));
    }

    /** A number as a JSON number or as people write sizes ({@code "70B"}, {@code "15T"}, {@code "1.5M"}), or null. */
    Double amount(String name) {
        String expected = "a number or a size such as \"70B\", \"15T\", \"1.5M\"";
        JsonNode v = typed(name, expected, n -> n.isNumber() || n.isTextual(), n -> n);
        if (v == null || v.isNumber()) return v == null ? null : v.doubleValue();
        try {
            return HumanNumber.parse(text(name));
        } catch (RuntimeException e) {
            throw new HttpError(400, "'" + name + "' must be " + expected + ", got \"" + UserInputException.shown(v.textValue()) + "\"");
        }
    }

    /** A JSON integer, or null. */
    Integer integer(String name) {
        return typed(name, "a whole number", n -> n.isIntegralNumber() && n.canConvertToInt(), JsonNode::intValue);
    }

    /** A JSON boolean; false when absent. */
    boolean flag(String name) {
        return Boolean.TRUE.equals(typed(name, "true or false", JsonNode::isBoolean, JsonNode::booleanValue));
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
        return required(name, "an ISO-8601 time with a UTC offset, e.g. \"2025-01-03T18:00Z\"", instant(name));
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

    /** The field's value when present and {@code ok}; null when absent; else a 400 naming the type {@code expected}. */
    private <T> T typed(String name, String expected, Predicate<JsonNode> ok, Function<JsonNode, T> value) {
        JsonNode v = field(name);
        if (v == null) return null;
        if (!ok.test(v)) throw wrongType(name, expected, v);
        return value.apply(v);
    }

    private static <T> T required(String name, String expected, T value) {
        if (value == null) throw new HttpError(400, "'" + name + "' is required: " + expected);
        return value;
    }

    private JsonNode field(String name) {
        known.add(name);
        JsonNode v = body.get(name);
        return v == null || v.isNull() ? null : v;
    }

    private static HttpError wrongType(String name, String expected, JsonNode got) {
        return new HttpError(400, "'" + name + "' must be " + expected + ", got " + kind(got));
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
