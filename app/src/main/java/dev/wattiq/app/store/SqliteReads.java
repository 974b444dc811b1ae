package dev.wattiq.app.store;

import dev.wattiq.ledger.Bill;
import dev.wattiq.app.store.RunRecord.DeviceEnergy;
import dev.wattiq.meter.UserInputException;
import dev.wattiq.meter.control.Work;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/** The store's queries; the caller holds the connection's lock. */
final class SqliteReads {
    private static final String RUN_COLUMNS = """
            run_id, status, exit_code, started_at_ms, ended_at_ms, duration_s, scope, interval_s, job, host, method, energy_total_j,
            avg_power_w, peak_power_w, idle_power_w, samples, bill_json, work_steps, work_samples, work_tokens""";

    private final Connection c;
    private final String file;

    SqliteReads(Connection c, String file) {
        this.c = c;
        this.file = file;
    }

    List<RunRecord> list(int limit) throws StoreException {
        return runs("ORDER BY started_at_ms DESC, run_id DESC LIMIT ?", false, limit <= 0 ? Integer.MAX_VALUE : limit);
    }

    List<RunRecord> job(String job) throws StoreException {
        return runs("WHERE job = ? ORDER BY started_at_ms, run_id", true, job);
    }

    Optional<RunRecord> find(String idOrPrefix) throws StoreException {
        List<String> ids = new ArrayList<>();
        try {
            each("SELECT run_id FROM runs WHERE run_id = ? OR substr(run_id, 1, ?) = ? ORDER BY run_id LIMIT 6", rs -> ids.add(rs.getString(1)),
                    idOrPrefix, idOrPrefix.length(), idOrPrefix);
        } catch (SQLException e) {
            throw failed(e);
        }
        String id = ids.contains(idOrPrefix) ? idOrPrefix : ids.size() == 1 ? ids.getFirst() : null;
        if (id == null && ids.size() > 1) {
            throw new StoreException("run id '" + UserInputException.shown(idOrPrefix) + "' is ambiguous (" + String.join(", ", ids.subList(0, Math.min(5, ids.size())))
                    + (ids.size() > 5 ? ", ..." : "") + "): give more of it");
        }
        return id == null ? Optional.empty() : runs("WHERE run_id = ?", true, id).stream().findFirst();
    }

