package dev.wattiq.app.plan;

import dev.wattiq.app.cli.Errors;
import dev.wattiq.ledger.Bill;
import dev.wattiq.ledger.EnergyTrace;
import dev.wattiq.ledger.Ledger;
import dev.wattiq.meter.Clock;
import dev.wattiq.planner.hardware.Hardware;
import dev.wattiq.planner.hardware.HardwareChoice;
import dev.wattiq.planner.hardware.Precision;
import dev.wattiq.planner.model.ModelArchitecture;
import dev.wattiq.planner.train.TrainingEstimate;
import dev.wattiq.planner.train.TrainingPlanner;
import dev.wattiq.planner.train.TrainingRequest;
import java.util.List;

import static dev.wattiq.meter.UserInputException.field;

/**
 * The answer to a {@link TrainRequest}: the planner's estimate, the ledger's bill for it, and the same run at growing
 * device counts. Printed by {@link PlanText} and {@link PlanJson}.
 */
public record TrainPlan(HardwareChoice choice, TrainingEstimate estimate, Bill bill, List<TrainingEstimate> scaling) {
    /** Computes the plan; {@code clock} gives the start when the request has none. */
    public static TrainPlan of(TrainRequest r, Clock clock) {
        PlanTarget t = r.target();
        HardwareChoice choice = t.device();
        Hardware hw = choice.hardware();
        ModelArchitecture arch = t.model() == null ? null : PlanTarget.architecture(t.model());
        Double n = t.params() != null ? t.params() : arch != null ? arch.params() : null;
        Double a = t.activeParams() != null ? t.activeParams() : arch != null && t.params() == null ? arch.activeParams() : null;
        Double d = r.tokens() != null ? r.tokens() : arch != null && !Double.isNaN(arch.trainTokens()) ? arch.trainTokens() : null;
        if (n == null) throw new Errors.UserError("no model size: give " + field("params") + " N (e.g. 70B) or " + field("model") + " NAME");
        if (d == null) throw new Errors.UserError("no token count: give " + field("tokens") + " D (e.g. 15T)");
        TrainingRequest req = new TrainingRequest(n, a, d, hw, t.devices(), r.deviceHours(), r.devicePower(), t.hostOverhead(),
                r.mfu(), r.tensorParallel(), r.pipelineParallel(), Precision.parse(t.precision()), r.recompute(), arch);
        TrainingPlanner planner = TrainingPlanner.shipped();
        TrainingEstimate e = planner.estimate(req);
        Bill bill = Ledger.bill(EnergyTrace.of(t.startOr(clock), e.durationSeconds(), e.itEnergyJoules()), t.billingSite(hw, e.devices()));
        return new TrainPlan(choice, e, bill, planner.scaling(req, TrainingPlanner.doublings(e.devices())));
    }
}
