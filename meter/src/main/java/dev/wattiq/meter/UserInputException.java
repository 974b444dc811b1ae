package dev.wattiq.meter;

import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one base type for a user's mistake: a bad flag value, file, name or request. The message is one line that names
 * the problem and the fix ("unknown region 'us-iowa': did you mean US-IA, US-OR, US-VA? (see docs/ledger.md)").
 * It lives in the lowest room so every module's input errors can extend it; the CLI maps exactly this type (and its
 * subclasses) to a one-line message and exit code 2, and the HTTP API to 400. Anything else is a bug.
 *
 * <p>A library below the app does not know the CLI's flags: its messages name the request's fields with
 * {@link #field(String)}. {@link #getMessage()} shows a field by its name ({@code active_params}, as the HTTP API's
 * JSON names it, or the words given with it); the app shows it as its flag with {@link #message(UnaryOperator)}.
 */
public class UserInputException extends RuntimeException {
    /** Marks a field in a message template (never shown: every way out renders it). */
    private static final String OPEN = "\u27e6";
    private static final String CLOSE = "\u27e7";
    private static final Pattern FIELD = Pattern.compile("\u27e6([a-z][a-z0-9_]*)(?:\\|([^\u27e6\u27e7]*))?\u27e7");

    public UserInputException(String message) {
        super(message);
    }

    public UserInputException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * What the user gave, as it may stand in a one-line message: at most 40 characters, control characters escaped
     * ({@code \u000a}), so a value holding a newline never splits the message.
     */
    public static String shown(String value) {
        if (value == null) return "null";
        String c = value.length() > 40 ? value.substring(0, 40) + "..." : value;
        StringBuilder b = new StringBuilder(c.length());
        for (char ch : c.toCharArray()) {
            if (ch < 0x20 || ch == 0x7f) b.append(String.format("\\u%04x", (int) ch));
            else b.append(ch);
        }
        return b.toString();
    }

    /** A request field named in a message, e.g. {@code field("active_params")}; shown as its name or as the caller's. */
    public static String field(String name) {
        return OPEN + name + CLOSE;
    }

    /**
     * A request field named in a message with the words that stand for it where fields are shown by name, e.g.
     * {@code field("list_hardware", "the planner's hardware.csv")}.
     */
    public static String field(String name, String words) {
        return OPEN + name + "|" + words + CLOSE;
    }

    /** The message with each field shown as {@code naming} names it (the CLI: its flag). */
    public String message(UnaryOperator<String> naming) {
        return render(super.getMessage(), naming);
    }

    /**
     * The message with its fields still marked, for a message that extends it (another exception's, whose caller then
     * shows the fields as it names them).
     */
    public String marked() {
        return super.getMessage();
    }

    /** The message with each field shown by its name (or its words). */
    @Override
    public String getMessage() {
        return render(super.getMessage(), null);
    }

    private static String render(String template, UnaryOperator<String> naming) {
        if (template == null || template.indexOf(OPEN) < 0) return template;
        Matcher m = FIELD.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String shown = naming != null ? naming.apply(m.group(1)) : m.group(2) != null ? m.group(2) : m.group(1);
            m.appendReplacement(out, Matcher.quoteReplacement(shown));
        }
        return m.appendTail(out).toString();
    }
}
