package dev.wattiq.app.store;

import dev.wattiq.meter.control.Work;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A run's windows and work in the store ({@code run_windows}, {@code run_window_energy}, {@code runs.work_*}). */
final class WindowRows {
    private WindowRows() {
    }

    /** Inserts windows numbered from {@code firstSeq} and sets the run's work; inside the caller's transaction. */
    static void add(Connection c, String runId, int firstSeq, List<RunWindow> windows, Work work) throws SQLException {
        try (PreparedStatement w = c.prepareStatement("""
                INSERT INTO run_windows (run_id, seq, name, start_s, duration_s, energy_total_j, method, steps, samples, tokens, notes)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
             PreparedStatement e = c.prepareStatement("INSERT INTO run_window_energy (run_id, seq, component, energy_j) VALUES (?, ?, ?, ?)")) {
            int seq = firstSeq;
            for (RunWindow r : windows) {
                w.setString(1, runId);
                w.setInt(2, seq);
                w.setString(3, r.name());
                w.setDouble(4, r.startSeconds());
                w.setDouble(5, r.durationSeconds());
                SqliteWrites.real(w, 6, r.totalJoules());
                w.setString(7, r.method());
                w.setLong(8, r.work().steps());
                w.setLong(9, r.work().samples());
                w.setLong(10, r.work().tokens());
                if (r.notes().isEmpty()) w.setNull(11, Types.VARCHAR); else w.setString(11, String.join("\n", r.notes()));
                w.addBatch();
                for (Map.Entry<String, Double> j : r.joulesByComponent().entrySet()) {
                    e.setString(1, runId);
                    e.setInt(2, seq);
                    e.setString(3, j.getKey());
                    e.setDouble(4, j.getValue());
                    e.addBatch();
                }
                seq++;
            }
            w.executeBatch();
            e.executeBatch();
        }
        setWork(c, runId, work);
    }

    /** Replaces every window of the run (at its end: the final list, in order of start). */
    static void replace(Connection c, String runId, List<RunWindow> windows, Work work) throws SQLException {
        for (String sql : List.of("DELETE FROM run_window_energy WHERE run_id = ?", "DELETE FROM run_windows WHERE run_id = ?")) {
            try (PreparedStatement p = c.prepareStatement(sql)) {
                p.setString(1, runId);
                p.executeUpdate();
            }
        }
        add(c, runId, 0, windows, work);
    }

    private static void setWork(Connection c, String runId, Work work) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("UPDATE runs SET work_steps = ?, work_samples = ?, work_tokens = ? WHERE run_id = ?")) {
            p.setLong(1, work.steps());
            p.setLong(2, work.samples());
            p.setLong(3, work.tokens());
            p.setString(4, runId);
            p.executeUpdate();
        }
    }

    /** The run's windows, in order of start (then of closing). */
    static List<RunWindow> read(Connection c, String runId) throws SQLException {
        Map<Integer, Map<String, Double>> energy = new LinkedHashMap<>();
        try (PreparedStatement p = c.prepareStatement("SELECT seq, component, energy_j FROM run_window_energy WHERE run_id = ? ORDER BY seq, rowid")) {
            p.setString(1, runId);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) energy.computeIfAbsent(rs.getInt(1), k -> new LinkedHashMap<>()).put(rs.getString(2), rs.getDouble(3));
            }
        }
        List<RunWindow> out = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("""
                SELECT seq, name, start_s, duration_s, energy_total_j, method, steps, samples, tokens, notes FROM run_windows
                WHERE run_id = ? ORDER BY start_s, seq""")) {
            p.setString(1, runId);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    double total = rs.getDouble(5);
                    if (rs.wasNull()) total = Double.NaN;
                    String notes = rs.getString(10);
                    out.add(new RunWindow(rs.getString(2), rs.getDouble(3), rs.getDouble(4), total,
                            energy.getOrDefault(rs.getInt(1), Map.of()), rs.getString(6), new Work(rs.getLong(7), rs.getLong(8), rs.getLong(9)),
                            notes == null ? List.of() : Arrays.asList(notes.split("\n"))));
                }
            }
        }
        return out;
    }
}
