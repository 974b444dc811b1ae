package dev.wattiq.app.runs;

import dev.wattiq.app.cli.Errors;
import dev.wattiq.app.store.RunRecord;
import dev.wattiq.app.store.RunStore;
import dev.wattiq.app.store.StoreException;
import dev.wattiq.meter.Method;
import dev.wattiq.meter.UserInputException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One job summed over its runs. Each run is one rank's process tree, charged its own share (process scope), so the
 * sum over ranks on one node does not count the node twice; machine-scope runs of one job on one node would, and
 * are flagged. The answer to a {@link ReportRequest}, printed by {@link ReportText}.
 *
 * @param job               the job id
 * @param runs              its runs, oldest first
 * @param totalJoules       summed charged energy
 * @param joulesByComponent summed per component
 * @param joulesByHost      summed per host
 * @param facilityJoules    summed facility energy (NaN when a run has no costing)
 * @param cost              summed cost (NaN when unknown or currencies differ)
 * @param currency          the runs' currency, or null
 * @param co2eLocationKg    summed location-based CO2e
 * @param co2eMarketKg      summed market-based CO2e
 * @param wallSeconds       first start to last end
 * @param method            weakest method over the runs
 * @param notes             what the reader must know
 */
public record JobReport(String job, List<RunRecord> runs, double totalJoules, Map<String, Double> joulesByComponent,
                        Map<String, Double> joulesByHost, double facilityJoules, double cost, String currency, double co2eLocationKg,
                        double co2eMarketKg, double wallSeconds, String method, List<String> notes) {

    /** Reads the job's runs from {@code store} and sums them; a user error, naming the store, when it holds none. */
    public static JobReport of(ReportRequest r, RunStore store) throws StoreException {
        List<RunRecord> runs = store.job(r.job());
        if (runs.isEmpty()) {
            throw new Errors.UserError("no runs of job '" + UserInputException.shown(r.job()) + "' in " + store.location() + ": run each rank as 'wattiq run --job "
                    + UserInputException.shown(r.job()) + " -- CMD' (with the same --store on every node)");
        }
        return of(r.job(), runs);
    }

    /** Sums {@code runs}, oldest first, as the runs of {@code job}. */
    public static JobReport of(String job, List<RunRecord> runs) {
        double total = 0;
        double facility = 0;
        double cost = 0;
        double loc = 0;
        double market = 0;
        String currency = null;
        boolean mixed = false;
        Map<String, Double> byComponent = new LinkedHashMap<>();
        Map<String, Double> byHost = new TreeMap<>();
        Map<String, Integer> machineRunsByHost = new TreeMap<>();
        Method method = null;
        Instant first = null;
        Instant last = null;
        List<String> notes = new ArrayList<>();
        int running = 0;
        for (RunRecord r : runs) {
            total += r.totalJoules();
            r.joulesByComponent().forEach((k, v) -> byComponent.merge(k, v, Double::sum));
            String host = r.host() == null ? "unknown" : r.host();
            byHost.merge(host, r.totalJoules(), Double::sum);
            if ("machine".equals(r.scope())) machineRunsByHost.merge(host, 1, Integer::sum);
            if ("running".equals(r.status())) running++;
            dev.wattiq.ledger.Bill k = r.bill();
            if (k == null) {
                facility = Double.NaN;
                cost = Double.NaN;
                loc = Double.NaN;
                market = Double.NaN;
            } else {
                facility += k.facilityEnergyJoules();
                cost += k.cost().amount();
                loc += k.co2eLocationKg();
                market += k.co2eMarketKg();
                if (currency != null && !currency.equals(k.cost().currency())) mixed = true;
                currency = k.cost().currency();
            }
            if (r.method() != null) {
                Method m = Method.parse(r.method());
                method = method == null ? m : Method.weakest(method, m);
            }
            if (first == null || r.startedAt().isBefore(first)) first = r.startedAt();
            Instant end = r.endedAt() == null ? r.startedAt() : r.endedAt();
            if (last == null || end.isAfter(last)) last = end;
        }
        if (mixed) {
            cost = Double.NaN;
            currency = null;
            notes.add("the runs were priced in different currencies: no total cost");
        }
        if (running > 0) notes.add(running + " run(s) still running: their energy so far is included");
        machineRunsByHost.forEach((host, n) -> {
            if (n > 1) notes.add(n + " runs on " + host + " used --scope machine: each charged the whole machine, so this sum counts it "
                    + n + " times (use the default --scope process for ranks sharing a node)");
        });
        double wall = first == null ? 0 : Duration.between(first, last).toMillis() / 1000.0;
        return new JobReport(job, runs, total, byComponent, byHost, facility, cost, currency, loc, market, wall,
                method == null ? null : method.label(), notes);
    }
}
