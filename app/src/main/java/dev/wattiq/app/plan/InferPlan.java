package dev.wattiq.app.plan;

import dev.wattiq.app.cli.Errors;
import dev.wattiq.ledger.Bill;
import dev.wattiq.ledger.EnergyTrace;
import dev.wattiq.ledger.Ledger;
import dev.wattiq.meter.Clock;
import dev.wattiq.planner.PlannerException;
import dev.wattiq.planner.hardware.Hardware;
import dev.wattiq.planner.hardware.HardwareChoice;
import dev.wattiq.planner.hardware.Precision;
import dev.wattiq.planner.infer.InferenceEstimate;
import dev.wattiq.planner.infer.InferencePlanner;
import dev.wattiq.planner.infer.InferenceRequest;
import dev.wattiq.planner.model.ModelArchitecture;
import java.time.Duration;

import static dev.wattiq.meter.UserInputException.field;

/** The answer to an {@link InferRequest}: the serving estimate and a year of it billed. Printed by {@link PlanText} and {@link PlanJson}. */
public record InferPlan(HardwareChoice choice, ModelArchitecture model, InferenceEstimate estimate, Bill bill) {
    /** Computes the plan; {@code clock} gives the start of the year billed when the request has none. */
    public static InferPlan of(InferRequest r, Clock clock) {
        PlanTarget t = r.target();
        HardwareChoice choice = t.device();
        Hardware hw = choice.hardware();
        ModelArchitecture arch;
        if (t.model() != null) {
            arch = PlanTarget.architecture(t.model());
            if (t.params() != null || t.activeParams() != null) {
                throw new Errors.UserError("give either " + field("model") + " or " + field("params") + "/" + field("active_params") + ", not both");
            }
        } else if (t.params() != null) {
            double n = PlannerException.requirePositive(field("params"), t.params());
            double a = t.activeParams() == null ? n : PlannerException.requirePositive(field("active_params"), t.activeParams());
            if (a > n) throw new Errors.UserError(field("active_params") + " exceeds " + field("params") + ": active parameters are a subset of all parameters");
            arch = ModelArchitecture.generic(n, a);
        } else {
            throw new Errors.UserError("no model: give " + field("params") + " N (e.g. 70B) or " + field("model") + " NAME");
        }
        InferenceRequest req = new InferenceRequest(arch, hw, t.devices(), r.batch(), Precision.parse(t.precision()),
                r.inputTokens(), r.outputTokens(), r.requestsPerDay(), null, null, t.hostOverhead(), true);
        InferenceEstimate e = InferencePlanner.shipped().estimate(req);
        Bill bill = Ledger.bill(EnergyTrace.of(t.startOr(clock), Duration.ofDays(365), e.annualItEnergyJoules()),
                t.billingSite(hw, e.devices() * e.replicas()));
        return new InferPlan(choice, arch, e, bill);
    }
}
