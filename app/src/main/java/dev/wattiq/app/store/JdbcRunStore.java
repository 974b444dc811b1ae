package dev.wattiq.app.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A run store over one JDBC connection, used under this object's lock; the SQL is the common subset of SQLite and
 * PostgreSQL (the PostgreSQL schema supplies what SQLite has built in: a {@code rowid} column and {@code total()}).
 * Parameterised SQL only.
 */
abstract class JdbcRunStore implements RunStore {
    protected final String file;
    protected final Connection c;
    private final SqliteReads reads;
    private final String ownHost;
    private final List<String> warnings = new ArrayList<>();

    /**
     * @param location  where the store is, for messages
     * @param c         an open connection to a migrated schema
     * @param ownHost   only runs recorded on this host (or with no host) are checked for an abandoned owner: another
     *                  node's pids mean nothing here; null when this host's name is unknown (then only runs with no host)
     */
    JdbcRunStore(String location, Connection c, String ownHost) {
        this.file = location;
        this.c = c;
        this.ownHost = ownHost;
        this.reads = new SqliteReads(c, location);
    }

    @Override
    public String location() {
        return file.toString();
    }

    @Override
    public synchronized void begin(RunStart s) throws StoreException {
        inTransaction("record the start of run " + s.runId(), () -> {
            try (PreparedStatement p = c.prepareStatement("""
                    INSERT INTO runs (run_id, status, started_at_ms, scope, interval_s, job, host, owner_pid, owner_started_at_ms, method)
                    VALUES (?, 'running', ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                p.setString(1, s.runId());
                p.setLong(2, s.startedAt().toEpochMilli());
                p.setString(3, s.scope());
                p.setDouble(4, s.intervalSeconds());
                p.setString(5, s.job());
                p.setString(6, s.host());
                p.setLong(7, s.ownerPid());
                if (s.ownerStartedAt() == null) p.setNull(8, java.sql.Types.INTEGER); else p.setLong(8, s.ownerStartedAt().toEpochMilli());
                p.setString(9, s.method());
                p.executeUpdate();
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO run_args (run_id, idx, arg) VALUES (?, ?, ?)")) {
                for (int i = 0; i < s.command().size(); i++) {
                    p.setString(1, s.runId());
                    p.setInt(2, i);
                    p.setString(3, s.command().get(i));
                    p.addBatch();
                }
                p.executeBatch();
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO run_labels (run_id, key, value) VALUES (?, ?, ?)")) {
                for (Map.Entry<String, String> e : s.labels().entrySet()) {
                    p.setString(1, s.runId());
                    p.setString(2, e.getKey());
                    p.setString(3, e.getValue());
                    p.addBatch();
                }
                p.executeBatch();
            }
        });
    }

    @Override
    public synchronized void appendSamples(String runId, List<StoredSample> samples) throws StoreException {
        if (samples.isEmpty()) return;
        inTransaction("store samples of run " + runId, () -> {
            double joules = 0;
            double peak = 0;
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO samples (run_id, seq, time_ms, interval_s, total_w, gap) VALUES (?, ?, ?, ?, ?, ?)");
                 PreparedStatement pp = c.prepareStatement(
                    "INSERT INTO sample_power (run_id, seq, component, power_w) VALUES (?, ?, ?, ?)")) {
                for (StoredSample s : samples) {
                    ps.setString(1, runId);
                    ps.setLong(2, s.seq());
                    ps.setLong(3, s.wallTime().toEpochMilli());
                    ps.setDouble(4, s.intervalSeconds());
                    ps.setDouble(5, s.totalWatts());
                    ps.setInt(6, s.gap() ? 1 : 0);
                    ps.addBatch();
                    for (Map.Entry<String, Double> w : s.wattsByComponent().entrySet()) {
                        pp.setString(1, runId);
                        pp.setLong(2, s.seq());
                        pp.setString(3, w.getKey());
                        pp.setDouble(4, w.getValue());
                        pp.addBatch();
                    }
                    joules += s.totalWatts() * s.intervalSeconds();
                    peak = Math.max(peak, s.totalWatts());
                }
                ps.executeBatch();
                pp.executeBatch();
            }
            try (PreparedStatement p = c.prepareStatement("""
                    UPDATE runs SET samples = samples + ?, energy_total_j = energy_total_j + ?,
                      peak_power_w = CASE WHEN coalesce(peak_power_w, 0) > ? THEN peak_power_w ELSE ? END, ended_at_ms = ? WHERE run_id = ? AND status = 'running'""")) {
                p.setLong(1, samples.size());
                p.setDouble(2, joules);
                p.setDouble(3, peak);
                p.setDouble(4, peak);
                p.setLong(5, samples.getLast().wallTime().toEpochMilli());
                p.setString(6, runId);
                p.executeUpdate();
            }
        });
    }

    @Override
    public synchronized void addWindows(String runId, int firstSeq, List<RunWindow> windows, dev.wattiq.meter.control.Work work)
            throws StoreException {
        inTransaction("store windows of run " + runId, () -> WindowRows.add(c, runId, firstSeq, windows, work));
    }

    @Override
    public synchronized List<RunWindow> windows(String runId) throws StoreException {
        return reads.windows(runId);
    }

    @Override
    public synchronized void tag(String runId, Map<String, String> tags) throws StoreException {
        inTransaction("tag run " + runId, () -> {
            try (PreparedStatement p = c.prepareStatement("SELECT 1 FROM runs WHERE run_id = ?")) {
                p.setString(1, runId);
                try (ResultSet rs = p.executeQuery()) {
                    if (!rs.next()) throw new SQLException("no run " + runId + " in this store");
                }
            }
            // an upsert both SQLite (3.24+) and PostgreSQL (9.5+) understand
            try (PreparedStatement p = c.prepareStatement("INSERT INTO run_labels (run_id, key, value) VALUES (?, ?, ?) "
                    + "ON CONFLICT (run_id, key) DO UPDATE SET value = excluded.value")) {
                for (Map.Entry<String, String> e : tags.entrySet()) {
                    p.setString(1, runId);
                    p.setString(2, e.getKey());
                    p.setString(3, e.getValue());
                    p.addBatch();
                }
                p.executeBatch();
            }
        });
    }

    @Override
    public synchronized void finish(RunRecord r) throws StoreException {
        String bill = SqliteWrites.billJson(r); // encoded before the write lock is taken
        inTransaction("record the end of run " + r.runId(), () -> {
            SqliteWrites.finish(c, r, bill);
            WindowRows.replace(c, r.runId(), r.windows(), r.work());
        });
    }

    /**
     * Claims every run still {@code running} here whose owner is provably gone, one write transaction each: under the
     * write lock the run is read again, and {@code UPDATE ... WHERE status = 'running'} must change exactly that row
     * before anything else is written, so any number of concurrent starts mark each run once, and a run that
     * finished (or was claimed) in the meantime is left as it is. A live owner's run is never touched. Never throws:
     * a problem is added to {@link #warnings()}, so it can never stop the user's command.
     */
    @Override
    public synchronized List<String> recoverAbandoned() {
        List<String> claimed = new ArrayList<>();
        List<String> candidates = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT run_id, owner_pid, owner_started_at_ms FROM runs WHERE status = 'running'"
                + (ownHost == null ? " AND host IS NULL" : " AND (host = ? OR host IS NULL)"))) {
            if (ownHost != null) p.setString(1, ownHost);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) if (ownerGone(rs)) candidates.add(rs.getString(1)); // read without the write lock: usually none
            }
        } catch (SQLException e) {
            warnings.add("could not look for abandoned runs in " + file + " (" + SqliteRunStore.sqliteReason(e) + "); they stay 'running' until a later start");
            return claimed;
        }
        for (String id : candidates) {
            boolean[] won = {false};
            try {
                inTransaction("mark the abandoned run " + id + " incomplete", () -> won[0] = claim(id));
            } catch (StoreException e) {
                warnings.add(e.getMessage() + "; it stays 'running' until a later start");
            }
            if (won[0]) claimed.add(id);
        }
        return claimed;
    }

    /** Inside a write transaction: marks {@code id} incomplete if it is still running and its owner still gone. */
    private boolean claim(String id) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT run_id, owner_pid, owner_started_at_ms FROM runs WHERE run_id = ? AND status = 'running'")) {
            p.setString(1, id);
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next() || !ownerGone(rs)) return false; // finished, claimed by another start, or alive after all
            }
        }
        try (PreparedStatement p = c.prepareStatement("UPDATE runs SET status = 'incomplete' WHERE run_id = ? AND status = 'running'")) {
            p.setString(1, id);
            if (p.executeUpdate() != 1) return false;
        }
        SqliteWrites.markIncomplete(c, id);
        return true;
    }

    private static boolean ownerGone(ResultSet rs) throws SQLException {
        long pid = rs.getLong(2);
        long started = rs.getLong(3);
        Instant ownerStart = rs.wasNull() ? null : Instant.ofEpochMilli(started);
        return !OwnerCheck.alive(pid, ownerStart);
    }

    /** Adds a warning for the user (see {@link #warnings()}). */
    protected synchronized void note(String warning) {
        warnings.add(warning);
    }

    /** Problems met while opening (recovering abandoned runs): to be shown as warnings, never a reason to stop. */
    @Override
    public synchronized List<String> warnings() {
        return List.copyOf(warnings);
    }

    @Override
    public synchronized List<RunRecord> list(int limit) throws StoreException {
        return reads.list(limit);
    }

    @Override
    public synchronized Optional<RunRecord> find(String idOrPrefix) throws StoreException {
        return reads.find(idOrPrefix);
    }

    @Override
    public synchronized List<RunRecord> job(String job) throws StoreException {
        return reads.job(job);
    }

    @Override
    public synchronized void forEachSample(String runId, Consumer<StoredSample> action) throws StoreException {
        reads.forEachSample(runId, action);
    }

    @Override
    public synchronized void close() {
        closeQuietly(c);
    }

    interface SqlWork {
        void run() throws SQLException;
    }

    /** Starts a write transaction; SQLite takes the write lock at once ({@code BEGIN IMMEDIATE}), waiting its busy timeout. */
    protected void beginWrite() throws SQLException {
        c.setAutoCommit(false);
    }

    protected void commitWrite() throws SQLException {
        try {
            c.commit();
        } finally {
            c.setAutoCommit(true);
        }
    }

    protected void rollbackWrite() throws SQLException {
        try {
            c.rollback();
        } finally {
            c.setAutoCommit(true);
        }
    }

    private void inTransaction(String what, SqlWork work) throws StoreException {
        try {
            beginWrite();
            try {
                work.run();
                commitWrite();
            } catch (SQLException | RuntimeException e) {
                try {
                    rollbackWrite();
                } catch (SQLException r) {
                    e.addSuppressed(r);
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("cannot " + what + " in " + file + " (" + SqliteRunStore.sqliteReason(e) + "): check the disk has space and the file is writable", e);
        }
    }

    protected static void closeQuietly(Connection c) {
        if (c == null) return;
        try {
            c.close();
        } catch (SQLException ignored) {
            // nothing left to save
        }
    }
}
