package dev.wattiq.ledger.pue;

import dev.wattiq.ledger.Assumption;
import dev.wattiq.ledger.LedgerException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * PUE as a piecewise-linear curve over IT load, the load being the run's average IT power as a fraction of the
 * hall's IT capacity. Below the first point and above the last the curve is flat. The curve must keep facility power
 * (load x PUE) from falling as IT load rises, or a bigger run could cost less.
 *
 * @param itCapacityWatts IT capacity that a load fraction of 1 stands for, in watts
 * @param points          (load fraction, PUE) pairs with strictly increasing load, each PUE >= 1
 * @param source          where the curve comes from
 */
public record PueCurve(double itCapacityWatts, List<Point> points, String source) implements PueModel {

    /**
     * One point of the curve.
     *
     * @param loadFraction IT power / IT capacity, >= 0
     * @param pue          PUE at that load, >= 1
     */
    public record Point(double loadFraction, double pue) {
    }

    public PueCurve {
        Objects.requireNonNull(source, "source");
        points = List.copyOf(points);
        if (!(itCapacityWatts > 0) || !Double.isFinite(itCapacityWatts)) {
            throw new LedgerException("PUE curve IT capacity " + itCapacityWatts + " W (" + source + "): give the hall's IT capacity as a positive number (capacity_kw)");
        }
        if (points.isEmpty()) {
            throw new LedgerException("PUE curve (" + source + ") has no points: give at least one [load_fraction, pue] pair");
        }
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            ConstantPue.check(p.pue(), source + ", curve point " + (i + 1));
            if (!(p.loadFraction() >= 0) || !Double.isFinite(p.loadFraction())) {
                throw new LedgerException("PUE curve (" + source + ") point " + (i + 1) + " has load " + p.loadFraction() + ": loads are fractions of IT capacity >= 0");
            }
            if (i > 0) {
                Point q = points.get(i - 1);
                if (!(p.loadFraction() > q.loadFraction())) {
                    throw new LedgerException("PUE curve (" + source + ") loads must increase: point " + (i + 1) + " (" + p.loadFraction() + ") follows " + q.loadFraction());
                }
                // facility power f(x) = x * pue(x) with pue linear on the segment: f' is linear, so check both ends
                double slope = (p.pue() - q.pue()) / (p.loadFraction() - q.loadFraction());
                double atStart = q.pue() + slope * q.loadFraction();
                double atEnd = p.pue() + slope * p.loadFraction();
                if (atStart < 0 || atEnd < 0) {
                    throw new LedgerException("PUE curve (" + source + ") falls so fast between loads " + q.loadFraction() + " and " + p.loadFraction()
                            + " that facility power would drop as IT load rises: flatten that segment");
                }
            }
        }
    }

    @Override
    public double pueAt(double itPowerWatts) {
        double x = itPowerWatts / itCapacityWatts;
        Point first = points.getFirst(), last = points.getLast();
        if (x <= first.loadFraction()) return first.pue();
        if (x >= last.loadFraction()) return last.pue();
        for (int i = 1; i < points.size(); i++) {
            Point p = points.get(i);
            if (x <= p.loadFraction()) {
                Point q = points.get(i - 1);
                double t = (x - q.loadFraction()) / (p.loadFraction() - q.loadFraction());
                return q.pue() + t * (p.pue() - q.pue());
            }
        }
        return last.pue();
    }

    @Override
    public List<Assumption> assumptions() {
        StringJoiner curve = new StringJoiner(" ", "curve ", "");
        for (Point p : points) curve.add(Assumption.format(p.loadFraction()) + ":" + Assumption.format(p.pue()));
        List<Assumption> out = new ArrayList<>();
        out.add(new Assumption("pue", curve.toString(), "load fraction:ratio", source, false));
        out.add(Assumption.of("pue_it_capacity", itCapacityWatts / 1000, "kW", source, false));
        return out;
    }
}
