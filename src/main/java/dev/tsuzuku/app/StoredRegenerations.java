package dev.tsuzuku.app;

import dev.tsuzuku.store.Database;
import dev.tsuzuku.studio.SeriesDesk.RegenerationJob;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The studio's background regenerations of one workspace in its state database
 * ({@code regeneration_jobs}, V9; decision 0035), so their states outlive the server: the review
 * page shows after a restart what was done, what failed and why, and what a stop interrupted.
 */
final class StoredRegenerations {
    /** The state of a job that was queued or running when the server that had it stopped. */
    static final String INTERRUPTED = "interrupted";

    static final String INTERRUPTED_WHY = "the server stopped before this regeneration finished; the request is kept,"
            + " so the next produce of the episode makes the take";

    private static final int ERROR_CHARS = 2000;

    private final Database db;

    StoredRegenerations(Database db) {
        this.db = db;
    }

    /** Records a new job of {@code series} and returns it with its id (one more than the series' last). */
    synchronized RegenerationJob add(String series, int episode, int shot, String provider, String state, Instant at) {
        return db.transaction(c -> {
            long id;
            try (PreparedStatement s = c.prepareStatement("SELECT COALESCE(MAX(id), 0) + 1 FROM regeneration_jobs WHERE series_id = ?")) {
                s.setString(1, series);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO regeneration_jobs"
                    + " (series_id, id, episode, shot, provider, state, error, updated_at) VALUES (?, ?, ?, ?, ?, ?, NULL, ?)")) {
                s.setString(1, series);
                s.setLong(2, id);
                s.setInt(3, episode);
                s.setInt(4, shot);
                s.setString(5, provider);
                s.setString(6, state);
                s.setObject(7, Database.timestamp(at));
                s.executeUpdate();
            }
            return new RegenerationJob(Long.toString(id), episode, shot, provider, state, null, at);
        });
    }

    /** Moves job {@code id} of {@code series} to {@code state} ({@code error}: why it failed, else null). */
    void update(String series, String id, String state, String error, Instant at) {
        db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE regeneration_jobs SET state = ?, error = ?, updated_at = ?"
                    + " WHERE series_id = ? AND id = ?")) {
                s.setString(1, state);
                s.setString(2, error == null || error.length() <= ERROR_CHARS ? error : error.substring(0, ERROR_CHARS - 1) + "…");
                s.setObject(3, Database.timestamp(at));
                s.setString(4, series);
                s.setLong(5, Long.parseLong(id));
                s.executeUpdate();
            }
            return null;
        });
    }

    /** The jobs of one episode, oldest first. */
    List<RegenerationJob> of(String series, int episode) {
        return db.transaction(c -> {
            List<RegenerationJob> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT id, shot, provider, state, error, updated_at FROM regeneration_jobs"
                    + " WHERE series_id = ? AND episode = ? ORDER BY id")) {
                s.setString(1, series);
                s.setInt(2, episode);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(new RegenerationJob(Long.toString(rs.getLong(1)), episode, rs.getInt(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), Database.instant(rs, 6)));
                    }
                }
            }
            return out;
        });
    }

    /**
     * Marks every job of {@code series} still queued or running as {@link #INTERRUPTED}: called
     * when a server opens the workspace, whose background worker is the only one that runs them
     * (so these were the stopped server's). Other series in the same database (a shared
     * {@code --db}) are left alone: their own servers may be running them. Returns how many.
     */
    int interruptLeftovers(String series, Instant at) {
        return db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE regeneration_jobs SET state = ?, error = ?, updated_at = ?"
                    + " WHERE series_id = ? AND state IN ('queued', 'running')")) {
                s.setString(1, INTERRUPTED);
                s.setString(2, INTERRUPTED_WHY);
                s.setObject(3, Database.timestamp(at));
                s.setString(4, series);
                return s.executeUpdate();
            }
        });
    }
}
