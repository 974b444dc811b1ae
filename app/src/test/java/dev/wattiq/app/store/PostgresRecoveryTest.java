package dev.wattiq.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Recovery under contention on a real PostgreSQL (WATTIQ_TEST_PG_URL, as PostgresStoreTest): many stores recovering
 * at once claim each abandoned run of this host exactly once and leave live runs, other hosts' runs and finished
 * runs alone. The claim is {@code UPDATE ... WHERE status = 'running'} in the transaction: the second claimer waits
 * on the row lock, then finds it no longer running.
 */
class PostgresRecoveryTest {
    @Test
    void concurrentStoresClaimEachAbandonedRunOnce() throws Exception {
        String url = PostgresStoreTest.url();
        String host = "pg-host-" + UUID.randomUUID();
        String job = "pg-recovery-" + UUID.randomUUID();
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        long dead = p.pid();
        List<String> abandoned = new ArrayList<>();
        try (PostgresRunStore s = PostgresRunStore.open(url, "someone-else")) {
            for (int i = 0; i < 10; i++) {
                String id = job + "-dead-" + i;
                abandoned.add(id);
                s.begin(new RunStart(id, List.of("touch", "x"), Instant.now(), "process", 0.1, Map.of(), job, host, dead, null, "estimated"));
                s.appendSamples(id, List.of(new StoredSample(0, Instant.now(), 0.1, 10, Map.of("cpu", 10.0), false)));
            }
            s.begin(new RunStart(job + "-live", List.of("x"), Instant.now(), "process", 0.1, Map.of(), job, host,
                    ProcessHandle.current().pid(), ProcessHandle.current().info().startInstant().orElse(null), "estimated"));
            s.begin(new RunStart(job + "-elsewhere", List.of("x"), Instant.now(), "process", 0.1, Map.of(), job, "other-" + host,
                    dead, null, "estimated"));
        }
        int stores = 8;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(stores);
        List<String> claimed = Collections.synchronizedList(new ArrayList<>());
        List<String> warnings = Collections.synchronizedList(new ArrayList<>());
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < stores; t++) {
                done.add(pool.submit(() -> {
                    go.await();
                    try (PostgresRunStore s = PostgresRunStore.open(url, host)) { // open recovers too; count what recoverAbandoned adds
                        claimed.addAll(s.recoverAbandoned());
                        warnings.addAll(s.warnings());
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) f.get();
        } finally {
            pool.shutdownNow();
        }
        assertThat(warnings).isEmpty();
        assertThat(claimed).doesNotHaveDuplicates();
        try (PostgresRunStore s = PostgresRunStore.open(url, "someone-else")) {
            for (RunRecord r : s.job(job)) {
                String expected = abandoned.contains(r.runId()) ? "incomplete" : "running";
                assertThat(r.status()).as(r.runId()).isEqualTo(expected);
                if (abandoned.contains(r.runId())) {
                    assertThat(r.joulesByComponent()).as("one energy row: claimed once").containsOnlyKeys("cpu");
                    assertThat(r.notes()).as(r.runId()).hasSize(1);
                }
            }
            assertThat(s.job(job)).hasSize(12);
        }
    }
}
