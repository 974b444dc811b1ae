package dev.wattiq.planner.llm;

import dev.wattiq.ledger.Bill;
import dev.wattiq.ledger.EnergyTrace;
import dev.wattiq.ledger.Ledger;
import dev.wattiq.ledger.Site;
import dev.wattiq.planner.PlannerException;
import dev.wattiq.planner.hardware.Hardware;
import dev.wattiq.planner.hardware.Precision;
import dev.wattiq.planner.train.TrainingEstimate;
import dev.wattiq.planner.train.TrainingPlanner;
import dev.wattiq.planner.train.TrainingRequest;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

import static dev.wattiq.meter.UserInputException.field;

/**
 * Turns a budget (training FLOPs, facility kWh, money or kg CO2e) into a compute-optimal LLM with its time, energy,
 * cost and CO2e: the planner's training model gives IT energy and time for (N, D) on the hardware, the ledger's bill
 * at the site gives facility kWh, money and CO2e. Budgets other than FLOPs are met by bisection on log FLOPs (the
 * bill grows with FLOPs); the plan returned stays within the budget.
 */
public final class LlmBudget {
    /** What the budget is counted in. */
    public enum Kind {
        FLOPS("FLOP"), KWH("kWh (facility)"), COST("money"), CO2E_KG("kg CO2e (location-based)");

        private final String unit;

        Kind(String unit) {
            this.unit = unit;
        }

        /** The budget's unit, in words. */
        public String unit() {
            return unit;
        }
    }

    /**
     * One sized and costed model.
     *
     * @param allocation N, D, FLOPs and predicted loss
     * @param training   the planner's estimate (devices, time, IT energy, assumptions)
     * @param bill       the ledger's bill at the site
     */
    public record Plan(LlmSizer.Allocation allocation, TrainingEstimate training, Bill bill) {
    }

    private final Hardware hardware;
    private final Site site;
    private final LlmSizer.Rule rule;
    private final Integer devices;
    private final Precision precision;
    private final Instant start;
    private final TrainingPlanner planner;

    /**
     * @param devices device count, or null for the smallest whole number of nodes holding the training state
     * @param start   when training starts (matters for time-of-use tariffs and hourly carbon series)
     */
    public LlmBudget(Hardware hardware, Site site, LlmSizer.Rule rule, Integer devices, Precision precision, Instant start) {
        this.hardware = Objects.requireNonNull(hardware, "hardware");
        this.site = Objects.requireNonNull(site, "site");
        this.rule = Objects.requireNonNull(rule, "rule");
        this.precision = Objects.requireNonNull(precision, "precision");
        this.start = Objects.requireNonNull(start, "start");
        if (devices != null && devices < 1) throw new PlannerException(field("devices") + " must be >= 1, got " + devices);
        this.devices = devices;
        this.planner = TrainingPlanner.shipped();
    }

    /** The plan for the largest compute-optimal model within {@code amount} of {@code kind}. */
    public Plan plan(Kind kind, double amount) {
        PlannerException.requirePositive("the budget", amount);
        if (kind == Kind.FLOPS) return at(LlmSizer.computeOptimal(amount, rule));
        double lo = 1e9;
        if (measure(kind, plan(lo)) > amount) {
            throw new PlannerException(String.format(Locale.ROOT, "a budget of %.4g %s does not buy even 1e9 training "
                    + "FLOPs on %s at this site: raise the budget", amount, kind.unit(), hardware.id()));
        }
        double hi = lo * 10;
        while (measure(kind, plan(hi)) <= amount) { // grow the bracket a decade at a time (bills of huge runs are slow)
            lo = hi;
            hi *= 10;
            if (hi > 1e32) {
                throw new PlannerException(String.format(Locale.ROOT, "a budget of %.4g %s buys more than 1e32 FLOPs: "
                        + "check the unit (e.g. " + field("budget_kwh") + " is kWh)", amount, kind.unit()));
            }
        }
        for (int i = 0; i < 200 && hi / lo > 1 + 1e-9; i++) {
            double mid = Math.sqrt(lo * hi);
            if (measure(kind, plan(mid)) <= amount) lo = mid;
            else hi = mid;
        }
        return plan(lo);
    }

    /** The plan for {@code flops} training FLOPs. */
    public Plan plan(double flops) {
        return at(LlmSizer.computeOptimal(flops, rule));
    }

    /** Costs a given allocation (e.g. the inference-aware one). */
    public Plan at(LlmSizer.Allocation a) {
        // tensor and pipeline degrees from the planner's layout rule: forced to 1 they leave a model past the point
        // where one device holds its weights, gradients and activations to recompute them (8 N D instead of 6 N D), a
        // jump in the bill that a budget falls into
        TrainingRequest r = new TrainingRequest(a.params(), null, a.tokens(), hardware, devices, null, null, null, null,
                null, null, precision, false, null);
        TrainingEstimate e = planner.estimate(r);
        Bill bill = Ledger.bill(EnergyTrace.of(start, e.durationSeconds(), e.itEnergyJoules()), site);
        return new Plan(a, e, bill);
    }

    private static double measure(Kind kind, Plan p) {
        return switch (kind) {
            case FLOPS -> p.allocation().trainFlops();
            case KWH -> p.bill().facilityEnergyKwh();
            case COST -> p.bill().cost().amount();
            case CO2E_KG -> p.bill().co2eLocationKg();
        };
    }
}
