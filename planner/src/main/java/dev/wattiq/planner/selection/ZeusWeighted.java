package dev.wattiq.planner.selection;

import dev.wattiq.planner.PlannerException;
import dev.wattiq.planner.Ties;
import dev.wattiq.planner.frontier.PointObjectives;
import dev.wattiq.planner.table.Table;
import java.util.Locale;

/**
 * Zeus's energy-time cost (You, Chung, Chowdhury, NSDI 2023): {@code η·E + (1−η)·P_max·T}, energy in joules, time
 * in seconds, P_max the device's maximum power in watts, so both terms are joules. η = 1 minimises energy alone,
 * η = 0 time alone. The lowest cost wins; ties prefer a frontier row.
 */
public final class ZeusWeighted implements Selector {
    private final double eta;
    private final double maxPowerWatts;
    private final String energyColumn;
    private final String timeColumn;

    /**
     * @param eta           weight of energy, in [0, 1]
     * @param maxPowerWatts the power that converts time into joules, > 0
     * @throws PlannerException when η is outside [0, 1] or the power is not a positive number
     */
    public ZeusWeighted(double eta, double maxPowerWatts, String energyColumn, String timeColumn) {
        if (!(eta >= 0 && eta <= 1)) {
            throw new PlannerException("eta must be in [0, 1] (1 = energy only, 0 = time only), got " + eta);
        }
        PlannerException.requirePositive("max power (W)", maxPowerWatts);
        this.eta = eta;
        this.maxPowerWatts = maxPowerWatts;
        this.energyColumn = energyColumn;
        this.timeColumn = timeColumn;
    }

    /** On Points' columns {@code energy_j} and {@code duration_s}. */
    public ZeusWeighted(double eta, double maxPowerWatts) {
        this(eta, maxPowerWatts, PointObjectives.ENERGY_J.name(), PointObjectives.DURATION_S.name());
    }

    /** The cost of one row, in joules. */
    public double cost(double energyJoules, double seconds) {
        return eta * energyJoules + (1 - eta) * maxPowerWatts * seconds;
    }

    @Override
    public Recommendation choose(Table table, boolean[] frontier) {
        double[] e = table.column(energyColumn);
        double[] t = table.column(timeColumn);
        int best = -1;
        double bestCost = Double.POSITIVE_INFINITY;
        for (int i = 0; i < table.rows(); i++) {
            double c = cost(e[i], t[i]);
            // ties (relative 1e-9) keep the first row, unless it is off the frontier and this one is on it
            if (Ties.lower(c, bestCost) || best >= 0 && Ties.equal(c, bestCost) && frontier[i] && !frontier[best]) {
                bestCost = c;
                best = i;
            }
        }
        if (best < 0) throw new InfeasibleException("no candidates with energy and time: give at least one row", "", Double.NaN);
        return new Recommendation(best, "zeus", String.format(Locale.ROOT,
                "lowest eta*E + (1-eta)*Pmax*T = %.4g J (eta %.2f, Pmax %.0f W)", bestCost, eta, maxPowerWatts));
    }
}
