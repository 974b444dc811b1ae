package dev.wattiq.meter;

import java.util.Locale;

/**
 * How a number of energy was obtained. Never mixed silently: a {@link Measurement} whose components
 * were obtained in different ways reports the weakest method overall and each component's own.
 */
public enum Method {
    /** Read from a hardware energy counter (RAPL {@code energy_uj}, NVML total energy). */
    MEASURED,
    /** Power samples integrated over time (NVML power usage on pre-Volta GPUs). */
    INTEGRATED,
    /** A model (CPU time x watts per core, memory watts per GB), with its coefficients shown. */
    ESTIMATED;

    /** The lower-case label used in JSON and on the terminal: {@code measured}, {@code integrated}, {@code estimated}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The less trustworthy of two methods: {@code ESTIMATED} beats {@code INTEGRATED} beats {@code MEASURED}. */
    public static Method weakest(Method a, Method b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }

    /** Parses a label as printed by {@link #label()}. */
    public static Method parse(String label) {
        for (Method m : values()) {
            if (m.label().equals(label)) return m;
        }
        throw new IllegalArgumentException("unknown method '" + label + "': expected measured, integrated or estimated");
    }
}
