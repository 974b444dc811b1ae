package dev.wattiq.planner.selection;

import dev.wattiq.planner.frontier.Pareto;
import dev.wattiq.planner.table.Table;

/**
 * A policy that picks one row of a table (Zeus's optimum selectors, STYLE.md lesson 9): each implementation
 * validates its arguments when constructed, so a bad weight or budget fails before any search.
 */
public interface Selector {
    /**
     * Picks a row.
     *
     * @param table    the candidates' numbers
     * @param frontier {@code frontier[i]} true when row i is on the Pareto frontier (ties prefer frontier rows)
     * @throws InfeasibleException when no row meets the selector's constraints
     */
    Recommendation choose(Table table, boolean[] frontier);
}
