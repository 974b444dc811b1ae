package dev.wattiq.app.store;

import dev.wattiq.app.store.RunRecord.DeviceEnergy;
import dev.wattiq.ledger.Bill;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.LinkedHashMap;
import java.util.Map;

/** The store's larger writes (end of a run, recovery of an abandoned one); called inside a transaction. */
final class SqliteWrites {
    private SqliteWrites() {
    }

    /** The bill as the column stores it: encoded before the write transaction, so the write lock is held briefly. */
    static String billJson(RunRecord r) {
        return r.bill() == null ? null : BillColumn.encode(r.bill());
    }

    static void finish(Connection c, RunRecord r, String billJson) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("""
                UPDATE runs SET status = ?, exit_code = ?, ended_at_ms = ?, duration_s = ?, method = ?, energy_total_j = ?,
                  avg_power_w = ?, peak_power_w = ?, idle_power_w = ?, samples = ?, facility_energy_j = ?, cost = ?, currency = ?,
                  co2e_location_kg = ?, co2e_market_kg = ?, bill_json = ? WHERE run_id = ?""")) {
            p.setString(1, r.status());
            if (r.exitCode() == null) p.setNull(2, Types.INTEGER); else p.setInt(2, r.exitCode());
            if (r.endedAt() == null) p.setNull(3, Types.INTEGER); else p.setLong(3, r.endedAt().toEpochMilli());
            real(p, 4, r.durationSeconds());
            p.setString(5, r.method());
            real(p, 6, r.totalJoules());
            real(p, 7, r.avgPowerWatts());
            real(p, 8, r.peakPowerWatts());
            real(p, 9, r.idlePowerWatts());
            p.setLong(10, r.samples());
            Bill k = r.bill();
            real(p, 11, k == null ? Double.NaN : k.facilityEnergyJoules());
            real(p, 12, k == null ? Double.NaN : k.cost().amount());
            p.setString(13, k == null ? null : k.cost().currency());
            real(p, 14, k == null ? Double.NaN : k.co2eLocationKg());
            real(p, 15, k == null ? Double.NaN : k.co2eMarketKg());
            p.setString(16, billJson);
            p.setString(17, r.runId());
            if (p.executeUpdate() != 1) throw new SQLException("run " + r.runId() + " was not begun in this store");
        }
        delete(c, "DELETE FROM run_energy WHERE run_id = ?", r.runId());
        delete(c, "DELETE FROM run_notes WHERE run_id = ?", r.runId());
        try (PreparedStatement p = c.prepareStatement("""
                INSERT INTO run_energy (run_id, component, device, energy_j, device_energy_j, method, name, uuid)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (DeviceEnergy d : r.devices()) {
                p.setString(1, r.runId());
                p.setString(2, d.component());
                p.setString(3, d.device());
                p.setDouble(4, d.energyJoules());
                real(p, 5, d.deviceEnergyJoules());
                p.setString(6, d.method());
                p.setString(7, d.name());
                p.setString(8, d.uuid());
                p.addBatch();
            }
            p.executeBatch();
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO run_notes (run_id, seq, kind, key, text) VALUES (?, ?, ?, ?, ?)")) {
            int seq = 0;
            for (Map.Entry<String, String> a : r.assumptions().entrySet()) addNote(p, r.runId(), seq++, "assumption", a.getKey(), a.getValue());
            for (String n : r.notes()) addNote(p, r.runId(), seq++, "note", null, n);
            p.executeBatch();
        }
    }

    /**
     * Marks an abandoned run incomplete, its figures summed from the samples that reached the store. The caller has
     * claimed the run in this transaction ({@code UPDATE ... WHERE status = 'running'} changed its row).
     */
    static void markIncomplete(Connection c, String runId) throws SQLException {
        long count = 0;
        double joules = 0;
        double peak = 0;
        Long lastMs = null;
        try (PreparedStatement p = c.prepareStatement(
                "SELECT count(*), total(total_w * interval_s), max(total_w), max(time_ms) FROM samples WHERE run_id = ?")) {
            p.setString(1, runId);
            try (ResultSet rs = p.executeQuery()) {
                if (rs.next()) {
                    count = rs.getLong(1);
                    joules = rs.getDouble(2);
                    peak = rs.getDouble(3);
                    long last = rs.getLong(4);
                    if (!rs.wasNull()) lastMs = last;
                }
            }
        }
        Map<String, Double> byComponent = new LinkedHashMap<>();
        try (PreparedStatement p = c.prepareStatement("""
                SELECT sp.component, total(sp.power_w * s.interval_s) FROM sample_power sp
                JOIN samples s ON s.run_id = sp.run_id AND s.seq = sp.seq WHERE sp.run_id = ? GROUP BY sp.component ORDER BY min(sp.rowid)""")) {
            p.setString(1, runId);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) byComponent.put(rs.getString(1), rs.getDouble(2));
            }
        }
        String method = null;
        long startedMs = 0;
        try (PreparedStatement p = c.prepareStatement("SELECT method, started_at_ms FROM runs WHERE run_id = ?")) {
            p.setString(1, runId);
            try (ResultSet rs = p.executeQuery()) {
                if (rs.next()) {
                    method = rs.getString(1);
                    startedMs = rs.getLong(2);
                }
            }
        }
        // Summed samples are integrated power; an estimate stays an estimate.
        String summedMethod = "estimated".equals(method) ? "estimated" : "integrated";
        long endMs = lastMs == null ? startedMs : lastMs;
        double seconds = Math.max(0, (endMs - startedMs) / 1000.0);
        try (PreparedStatement p = c.prepareStatement("""
                UPDATE runs SET status = 'incomplete', ended_at_ms = ?, duration_s = ?, method = ?, energy_total_j = ?, avg_power_w = ?,
                  peak_power_w = ?, samples = ? WHERE run_id = ?""")) {
            p.setLong(1, endMs);
            p.setDouble(2, seconds);
            p.setString(3, summedMethod);
            p.setDouble(4, joules);
            real(p, 5, seconds > 0 ? joules / seconds : Double.NaN);
            p.setDouble(6, peak);
            p.setLong(7, count);
            p.setString(8, runId);
            p.executeUpdate();
        }
        delete(c, "DELETE FROM run_energy WHERE run_id = ?", runId); // nothing there for a run never finished; kept idempotent
        delete(c, "DELETE FROM run_notes WHERE run_id = ?", runId);
        try (PreparedStatement p = c.prepareStatement("""
                INSERT INTO run_energy (run_id, component, device, energy_j, device_energy_j, method) VALUES (?, ?, 'all', ?, NULL, ?)""")) {
            for (Map.Entry<String, Double> e : byComponent.entrySet()) {
                p.setString(1, runId);
                p.setString(2, e.getKey());
                p.setDouble(3, e.getValue());
                p.setString(4, summedMethod);
                p.addBatch();
            }
            p.executeBatch();
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO run_notes (run_id, seq, kind, key, text) VALUES (?, ?, ?, ?, ?)")) {
            addNote(p, runId, 0, "note", null, "incomplete: the wattiq process recording this run stopped before the run ended (killed?);"
                    + " energy is the sum of the " + count + " samples stored up to its last flush");
            p.executeBatch();
        }
    }

    private static void addNote(PreparedStatement p, String runId, int seq, String kind, String key, String text) throws SQLException {
        p.setString(1, runId);
        p.setInt(2, seq);
        p.setString(3, kind);
        p.setString(4, key);
        p.setString(5, text);
        p.addBatch();
    }

    private static void delete(Connection c, String sql, String runId) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, runId);
            p.executeUpdate();
        }
    }

    /** Binds a double, NaN and infinities as SQL NULL. */
    static void real(PreparedStatement p, int i, double v) throws SQLException {
        if (Double.isFinite(v)) p.setDouble(i, v); else p.setNull(i, Types.REAL);
    }
}
