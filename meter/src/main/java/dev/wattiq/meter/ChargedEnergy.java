package dev.wattiq.meter;

/**
 * One device's cumulative energy and the part of it charged to the measured process tree.
 * Energy is {@link #add added} as the sensor reads it and waits as "pending" until a share is known;
 * {@link #settle} charges the pending energy at that share. In machine scope, settle with 1.
 * Not thread-safe (one sampler thread).
 */
public final class ChargedEnergy {
    private double joules;
    private double attributedJoules;
    private double pendingJoules;

    /** Adds energy the device used, in joules (must be non-negative). */
    public void add(double deltaJoules) {
        if (!(deltaJoules >= 0)) throw new IllegalArgumentException("energy delta must be >= 0 J, got " + deltaJoules);
        joules += deltaJoules;
        pendingJoules += deltaJoules;
    }

    /** Charges the pending energy at {@code share} (clamped to [0, 1]); NaN keeps it pending. */
    public void settle(double share) {
        if (Double.isNaN(share)) return;
        attributedJoules += pendingJoules * Math.clamp(share, 0.0, 1.0);
        pendingJoules = 0;
    }

    /**
     * Charges {@code chargedJoules} to the tree directly, from its own work rather than a share of the device's energy
     * (the process-scope estimate's rule); energy pending a share is declined. Never more than the device's energy in
     * total ({@link #attributedJoules()}).
     */
    public void charge(double chargedJoules) {
        if (!(chargedJoules >= 0) || Double.isInfinite(chargedJoules)) {
            throw new IllegalArgumentException("charged energy must be a finite number >= 0 J, got " + chargedJoules);
        }
        attributedJoules += chargedJoules;
        pendingJoules = 0;
    }

    /** The device's energy so far, in joules. */
    public double joules() {
        return joules;
    }

    /** The energy charged to the tree so far, in joules (never more than {@link #joules()}). */
    public double attributedJoules() {
        return Math.min(attributedJoules, joules);
    }

    /** Energy not yet charged or declined, in joules. */
    public double pendingJoules() {
        return pendingJoules;
    }
}