    void forEachSample(String runId, Consumer<StoredSample> action) throws StoreException {
        try (PreparedStatement p = c.prepareStatement("""
                SELECT s.seq, s.time_ms, s.interval_s, s.total_w, s.gap, sp.component, sp.power_w FROM samples s
                LEFT JOIN sample_power sp ON sp.run_id = s.run_id AND sp.seq = s.seq WHERE s.run_id = ? ORDER BY s.seq, sp.rowid""")) {
            p.setString(1, runId);
            try (ResultSet rs = p.executeQuery()) {
                long seq = -1;
                StoredSample pending = null;
                Map<String, Double> watts = new LinkedHashMap<>();
                while (rs.next()) {
                    long s = rs.getLong(1);
                    if (s != seq) {
                        if (pending != null) action.accept(withWatts(pending, watts));
                        seq = s;
                        watts = new LinkedHashMap<>();
                        pending = new StoredSample(s, Instant.ofEpochMilli(rs.getLong(2)), rs.getDouble(3), rs.getDouble(4), Map.of(), rs.getInt(5) != 0);
                    }
                    String component = rs.getString(6);
                    if (component != null) watts.put(component, rs.getDouble(7));
                }
                if (pending != null) action.accept(withWatts(pending, watts));
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private static StoredSample withWatts(StoredSample s, Map<String, Double> watts) {
        return new StoredSample(s.seq(), s.wallTime(), s.intervalSeconds(), s.totalWatts(), watts, s.gap());
    }

    private RunRecord row(ResultSet rs, boolean full) throws SQLException {
        String id = rs.getString("run_id");
        Integer exit = rs.getInt("exit_code");
        if (rs.wasNull()) exit = null;
        long ended = rs.getLong("ended_at_ms");
        Instant endedAt = rs.wasNull() ? null : Instant.ofEpochMilli(ended);
        Instant startedAt = Instant.ofEpochMilli(rs.getLong("started_at_ms"));
        double duration = real(rs, "duration_s");
        if (Double.isNaN(duration) && endedAt != null) duration = (endedAt.toEpochMilli() - startedAt.toEpochMilli()) / 1000.0;
        Bill bill = BillColumn.decode(rs.getString("bill_json")); // lists show cost and CO2e too (wattiq runs, the dashboard)
        List<DeviceEnergy> devices = new ArrayList<>();
        Map<String, String> assumptions = new TreeMap<>();
        List<String> notes = new ArrayList<>();
        List<RunWindow> windows = List.of();
        if (full) {
            devices = devices(id);
            notes(id, assumptions, notes);
            windows = WindowRows.read(c, id);
        } else {
            tooShort(id, notes); // a list carries why a run could not be charged, so that nothing prices it
        }
        Map<String, Double> byComponent = new LinkedHashMap<>();
        for (DeviceEnergy d : devices) if (!d.isWall()) byComponent.merge(d.component(), d.energyJoules(), Double::sum);
        double total = rs.getDouble("energy_total_j");
        double avg = real(rs, "avg_power_w");
        if (Double.isNaN(avg) && duration > 0) avg = total / duration;
        return new RunRecord(id, rs.getString("status"), args(id), exit, startedAt, endedAt, duration, rs.getString("scope"),
                rs.getDouble("interval_s"), labels(id), rs.getString("job"), rs.getString("host"), rs.getString("method"),
                total, byComponent, avg, real(rs, "peak_power_w"), real(rs, "idle_power_w"), rs.getLong("samples"),
                devices, assumptions, notes, bill, windows,
                new Work(rs.getLong("work_steps"), rs.getLong("work_samples"), rs.getLong("work_tokens")));
    }

    List<RunWindow> windows(String runId) throws StoreException {
        try {
            return WindowRows.read(c, runId);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private List<String> args(String id) throws SQLException {
        List<String> out = new ArrayList<>();
        each("SELECT arg FROM run_args WHERE run_id = ? ORDER BY idx", rs -> out.add(rs.getString(1)), id);
        return out;
    }

    private void tooShort(String id, List<String> notes) throws SQLException {
        each("SELECT text FROM run_notes WHERE run_id = ? AND kind = 'note' AND substr(text, 1, ?) = ? ORDER BY seq", rs -> notes.add(rs.getString(1)),
                id, RunRecord.TOO_SHORT.length(), RunRecord.TOO_SHORT);
    }

    private Map<String, String> labels(String id) throws SQLException {
        Map<String, String> out = new TreeMap<>();
        each("SELECT key, value FROM run_labels WHERE run_id = ?", rs -> out.put(rs.getString(1), rs.getString(2)), id);
        return out;
    }

    private List<DeviceEnergy> devices(String id) throws SQLException {
        List<DeviceEnergy> out = new ArrayList<>();
        each("SELECT component, device, energy_j, device_energy_j, method, name, uuid FROM run_energy WHERE run_id = ? ORDER BY rowid",
                rs -> out.add(new DeviceEnergy(rs.getString(1), rs.getString(2), rs.getDouble(3), real(rs, "device_energy_j"), rs.getString(5),
                        rs.getString(6), rs.getString(7))), id);
        return out;
    }

    private void notes(String id, Map<String, String> assumptions, List<String> notes) throws SQLException {
        each("SELECT kind, key, text FROM run_notes WHERE run_id = ? ORDER BY seq", rs -> {
            if ("assumption".equals(rs.getString(1))) assumptions.put(rs.getString(2), rs.getString(3));
            else notes.add(rs.getString(3));
        }, id);
    }

    /** The runs rows {@code tail} (a WHERE and ORDER clause) selects, read in full or as a list shows them. */
    private List<RunRecord> runs(String tail, boolean full, Object... params) throws StoreException {
        List<RunRecord> out = new ArrayList<>();
        try {
            each("SELECT " + RUN_COLUMNS + " FROM runs " + tail, rs -> out.add(row(rs, full)), params);
        } catch (SQLException e) {
            throw failed(e);
        }
        return out;
    }

    /** Runs {@code sql} with {@code params} bound in order, and hands each row to {@code action}. */
    private void each(String sql, RowAction action, Object... params) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) p.setObject(i + 1, params[i]);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) action.accept(rs);
            }
        }
    }

    private interface RowAction {
        void accept(ResultSet rs) throws SQLException;
    }

    private static double real(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? Double.NaN : v;
    }

    private StoreException failed(SQLException e) {
        return new StoreException("cannot read the run store " + file + " (" + SqliteRunStore.sqliteReason(e)
                + "): if it is damaged, move it aside (e.g. mv " + file + " " + file + ".bad) and run again", e);
    }
}
