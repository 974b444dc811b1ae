package dev.wattiq.planner.frontier;

import dev.wattiq.ledger.Point;
import java.util.List;
import java.util.Locale;

/** The objectives a {@link Point} carries, by their JSON names (snake_case with unit suffix). */
public final class PointObjectives {
    /** IT energy in joules, smaller is better. */
    public static final Objective<Point> ENERGY_J = Objective.min("energy_j", Point::energyJoules);
    /** Wall time in seconds, smaller is better. */
    public static final Objective<Point> DURATION_S = Objective.min("duration_s", Point::durationSeconds);
    /** Money at the site's tariff, smaller is better. */
    public static final Objective<Point> COST = Objective.min("cost", Point::cost);
    /** Location-based CO2e in kg, smaller is better. */
    public static final Objective<Point> CO2E_LOCATION_KG = Objective.min("co2e_location_kg", Point::co2eLocationKg);
    /** Market-based CO2e in kg, smaller is better. */
    public static final Objective<Point> CO2E_MARKET_KG = Objective.min("co2e_market_kg", Point::co2eMarketKg);
    /** The quality figure, larger is better. */
    public static final Objective<Point> QUALITY = Objective.max("quality", Point::quality);

    /** All of them, in the order above. */
    public static final List<Objective<Point>> ALL =
            List.of(ENERGY_J, DURATION_S, COST, CO2E_LOCATION_KG, CO2E_MARKET_KG, QUALITY);

    private PointObjectives() {
    }

    /**
     * The objective called {@code name} (e.g. {@code energy_j}).
     *
     * @throws IllegalArgumentException listing the known names
     */
    public static Objective<Point> byName(String name) {
        String key = name.strip().toLowerCase(Locale.ROOT);
        for (Objective<Point> o : ALL) {
            if (o.name().equals(key)) return o;
        }
        throw new IllegalArgumentException("unknown point objective '" + name + "': use one of "
                + ALL.stream().map(Objective::name).toList());
    }
}
