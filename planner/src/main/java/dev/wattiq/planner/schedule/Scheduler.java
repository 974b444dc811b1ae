package dev.wattiq.planner.schedule;

import dev.wattiq.planner.PlannerException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Chooses when and where to run a job against hourly price and carbon series before a deadline. Contiguous jobs:
 * every start hour in every candidate region, by prefix sums, O(regions x hours). Interruptible jobs: in each
 * region, the cheapest hours of the window (whole hours, then the fractional remainder in the next cheapest hour,
 * which is optimal), O(regions x hours log hours). The baseline starts now in the first candidate region.
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
                    + " it ends " + earliestEnd + "): give a longer series or an earlier --now"
                    : "the deadline " + job.deadline() + " is before the job could finish (starting " + series.hour(h0)
                    + " it ends " + earliestEnd + "): give a deadline at or after that, or a shorter --duration");
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
            if (s < bestScore) {
                bestScore = s;
                best = p;
            }
        }
        double baseScore = score(job, baseline, baseline);
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

    private static double pct(double baseline, double chosen) {
        return baseline > 0 ? (baseline - chosen) / baseline * 100 : Double.NaN;
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
        int n = p.length;
        double[] pp = new double[n + 1];
        double[] cp = new double[n + 1];
        for (int h = 0; h < n; h++) {
            pp[h + 1] = pp[h] + p[h];
            cp[h + 1] = cp[h] + c[h];
        }
        double w = job.costWeight();
        double kw = job.powerKw();
        double costScale = scale(baseline.cost());
        double co2Scale = scale(baseline.co2eKg());
        int bestStart = -1;
        double bestScore = Double.POSITIVE_INFINITY;
        for (int st = h0; st + job.durationHours() <= deadlineHours; st++) {
            double price = pp[st + full] - pp[st] + (fraction > 0 ? fraction * p[st + full] : 0);
            double carbon = cp[st + full] - cp[st] + (fraction > 0 ? fraction * c[st + full] : 0);
            double score = switch (job.objective()) {
                case COST -> price;
                case CARBON -> carbon;
                case WEIGHTED -> w * kw * price / costScale + (1 - w) * kw * carbon / 1000 / co2Scale;
            };
            if (score < bestScore) {
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
                    + s.hour(h0) + ", the job needs " + slots + ": give a later --deadline");
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
        Integer[] order = new Integer[window];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> score[a] != score[b] ? Double.compare(score[a], score[b]) : Integer.compare(a, b));
        double price = 0;
        double carbon = 0;
        int[] chosen = new int[slots];
        for (int k = 0; k < slots; k++) {
            int h = h0 + order[k];
            double share = k < full ? 1 : fraction;
            price += share * p[h];
            carbon += share * c[h];
            chosen[k] = h;
        }
        Arrays.sort(chosen);
        List<Instant> hours = new ArrayList<>(slots);
        for (int h : chosen) hours.add(s.hour(h));
        double kw = job.powerKw();
        return new Placement(hours.getFirst(), s.regions().get(r), hours, kw * (full + fraction), kw * price,
                kw * carbon / 1000);
    }
}
