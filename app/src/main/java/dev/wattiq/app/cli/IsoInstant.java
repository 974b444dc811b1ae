package dev.wattiq.app.cli;

import dev.wattiq.meter.UserInputException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import picocli.CommandLine;

/**
 * The one reading of a time the user gives ({@code --start}, {@code --deadline}, {@code --now}, and the same fields
 * over HTTP): ISO-8601 with a UTC offset, e.g. {@code 2025-01-03T18:00Z} or {@code 2025-01-03T19:00+01:00}.
 */
public final class IsoInstant implements CommandLine.ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
        try {
            return parse(value);
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException(problem(value));
        }
    }

    /** Parses {@code text}; throws {@link DateTimeParseException} when it is not an ISO-8601 time with an offset. */
    public static Instant parse(String text) {
        return OffsetDateTime.parse(text.trim()).toInstant();
    }

    /** What is wrong with {@code text}, and how to write it. */
    public static String problem(String text) {
        return "'" + UserInputException.shown(text) + "' is not an ISO-8601 time with a UTC offset: write e.g. 2025-01-03T18:00Z or 2025-01-03T19:00+01:00";
    }
}
