package dev.wattiq.planner.schedule;

import dev.wattiq.planner.PlannerException;
import dev.wattiq.planner.Ties;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static dev.wattiq.meter.UserInputException.field;

/**
 * Chooses when and where to run a job against hourly price and carbon series before a deadline. Contiguous jobs:
 * every start hour in every candidate region, by prefix sums, O(regions x hours). Interruptible jobs: in each
 * region, the cheapest hours of the window (whole hours, then the fractional remainder in the next cheapest hour,
 * which is optimal), O(regions x hours log hours). The baseline starts now in the first candidate region.
 *
 * <p>Ties follow {@link Ties}: costs within a relative 1e-9 are equal and the earliest start keeps its place (then
 * the first region given, the baseline's), so a flat price keeps the baseline and reports a 0% saving. Window sums
 * come from double-double {@link PrefixSums}, exact to far below that tolerance on any length of series.
 */
public final class Scheduler {
    private Scheduler() {
    }

    /**
     * Plans {@code job} on {@code series}.
     *
     * @throws PlannerException for an unknown region, a deadline before the job could finish, or a series that ends
     *                          too early
     */
    public static ScheduleResult plan(Series series, Job job) {
        List<String> notes = new ArrayList<>();
        int[] regions = candidates(series, job);
        double duration = job.durationHours();
        int full = (int) Math.floor(duration);
        double fraction = duration - full;
        int slots = fraction > 0 ? full + 1 : full;
        long nowOffset = Duration.between(series.start(), job.now()).getSeconds();
        int h0;
        if (nowOffset < 0) {
            h0 = 0;
            notes.add("now (" + job.now() + ") is before the series: the earliest start is its first hour " + series.start());
        } else {
            h0 = (int) Math.ceilDiv(nowOffset, 3600L);
            if (nowOffset % 3600 != 0) notes.add("now is not on the hour: the earliest start is " + series.hour(h0));
        }
        Instant seriesEnd = series.hour(series.hours());
        double deadlineHours = Duration.between(series.start(), job.deadline()).getSeconds() / 3600.0;
        if (deadlineHours > series.hours()) {
            notes.add("the deadline " + job.deadline() + " is after the series ends (" + seriesEnd
                    + "): only hours in the series are considered");
            deadlineHours = series.hours();
        }
        if (h0 + duration > deadlineHours) {
            Instant earliestEnd = series.hour(h0).plusSeconds(Math.round(duration * 3600));
            boolean seriesShort = h0 + duration > series.hours();
            throw new PlannerException(seriesShort
                    ? "the series ends at " + seriesEnd + ", before the job could finish (starting " + series.hour(h0)
                    + " it ends " + earliestEnd + "): give a longer series or an earlier " + field("now")
                    : "the deadline " + job.deadline() + " is before the job could finish (starting " + series.hour(h0)
                    + " it ends " + earliestEnd + "): give a deadline at or after that, or a shorter " + field("duration"));
        }
        int base = regions[0];
        Placement baseline = contiguous(series, base, h0, full, fraction, job.powerKw());
        Placement best = null;
        double bestScore = Double.POSITIVE_INFINITY;
        for (int r : regions) {
            Placement p = job.interruptible()
                    ? cheapestHours(series, r, h0, (int) Math.floor(deadlineHours), full, fraction, slots, job, baseline)
                    : bestStart(series, r, h0, deadlineHours, full, fraction, job, baseline);
            double s = score(job, p, baseline);
            if (best == null || Ties.lower(s, bestScore) || Ties.equal(s, bestScore) && p.start().isBefore(best.start())) {
                bestScore = s;
                best = p;
            }
        }
        double baseScore = score(job, baseline, baseline);
        if (Ties.equal(baseScore, bestScore)) { // no saving beyond the tolerance: stay with the baseline
            best = baseline;
            bestScore = baseScore;
        }
        return new ScheduleResult(job, best, baseline, pct(baseScore, bestScore), pct(baseline.cost(), best.cost()),
                pct(baseline.co2eKg(), best.co2eKg()), notes);
    }

    private static int[] candidates(Series series, Job job) {
        if (job.regions().isEmpty()) {
            int[] all = new int[series.regions().size()];
            Arrays.setAll(all, i -> i);
            return all;
        }
        return job.regions().stream().distinct().mapToInt(series::region).toArray();
    }

    /** Weighted scores are relative to the baseline so cost and CO2e are comparable. */
    private static double score(Job job, Placement p, Placement baseline) {
        return switch (job.objective()) {
            case COST -> p.cost();
            case CARBON -> p.co2eKg();
            case WEIGHTED -> job.costWeight() * p.cost() / scale(baseline.cost())
                    + (1 - job.costWeight()) * p.co2eKg() / scale(baseline.co2eKg());
        };
    }

