package dev.wattiq.app.cli;

import dev.wattiq.meter.UserInputException;
import java.util.Locale;
import picocli.CommandLine;

/**
 * Reads numbers the way people write model sizes: {@code 70e9}, {@code 70B}, {@code 15T}, {@code 1.5M}, {@code 2k},
 * {@code 1,000,000}, {@code 1_000_000} or {@code 15 trillion}. Suffixes: k/K = 1e3, M = 1e6, B/G = 1e9, T = 1e12, P = 1e15;
 * words: thousand, million, billion, trillion, quadrillion.
 */
public final class HumanNumber implements CommandLine.ITypeConverter<Double> {
    private static final java.util.regex.Pattern WORDS = java.util.regex.Pattern.compile("(.*?)\\s*([A-Za-z]{4,})");

    @Override
    public Double convert(String value) {
        return parse(value);
    }

    /** Parses {@code text}; throws {@link CommandLine.TypeConversionException} with the accepted forms. */
    public static double parse(String text) {
        String s = text.trim().replace(",", "").replace("_", "");
        if (s.isEmpty()) throw bad(text);
        java.util.regex.Matcher words = WORDS.matcher(s);
        if (words.matches() && NumberWords.word(words.group(2)) != null && !words.group(1).isEmpty()) { // "15 trillion", "1.5million"
            return parse(words.group(1)) * NumberWords.SCALE.get(NumberWords.word(words.group(2)));
        }
        double scale = 1;
        char last = s.charAt(s.length() - 1);
        switch (Character.toUpperCase(last)) {
            case 'K' -> scale = 1e3;
            case 'M' -> scale = 1e6;
            case 'B', 'G' -> scale = 1e9;
            case 'T' -> scale = 1e12;
            case 'P' -> scale = 1e15;
            default -> scale = 1;
        }
        if (scale != 1) s = s.substring(0, s.length() - 1).trim();
        try {
            if (s.toLowerCase(Locale.ROOT).matches(".*(nan|infinity).*") || s.endsWith("d") || s.endsWith("f")) throw bad(text);
            double v = Double.parseDouble(s) * scale;
            if (!Double.isFinite(v)) throw bad(text);
            return v;
        } catch (NumberFormatException e) {
            throw bad(text);
        }
    }

    private static CommandLine.TypeConversionException bad(String text) {
        return new CommandLine.TypeConversionException("'" + UserInputException.shown(text) + "' is not a number: write a number with an optional size letter,"
                + " e.g. 15T (15 trillion), 70B (70 billion), 1.5M, 2k, 70e9 or 1,000,000");
    }
}
