package dev.wattiq.meter;

import java.util.Locale;

/** What a measurement charges: the measured process tree's share, or the whole machine. */
public enum Scope {
    /** The measured process tree is charged its share of each device by CPU time (and GPU utilisation). */
    PROCESS,
    /** Everything the sensors see is charged. */
    MACHINE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Scope parse(String label) {
        for (Scope s : values()) {
            if (s.label().equalsIgnoreCase(label)) return s;
        }
        throw new UserInputException("unknown scope '" + label + "': expected process or machine");
    }
}
