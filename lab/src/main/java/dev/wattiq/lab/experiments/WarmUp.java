package dev.wattiq.lab.experiments;

import dev.wattiq.lab.engine.Model;
import dev.wattiq.lab.engine.Precision;

/**
 * The JIT's warm-up, paid before the first measured step instead of inside it: a scratch model of the same shape
 * trains on scratch data (the seed loop and, for the demo, the teacher task) in rounds of {@link #ROUND} steps until
 * the step time has settled: two rounds in a row within {@link #SETTLED} of the fastest so far, after at least
 * {@link #MIN_STEPS}; at most {@link #MAX_STEPS} steps or {@link #MAX_SECONDS}. Nothing is measured or kept: the
 * measured runs build their own models and random streams, so their numbers are the same with or without it.
 *
 * @param steps   untimed steps taken
 * @param seconds wall time the warm-up took
 * @param settled whether the step time settled (false: a limit stopped it)
 */
public record WarmUp(int steps, double seconds, boolean settled) {
    static final int ROUND = 50;
    static final int MIN_STEPS = 200;
    static final int MAX_STEPS = 3000;
    static final double MAX_SECONDS = 4.0;
    static final double SETTLED = 1.15;

    /** Warms the training loops {@code c}'s runs will use; {@code teacher} adds the teacher task's (quality runs). */
    public static WarmUp run(LabConfig c, boolean teacher) {
        LabConfig round = new LabConfig(ROUND, c.batch(), c.width(), c.hidden(), c.outputs(), c.lr(), c.seed() + 7919, c.maxWorkers());
        Model m = Model.of(c.width(), c.hidden(), c.outputs(), round.seed(), Precision.FP32);
        TeacherTask task = teacher ? new TeacherTask(c.width(), c.outputs(), round.seed()) : null;
        long start = System.nanoTime();
        double fastest = Double.MAX_VALUE;
        int calm = 0;
        int steps = 0;
        boolean settled = false;
        while (steps < MAX_STEPS && (System.nanoTime() - start) / 1e9 < MAX_SECONDS) {
            long t0 = System.nanoTime();
            Training.seedLoop(m, round);
            if (task != null) Training.teacherLoop(m, task, round, steps, steps + ROUND);
            double t = (System.nanoTime() - t0) / 1e9;
            steps += ROUND;
            calm = t <= fastest * SETTLED ? calm + 1 : 0;
            fastest = Math.min(fastest, t);
            if (steps >= MIN_STEPS && calm >= 2) {
                settled = true;
                break;
            }
        }
        return new WarmUp(steps, (System.nanoTime() - start) / 1e9, settled);
    }

    /** One sentence for the user: what was paid before the first timed step. */
    public String describe() {
        return String.format(java.util.Locale.ROOT, "JIT warm-up: %d untimed training steps on scratch data in %.2f s, before the first "
                + "measured step%s (--no-warm-up: measure from a cold JIT)", steps, seconds, settled ? "" : " (stopped at its limit, not settled)");
    }
}
