package dev.wattiq.planner.schedule;

import dev.wattiq.planner.PlannerException;

import java.util.Locale;

/** What a schedule minimises. */
public enum Objective {
    /** Money: energy x hourly price. */
    COST,
    /** Location-based CO2e: energy x hourly grid intensity. */
    CARBON,
    /** w x cost / baseline cost + (1 - w) x CO2e / baseline CO2e: both relative to starting now, so unitless. */
    WEIGHTED;

    /** Parses {@code cost}, {@code carbon} or {@code weighted}. */
    public static Objective parse(String s) {
        try {
            return valueOf(s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new PlannerException("unknown objective '" + s + "': use cost, carbon or weighted");
        }
    }
}
