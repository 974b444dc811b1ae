package dev.wattiq.app.tune;

import java.util.List;

/**
 * A {@code tune points} request (CLI options, or a {@code POST /api/tune/points} body).
 *
 * @param csv            the points table: a header row, one row per point
 * @param origin         what the table is called in messages and the result: the file given, or the body field
 * @param objectives     columns to trade off, {@code COL:min|max,...}
 * @param where          constraints for the recommendation, {@code COL<=V} or {@code COL>=V}
 * @param pick           recommend the best row on this column ({@code COL[:min|max]}) meeting {@code where}; or null
 * @param eta            recommend by Zeus's {@code eta*E + (1-eta)*Pmax*T}; or null
 * @param maxPowerWatts  Pmax for {@code eta}
 */
public record PointsRequest(String csv, String origin, String objectives, List<String> where, String pick, Double eta,
                            Double maxPowerWatts, String energyColumn, String timeColumn) {
    public static final String DEFAULT_ENERGY_COLUMN = "energy_j";
    public static final String DEFAULT_TIME_COLUMN = "duration_s";

    public PointsRequest {
        where = where == null ? List.of() : List.copyOf(where);
        if (energyColumn == null) energyColumn = DEFAULT_ENERGY_COLUMN;
        if (timeColumn == null) timeColumn = DEFAULT_TIME_COLUMN;
    }
}
