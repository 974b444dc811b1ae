package dev.wattiq.app.run;

import dev.wattiq.meter.UserInputException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** Parses sampling intervals such as {@code 100ms}, {@code 1ms}, {@code 2s}, {@code 0.5s}, {@code 250us}; at least 1 ms. */
public final class Intervals implements CommandLine.ITypeConverter<Duration> {
    /** The shortest interval the sampler supports. */
    public static final Duration MIN = Duration.ofMillis(1);
    /** The longest interval accepted (longer ones would leave runs without a power timeline). */
    public static final Duration MAX = Duration.ofHours(1);
    private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(us|ms|s|m)");

    /** Parses {@code text}; the exception's message names the problem and the accepted forms. */
    public static Duration parse(String text) {
        String t = text == null ? "" : text.trim();
        Matcher m = FORM.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("bad interval '" + UserInputException.shown(text) + "': give a number and a unit, e.g. 100ms, 1ms, 2s or 0.5s (at least 1ms)");
        }
        double value;
        try {
            value = Double.parseDouble(m.group(1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad interval '" + UserInputException.shown(text) + "': not a number", e);
        }
        double nanosPerUnit = switch (m.group(2)) {
            case "us" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            default -> 60e9;
        };
        double nanos = value * nanosPerUnit;
        if (nanos < MIN.toNanos()) {
            throw new IllegalArgumentException("interval '" + UserInputException.shown(text) + "' is too short: the sampler needs at least 1ms");
        }
        if (nanos > MAX.toNanos()) {
            throw new IllegalArgumentException("interval '" + UserInputException.shown(text) + "' is too long: use at most 1h (60m)");
        }
        return Duration.ofNanos(Math.round(nanos));
    }

    @Override
    public Duration convert(String value) {
        try {
            return parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }

    /** Prints a duration as the user would type it: {@code 100ms}, {@code 2s}, {@code 1.5ms}. */
    public static String format(Duration d) {
        long nanos = d.toNanos();
        if (nanos % 1_000_000_000L == 0) return nanos / 1_000_000_000L + "s";
        if (nanos % 1_000_000L == 0) return nanos / 1_000_000L + "ms";
        return String.format(java.util.Locale.ROOT, "%.3gms", nanos / 1e6);
    }
}
