package dev.wattiq.app.cli;

/**
 * The CLI's names for the request fields that the lower rooms' messages name ({@link
 * dev.wattiq.meter.UserInputException#field(String)}): a field {@code active_params} is the flag
 * {@code --active-params}; a catalogue ({@code list_hardware}) is the command that lists it.
 */
public final class FlagNames {
    private FlagNames() {
    }

    /** The flag (or command) the CLI user types for {@code field}. */
    public static String of(String field) {
        String flag = "--" + field.replace('_', '-');
        return field.startsWith("list_") ? "'wattiq plan train " + flag + "'" : flag;
    }
}
