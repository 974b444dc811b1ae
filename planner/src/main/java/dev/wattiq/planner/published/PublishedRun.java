package dev.wattiq.planner.published;

import dev.wattiq.planner.train.TrainingRun;

/**
 * One row of training_runs.csv with what the validation needs for both modes. Absent numbers are NaN.
 *
 * @param line        the row's line
 * @param name        the model as published
 * @param pue         the row's PUE (1 where the figure is stated without one)
 * @param ci          grid intensity, kg CO2e per kWh
 * @param deviceHours published device-hours
 * @param devices     published devices
 * @param power       average power per device for the arithmetic (measured, else the TDP the figure used)
 * @param energyMwh   published energy
 * @param tco2e       published emissions
 * @param composite   the energy is not one power figure (dynamic + idle + embodied): left out of energy scoring
 * @param system      the published power is a system figure (chip + host)
 * @param run         the row as the model uses it; null when it lacks what the model needs
 * @param unusable    why {@code run} is null (the column and the fix), else null
 */
public record PublishedRun(int line, String name, double pue, double ci, double deviceHours, double devices,
                           double power, double energyMwh, double tco2e, boolean composite, boolean system,
                           TrainingRun run, Problem unusable) {
}
