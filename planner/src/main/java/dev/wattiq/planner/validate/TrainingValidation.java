package dev.wattiq.planner.validate;

import dev.wattiq.ledger.Bill;
import dev.wattiq.ledger.EnergyTrace;
import dev.wattiq.ledger.Ledger;
import dev.wattiq.ledger.Site;
import dev.wattiq.planner.fit.Interval;
import dev.wattiq.planner.fit.Priors;
import dev.wattiq.planner.fit.Spread;
import dev.wattiq.planner.published.Problem;
import dev.wattiq.planner.published.PublishedRun;
import dev.wattiq.planner.published.TrainingRuns;
import dev.wattiq.planner.train.Layout;
import dev.wattiq.planner.train.TrainingCalibration;
import dev.wattiq.planner.train.TrainingFit;
import dev.wattiq.planner.train.TrainingModel;
import dev.wattiq.planner.train.TrainingPlanner;
import dev.wattiq.planner.train.TrainingRun;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Replays published training runs two ways:
 * <ul>
 *   <li>(a) arithmetic: the row's own device-hours, average power (else TDP), PUE and intensity through the planner's
 *   energy formula and the ledger's bill;</li>
 *   <li>(b) the model from N, N_active, D, hardware and device count alone. The prediction scored is out-of-sample: it
 *   comes from the fit that did not see the row's model family (leave-one-family-out over the reference runs; for a
 *   row of another file whose family the reference lacks, the fit on every reference run). Beside it, the in-sample
 *   prediction of the fit on every row (the reference runs plus the file's), and the 80% interval from the
 *   out-of-sample residuals of the other families.</li>
 * </ul>
 * Scope follows the row: a figure stated without PUE is billed at PUE 1; host and network overhead is counted only
 * where the published power is a system figure (chip + host), since most published energies count devices alone.
 */
public final class TrainingValidation {
    private TrainingValidation() {
    }

    /**
     * Validates {@code file} against {@code reference} (the planner's calibration). A row the reference was fitted on
     * is scored by the fold that left its family out; any other row by the fit on every reference run.
     */
    public static Report run(TrainingRuns file, TrainingPlanner reference) {
        TrainingCalibration cal = reference.calibration();
        Set<String> fitted = new java.util.HashSet<>();
        for (TrainingRun r : cal.runs()) fitted.add(key(r));
        boolean allFitted = file.runs().stream().allMatch(r -> fitted.contains(key(r)));
        TrainingModel inSample = allFitted ? cal.model() : refit(reference, file);
        int held = 0;
        List<Comparison> out = new ArrayList<>();
        List<Problem> problems = new ArrayList<>(file.problems());
        Map<String, Integer> lines = new HashMap<>();
        for (PublishedRun p : file.rows()) {
            arithmetic(p, out);
            TrainingRun r = p.run();
            if (r == null) {
                problems.add(p.unusable());
                continue;
            }
            String key = r.params() + "|" + r.active() + "|" + r.tokens() + "|" + r.hardware().id() + "|" + r.devices()
                    + "|" + r.deviceHours();
            Integer first = lines.putIfAbsent(key, p.line());
            if (first != null && r.hasHours()) {
                problems.add(new Problem(file.file(), p.line(), p.name(), "device_hours", "the same run as line " + first
                        + " (same parameters, tokens, hardware, devices and hours): scored once"));
                continue;
            }
            boolean seen = fitted.contains(key(r));
            if (!seen) held++;
            model(file.file(), p, r, seen ? cal.modelWithout(r.family()) : cal.model(), inSample, cal,
                    seen ? r.family() : null, out, problems);
        }
        return new Report(out, problems, "training: out-of-sample = leave-one-family-out over " + cal.runs().size()
                + " fitted runs (" + families(cal) + " families)" + (held > 0 ? "; " + held
                + " runs never fitted, scored by the fit on all fitted runs" : ""));
    }

    static String key(TrainingRun r) {
        return r.name() + "|" + r.hardware().id() + "|" + r.deviceHours() + "|" + r.tokens();
    }

    private static int families(TrainingCalibration cal) {
        Set<String> f = new LinkedHashSet<>();
        for (TrainingRun r : cal.runs()) f.add(r.family());
        return f.size();
    }

    /** The fit on the reference runs plus the file's (rows already in the reference counted once). */
    private static TrainingModel refit(TrainingPlanner reference, TrainingRuns file) {
        List<TrainingRun> all = new ArrayList<>(reference.calibration().runs());
        Set<String> names = new LinkedHashSet<>();
        for (TrainingRun r : all) names.add(key(r));
        for (TrainingRun r : file.runs()) if (names.add(key(r))) all.add(r);
        double days = reference.model().coefficients().typicalRunDays();
        return TrainingFit.fit(reference.model(), all, Priors.shipped(), days);
    }

    private static void arithmetic(PublishedRun p, List<Comparison> out) {
        if (!(p.deviceHours() > 0 && p.power() > 0) || p.composite()) return;
        double devices = p.devices() > 0 ? p.devices() : 1;
        double itJ = TrainingPlanner.itEnergyJoules(p.deviceHours(), p.power(), 0);
        Bill bill = bill(itJ, p.deviceHours() * 3600 / devices, p.pue(), p.ci());
        String note = "published device-hours x " + p.power() + " W; PUE " + p.pue()
                + (Double.isNaN(p.ci()) ? "" : ", " + p.ci() + " kgCO2e/kWh");
        if (p.energyMwh() > 0) {
            out.add(Comparison.arithmetic(p.line(), p.name(), "energy_mwh", bill.facilityEnergyKwh() / 1000, p.energyMwh(), note));
        }
        if (p.ci() > 0 && p.tco2e() > 0) {
            out.add(Comparison.arithmetic(p.line(), p.name(), "tco2e", bill.co2eLocationKg() / 1000, p.tco2e(), note));
        }
    }

    /** {@code family}: the row's family when it was fitted (its own residuals leave the interval), else null. */
    private static void model(String file, PublishedRun p, TrainingRun r, TrainingModel oos, TrainingModel ins,
                              TrainingCalibration cal, String family, List<Comparison> out, List<Problem> problems) {
        Layout layout = TrainingFit.layout(oos, r);
        double hoursOut = TrainingFit.predictHours(oos, r);
        double hoursIn = TrainingFit.predictHours(ins, r);
        String note = (r.hasDevices() ? "" : "devices not published: " + layout.devices() + " chosen; ")
                + "tp " + layout.tensorParallel() + ", pp " + layout.pipelineParallel()
                + String.format(", MFU %.3f", layout.steadyMfu()) + (r.steady() ? ", steady-state hours" : "")
                + (r.shape().isGeneric() ? ", generic shape" : "");
        if (r.hasHours()) {
            out.add(modelled(p, "device_hours", hoursOut, hoursIn, p.deviceHours(), (family == null ? cal.hoursSpread() : cal.hoursSpreadWithout(family)), note));
        } else {
            problems.add(new Problem(file, p.line(), p.name(), "device_hours",
                    "no published device-hours: only energy and carbon are scored"));
        }
        if (r.hasMeasuredPower() && r.hasHours()) {
            out.add(modelled(p, "avg_power_w", TrainingFit.predictPower(oos, r), TrainingFit.predictPower(ins, r),
                    r.avgPowerWatts(), cal.powerSpread(), "at the utilisation the published hours imply"
                    + (r.systemPower() ? "; system figure: host overhead added" : "")));
        }
        if (p.composite()) return;
        double host = r.systemPower() ? oos.defaultHostOverhead() : 0;
        double eOut = TrainingPlanner.itEnergyJoules(hoursOut, oos.devicePowerWatts(r.hardware(), layout.steadyMfu()), host);
        Layout li = TrainingFit.layout(ins, r);
        double eIn = TrainingPlanner.itEnergyJoules(hoursIn, ins.devicePowerWatts(r.hardware(), li.steadyMfu()), host);
        double seconds = hoursOut * 3600 / layout.devices();
        Bill billOut = bill(eOut, seconds, p.pue(), p.ci());
        Bill billIn = bill(eIn, seconds, p.pue(), p.ci());
        Spread es = family == null ? cal.energySpread() : cal.energySpreadWithout(family);
        String enote = note + String.format(", %.0f W/device", oos.devicePowerWatts(r.hardware(), layout.steadyMfu()))
                + (host > 0 ? " + host " + host : "") + "; PUE " + p.pue();
        if (p.energyMwh() > 0) {
            out.add(modelled(p, "energy_mwh", billOut.facilityEnergyKwh() / 1000, billIn.facilityEnergyKwh() / 1000,
                    p.energyMwh(), es, enote));
        }
        if (p.ci() > 0 && p.tco2e() > 0) {
            out.add(modelled(p, "tco2e", billOut.co2eLocationKg() / 1000, billIn.co2eLocationKg() / 1000, p.tco2e(), es, enote));
        }
    }

    private static Comparison modelled(PublishedRun p, String metric, double oos, double ins, double published,
                                       Spread spread, String note) {
        Interval i = Interval.of(oos, spread);
        return new Comparison(p.line(), p.name(), "b", metric, oos, ins, published, i.p10(), i.p90(), note);
    }

    /** The ledger's bill at the row's PUE and intensity (kgCO2e/kWh; NaN = the ledger's default). */
    static Bill bill(double itJoules, double seconds, double pue, double ciKgPerKwh) {
        Site.Builder site = Site.builder().pue(pue, "published row");
        if (ciKgPerKwh > 0) site.gridIntensity(ciKgPerKwh * 1000, "published row");
        return Ledger.bill(EnergyTrace.of(Instant.EPOCH, Math.max(seconds, 1), itJoules), site.build());
    }
}
