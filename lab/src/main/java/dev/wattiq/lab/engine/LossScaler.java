package dev.wattiq.lab.engine;

/**
 * Dynamic loss scaling for fp16, with PyTorch's {@code GradScaler} defaults: start at 2^16, halve the scale and
 * skip the step when a gradient overflows, double it after 2000 steps in a row without overflow.
 */
public final class LossScaler {
    private final int growthInterval;
    private float scale;
    private int goodSteps;
    private long skippedSteps;

    public LossScaler(float initialScale, int growthInterval) {
        if (!(initialScale > 0) || growthInterval <= 0) {
            throw new IllegalArgumentException("loss scale must be > 0 and growth interval > 0, got " + initialScale + ", " + growthInterval);
        }
        this.scale = initialScale;
        this.growthInterval = growthInterval;
    }

    /** PyTorch's defaults: 65536 and 2000. */
    public static LossScaler defaults() {
        return new LossScaler(65536f, 2000);
    }

    public float scale() {
        return scale;
    }

    public long skippedSteps() {
        return skippedSteps;
    }

    /** Records a step's outcome: {@code overflow} halves the scale (the step is skipped), else counts towards growth. */
    public void update(boolean overflow) {
        if (overflow) {
            scale = Math.max(scale * 0.5f, Float.MIN_NORMAL);
            goodSteps = 0;
            skippedSteps++;
        } else if (++goodSteps >= growthInterval) {
            scale *= 2f;
            goodSteps = 0;
        }
    }
}