    private static double scale(double v) {
        return v == 0 ? 1 : Math.abs(v);
    }

    /** The saving in percent of the baseline; exactly 0 for costs equal within the tie tolerance. */
    private static double pct(double baseline, double chosen) {
        if (!(baseline > 0)) return Double.NaN;
        return Ties.equal(baseline, chosen) ? 0 : (baseline - chosen) / baseline * 100;
    }

    private static Placement contiguous(Series s, int r, int start, int full, double fraction, double powerKw) {
        double price = 0;
        double carbon = 0;
        List<Instant> hours = new ArrayList<>(full + 1);
        for (int h = start; h < start + full; h++) {
            price += s.price()[r][h];
            carbon += s.carbon()[r][h];
            hours.add(s.hour(h));
        }
        if (fraction > 0) {
            price += fraction * s.price()[r][start + full];
            carbon += fraction * s.carbon()[r][start + full];
            hours.add(s.hour(start + full));
        }
        double kwh = powerKw * (full + fraction);
        return new Placement(s.hour(start), s.regions().get(r), hours, kwh, powerKw * price, powerKw * carbon / 1000);
    }

    private static Placement bestStart(Series s, int r, int h0, double deadlineHours, int full, double fraction, Job job,
                                       Placement baseline) {
        double[] p = s.price()[r];
        double[] c = s.carbon()[r];
        PrefixSums pp = new PrefixSums(p);
        PrefixSums cp = new PrefixSums(c);
        double w = job.costWeight();
        double kw = job.powerKw();
        double costScale = scale(baseline.cost());
        double co2Scale = scale(baseline.co2eKg());
        int bestStart = -1;
        double bestScore = Double.POSITIVE_INFINITY;
        for (int st = h0; st + job.durationHours() <= deadlineHours; st++) {
            double price = pp.sum(st, st + full) + (fraction > 0 ? fraction * p[st + full] : 0);
            double carbon = cp.sum(st, st + full) + (fraction > 0 ? fraction * c[st + full] : 0);
            double score = switch (job.objective()) {
                case COST -> price;
                case CARBON -> carbon;
                case WEIGHTED -> w * kw * price / costScale + (1 - w) * kw * carbon / 1000 / co2Scale;
            };
            if (Ties.lower(score, bestScore)) { // a later start must be cheaper beyond the tolerance
                bestScore = score;
                bestStart = st;
            }
        }
        return contiguous(s, r, bestStart, full, fraction, kw);
    }

    private static Placement cheapestHours(Series s, int r, int h0, int hEnd, int full, double fraction, int slots,
                                           Job job, Placement baseline) {
        double[] p = s.price()[r];
        double[] c = s.carbon()[r];
        int window = hEnd - h0;
        if (window < slots) {
            throw new PlannerException("the deadline " + job.deadline() + " leaves " + window + " whole hours from "
                    + s.hour(h0) + ", the job needs " + slots + ": give a later " + field("deadline"));
        }
        double w = job.costWeight();
        double costScale = scale(baseline.cost());
        double co2Scale = scale(baseline.co2eKg());
        // Sort the window's hours by score per kWh; ties keep time order (the sort key carries the hour).
        double[] score = new double[window];
        for (int i = 0; i < window; i++) {
            int h = h0 + i;
            score[i] = switch (job.objective()) {
                case COST -> p[h];
                case CARBON -> c[h];
                case WEIGHTED -> w * p[h] / costScale + (1 - w) * c[h] / 1000 / co2Scale;
            };
        }
        // The slots cheapest hours: everything below the slots-th smallest score, then ties at it in time order.
        double[] sorted = score.clone();
        Arrays.sort(sorted);
        double threshold = sorted[slots - 1];
        int below = 0;
        for (double v : score) if (v < threshold) below++;
        int tiesWanted = slots - below;
        int[] chosen = new int[slots];
        int k = 0;
        int last = -1; // the most expensive chosen hour (the latest of the ties) takes the fraction
        for (int i = 0; i < window; i++) {
            if (score[i] < threshold || score[i] == threshold && tiesWanted-- > 0) {
                chosen[k++] = h0 + i;
                if (score[i] == threshold) last = h0 + i;
            }
        }
        double price = 0;
        double carbon = 0;
        for (int h : chosen) {
            double share = h == last && fraction > 0 ? fraction : 1;
            price += share * p[h];
            carbon += share * c[h];
        }
        Arrays.sort(chosen);
        List<Instant> hours = new ArrayList<>(slots);
        for (int h : chosen) hours.add(s.hour(h));
        double kw = job.powerKw();
        return new Placement(hours.getFirst(), s.regions().get(r), hours, kw * (full + fraction), kw * price,
                kw * carbon / 1000);
    }
}
