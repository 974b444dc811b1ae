package dev.wattiq.lab.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/**
 * Synchronous data-parallel SGD, the mathematics of {@code DistributedDataParallel}: K replicas of one model,
 * each computes gradients on its shard of the global batch, the gradients are averaged (an all-reduce, done here
 * as K threads each reducing one slice of every gradient array and writing the mean back to every replica), and
 * every replica applies the same update, so the replicas stay identical. Time spent from the end of a worker's
 * own gradient computation to the end of the all-reduce (waiting for the slowest worker included) is counted as
 * synchronisation.
 */
public final class DataParallel {
    /** Supplies the shard of step {@code step} for worker {@code worker}: fills its inputs and targets. */
    public interface ShardSource {
        void fill(int step, int worker, int firstRow, int rows, float[] x, float[] t);
    }

    /** What a run did: losses (mean over shards) per step, wall time, time per worker in synchronisation. */
    public record Result(double[] losses, double loopSeconds, double syncSeconds, int workers) {
        /** Mean share of the loop that each worker spent synchronising. */
        public double syncShare() {
            return loopSeconds > 0 ? syncSeconds / workers / loopSeconds : 0;
        }
    }

    private DataParallel() {
    }

    /**
     * Trains {@code workers} replicas made by {@code replica} for {@code steps} steps on a global batch of
     * {@code batch} rows ({@code batch} must divide evenly by {@code workers}); returns replica 0's view.
     */
    public static Result train(IntFunction<Model> replica, int workers, int steps, int batch, float lr, ShardSource data,
                               List<Model> replicasOut) {
        if (workers < 1 || batch % workers != 0) {
            throw new IllegalArgumentException("the batch (" + batch + ") must split evenly over " + workers + " workers: pick a batch divisible by " + workers);
        }
        int shard = batch / workers;
        List<Model> models = new ArrayList<>();
        for (int k = 0; k < workers; k++) models.add(replica.apply(k));
        double[] losses = new double[steps];
        double[] shardLoss = new double[workers];
        long[] syncNanos = new long[workers];
        int[] stepNo = new int[1];
        CyclicBarrier computed = new CyclicBarrier(workers, () -> { // runs once per step, before any worker goes on
            double l = 0;
            for (double v : shardLoss) l += v;
            losses[stepNo[0]++] = l / workers;
        });
        CyclicBarrier reduced = new CyclicBarrier(workers);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int k = 0; k < workers; k++) {
            final int me = k;
            threads.add(Thread.ofPlatform().name("wattiq-ddp-" + k).start(() -> {
                Model m = models.get(me);
                int in = m.inputs(), out = m.outputs();
                float[] x = new float[shard * in];
                float[] t = new float[shard * out];
                List<List<float[]>> grads = new ArrayList<>();
                for (Model r : models) grads.add(r.gradientArrays());
                try {
                    for (int s = 0; s < steps; s++) {
                        data.fill(s, me, me * shard, shard, x, t);
                        shardLoss[me] = m.computeGradients(x, t, shard);
                        long t0 = System.nanoTime();
                        computed.await();
                        allReduceSlice(grads, me, workers);
                        reduced.await();
                        syncNanos[me] += System.nanoTime() - t0;
                        m.applyGradients(lr);
                    }
                } catch (InterruptedException | BrokenBarrierException | RuntimeException e) {
                    failure.compareAndSet(null, e);
                    computed.reset();
                    reduced.reset();
                }
            }));
        }
        for (Thread th : threads) {
            try {
                th.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while training", e);
            }
        }
        if (failure.get() != null && !(failure.get() instanceof BrokenBarrierException)) {
            throw new IllegalStateException("a data-parallel worker failed: " + failure.get(), failure.get());
        }
        double loop = (System.nanoTime() - start) / 1e9;
        long sync = 0;
        for (long v : syncNanos) sync += v;
        if (replicasOut != null) replicasOut.addAll(models);
        return new Result(losses, loop, sync / 1e9, workers);
    }

    /** Worker {@code me} averages its slice of every gradient array across replicas and writes it to all. */
    static void allReduceSlice(List<List<float[]>> grads, int me, int workers) {
        int arrays = grads.get(0).size();
        float inv = 1f / workers;
        for (int a = 0; a < arrays; a++) {
            int n = grads.get(0).get(a).length;
            int from = (int) ((long) n * me / workers), to = (int) ((long) n * (me + 1) / workers);
            float[] sum = grads.get(0).get(a);
            for (int r = 1; r < workers; r++) {
                float[] g = grads.get(r).get(a);
                for (int k = from; k < to; k++) sum[k] += g[k];
            }
            for (int k = from; k < to; k++) sum[k] *= inv;
            for (int r = 1; r < workers; r++) System.arraycopy(sum, from, grads.get(r).get(a), from, to - from);
        }
    }
}
