package dev.wattiq.lab.experiments;

import dev.wattiq.lab.engine.Model;
import dev.wattiq.lab.engine.NormalRandom;

/** The training loops the experiments share. */
final class Training {
    private Training() {
    }

    /** Loop timings and the last loss. */
    record Run(double loopSeconds, double rngSeconds, double finalLoss, double cpuSeconds) {
        Run(double loopSeconds, double rngSeconds, double finalLoss) {
            this(loopSeconds, rngSeconds, finalLoss, Double.NaN);
        }

        double stepMicros(int steps) {
            return loopSeconds / steps * 1e6;
        }
    }

    /**
     * The article's loop: each step draws fresh {@code x ~ N(0,1)} ({@code batch x width}) and targets
     * {@code y ~ N(0,1)} ({@code batch x outputs}) from one stream, then takes an SGD step.
     */
    static Run seedLoop(Model m, LabConfig c) {
        NormalRandom rng = new NormalRandom(c.seed() + 1);
        float[] x = new float[c.batch() * m.inputs()];
        float[] t = new float[c.batch() * m.outputs()];
        double loss = Double.NaN;
        long rng0 = 0;
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu0 = mx.isCurrentThreadCpuTimeSupported() ? mx.getCurrentThreadCpuTime() : -1;
        long start = System.nanoTime();
        for (int s = 0; s < c.steps(); s++) {
            long a = System.nanoTime();
            rng.fill(x);
            rng.fill(t);
            rng0 += System.nanoTime() - a;
            loss = m.trainStep(x, t, c.batch(), c.lr());
        }
        long wall = System.nanoTime() - start;
        double cpu = cpu0 >= 0 ? (mx.getCurrentThreadCpuTime() - cpu0) / 1e9 : Double.NaN;
        return new Run(wall / 1e9, rng0 / 1e9, loss, cpu);
    }

    /** Trains on the teacher task for steps {@code [from, to)}. */
    static Run teacherLoop(Model m, TeacherTask task, LabConfig c, int from, int to) {
        float[] x = new float[c.batch() * m.inputs()];
        float[] t = new float[c.batch() * m.outputs()];
        double loss = Double.NaN;
        long data = 0;
        long start = System.nanoTime();
        for (int s = from; s < to; s++) {
            long a = System.nanoTime();
            task.fill(s, 0, c.batch(), x, t);
            data += System.nanoTime() - a;
            loss = m.trainStep(x, t, c.batch(), c.lr());
        }
        return new Run((System.nanoTime() - start) / 1e9, data / 1e9, loss);
    }
}
