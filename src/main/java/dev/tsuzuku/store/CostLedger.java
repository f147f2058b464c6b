package dev.tsuzuku.store;

import dev.tsuzuku.routing.Ledger;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The cost ledger and the approvals in the state database (V4): every paid request's estimate is
 * committed before the request is sent, so a crash never leaves money spent without a row.
 */
public final class CostLedger implements Ledger {
    private static final String COLUMNS = "id, series_id, episode, shot, provider, kind, take_key, task_id, status,"
            + " estimated_usd, actual_usd, billed_unit, billed_amount, reason, file, chosen, created_at";

    private final Database db;
    private final Clock clock;

    public CostLedger(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public long intent(Entry e) {
        return db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO cost_ledger (series_id, episode, shot, provider, kind,"
                    + " take_key, status, estimated_usd, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'intent', ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                s.setString(1, e.series());
                s.setInt(2, e.episode());
                s.setInt(3, e.shot());
                s.setString(4, e.provider());
                s.setString(5, e.kind());
                s.setString(6, e.takeKey());
                s.setDouble(7, e.estimatedUsd());
                s.setObject(8, now());
                s.setObject(9, now());
                s.executeUpdate();
                try (ResultSet keys = s.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    @Override
    public void submitted(long id, String taskId) {
        update("UPDATE cost_ledger SET status = 'submitted', task_id = ?, updated_at = ? WHERE id = ?", s -> {
            s.setString(1, taskId);
            s.setObject(2, now());
            s.setLong(3, id);
        });
    }

    @Override
    public void finished(long id, boolean succeeded, double actualUsd, String billedUnit, double billedAmount, String file,
            String reason) {
        update("UPDATE cost_ledger SET status = ?, actual_usd = ?, billed_unit = ?, billed_amount = ?, file = ?, reason = ?,"
                + " updated_at = ? WHERE id = ?", s -> {
                    s.setString(1, succeeded ? "succeeded" : "failed");
                    s.setDouble(2, actualUsd);
                    s.setString(3, billedUnit);
                    s.setDouble(4, billedAmount);
                    s.setString(5, file);
                    s.setString(6, reason);
                    s.setObject(7, now());
                    s.setLong(8, id);
                });
    }

    @Override
    public Optional<Entry> succeeded(String takeKey) {
        return db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM cost_ledger WHERE take_key = ?"
                    + " AND status = 'succeeded' ORDER BY id DESC")) {
                s.setString(1, takeKey);
                List<Entry> found = read(s);
                return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
            }
        });
    }

    @Override
    public double committed(String series, int episode) {
        return sum("SELECT COALESCE(SUM(CASE WHEN status IN ('intent', 'submitted') THEN estimated_usd ELSE actual_usd END), 0)"
                + " FROM cost_ledger WHERE series_id = ? AND episode = ?", s -> {
                    s.setString(1, series);
                    s.setInt(2, episode);
                });
    }

    @Override
    public double committedOn(String series, LocalDate day) {
        Instant from = day.atStartOfDay().toInstant(ZoneOffset.UTC);
        return sum("SELECT COALESCE(SUM(CASE WHEN status IN ('intent', 'submitted') THEN estimated_usd ELSE actual_usd END), 0)"
                + " FROM cost_ledger WHERE series_id = ? AND created_at >= ? AND created_at < ?", s -> {
                    s.setString(1, series);
                    s.setObject(2, Database.timestamp(from));
                    s.setObject(3, Database.timestamp(from.plus(1, ChronoUnit.DAYS)));
                });
    }

    @Override
    public List<Entry> entries(String series, Integer episode) {
        return db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM cost_ledger WHERE series_id = ?"
                    + (episode == null ? "" : " AND episode = ?") + " ORDER BY id")) {
                s.setString(1, series);
                if (episode != null) {
                    s.setInt(2, episode);
                }
                return read(s);
            }
        });
    }

    @Override
    public void choose(long id) {
        db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE cost_ledger SET chosen = FALSE WHERE (series_id, episode, shot) ="
                    + " (SELECT series_id, episode, shot FROM cost_ledger WHERE id = ?)")) {
                s.setLong(1, id);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE cost_ledger SET chosen = TRUE WHERE id = ?")) {
                s.setLong(1, id);
                s.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void regenerate(String series, int episode, int shot, String provider, Instant at) {
        update("INSERT INTO regenerations (series_id, episode, shot, provider, requested_at) VALUES (?, ?, ?, ?, ?)", s -> {
            s.setString(1, series);
            s.setInt(2, episode);
            s.setInt(3, shot);
            s.setString(4, provider);
            s.setObject(5, Database.timestamp(at));
        });
    }

    @Override
    public List<Regeneration> regenerations(String series, int episode) {
        return db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT shot, provider FROM regenerations WHERE series_id = ?"
                    + " AND episode = ? ORDER BY shot, id")) {
                s.setString(1, series);
                s.setInt(2, episode);
                java.util.Map<Integer, Regeneration> latest = new java.util.TreeMap<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        int shot = rs.getInt(1);
                        int n = latest.containsKey(shot) ? latest.get(shot).variant() + 1 : 1;
                        latest.put(shot, new Regeneration(shot, rs.getString(2), n));
                    }
                }
                return List.copyOf(latest.values());
            }
        });
    }

    @Override
    public Optional<Approval> approval(String series, int episode) {
        return db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT approved_by, approved_at, board_hash FROM approvals"
                    + " WHERE series_id = ? AND episode = ? ORDER BY id DESC")) {
                s.setString(1, series);
                s.setInt(2, episode);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new Approval(series, episode, rs.getString(1),
                            Database.instant(rs, 2), rs.getString(3)));
                }
            }
        });
    }

    @Override
    public void approve(Approval a) {
        update("INSERT INTO approvals (series_id, episode, approved_by, approved_at, board_hash) VALUES (?, ?, ?, ?, ?)", s -> {
            s.setString(1, a.series());
            s.setInt(2, a.episode());
            s.setString(3, a.by());
            s.setObject(4, Database.timestamp(a.at()));
            s.setString(5, a.boardHash());
        });
    }

    private interface Binder {
        void bind(PreparedStatement s) throws SQLException;
    }

    private void update(String sql, Binder binder) {
        db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                binder.bind(s);
                s.executeUpdate();
            }
            return null;
        });
    }

    private double sum(String sql, Binder binder) {
        return db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                binder.bind(s);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return rs.getDouble(1);
                }
            }
        });
    }

    private static List<Entry> read(PreparedStatement s) throws SQLException {
        List<Entry> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                out.add(new Entry(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getString(5), rs.getString(6),
                        rs.getString(7), rs.getString(8), rs.getString(9), rs.getDouble(10), rs.getDouble(11), rs.getString(12),
                        rs.getDouble(13), rs.getString(14), rs.getString(15), rs.getBoolean(16),
                        Database.instant(rs, 17)));
            }
        }
        return out;
    }

    private OffsetDateTime now() {
        return Database.timestamp(clock.instant());
    }

}
