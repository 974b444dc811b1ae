package dev.wattiq.planner.infer;

import dev.wattiq.planner.hardware.Hardware;
import dev.wattiq.planner.hardware.Precision;
import dev.wattiq.planner.model.ModelArchitecture;

/**
 * A published serving measurement as the fit and the validation use it (one J/token row of inference.csv).
 *
 * @param line      the row's line
 * @param name      the model as published
 * @param family    fold group
 * @param model     the architecture (models.csv, or the generic shape of the row's parameter columns)
 * @param hardware  the device
 * @param devices   devices serving one replica
 * @param batch     mean running sequences
 * @param precision weight precision
 * @param tp        tensor-parallel degree (null: the default)
 * @param ep        expert-parallel degree (null: the default)
 * @param input     prompt tokens per request
 * @param output    output tokens per request
 * @param published published joules per output token
 * @param label     short description (task, batch)
 * @param defaulted which settings the row did not give and took defaults for ("" when none)
 * @param publishedTokensPerSecond published output throughput of the replica (NaN when the row gives none)
 * @param publishedWatts           published average power of the replica's devices (NaN when none)
 */
public record ServingRun(int line, String name, String family, ModelArchitecture model, Hardware hardware, int devices,
                         double batch, Precision precision, Integer tp, Integer ep, double input, double output,
                         double published, String label, String defaulted, double publishedTokensPerSecond,
                         double publishedWatts) {
}
