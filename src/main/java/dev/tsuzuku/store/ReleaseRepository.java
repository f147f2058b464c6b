package dev.tsuzuku.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The daily drop's memory (decision 0025): which drop slots were handled and how, when each
 * episode was released, and releases a person ordered for later. A slot is handled at most once:
 * {@link #handleDrop} locks the series row, so two servers (or a restart racing the engine) never
 * release twice for one drop.
 */
public final class ReleaseRepository {
    private final Database db;
    private final Clock clock;

    /** A handled drop slot; {@code episode} null when the season was over. */
    public record Drop(Instant slot, Integer episode, String outcome, boolean late, String note, Instant handledAt) {
        public boolean released() {
            return outcome.equals("released");
        }
    }

    /** A release a person ordered for {@code dueAt}. */
    public record Order(int episode, Instant dueAt, Instant orderedAt) {}

    /** What to do at a drop, decided inside the lock from the episodes as they are then. */
    public record Outcome(Integer episode, String outcome, boolean late, String note) {
        public static Outcome released(int episode, boolean late) {
            return new Outcome(episode, "released", late, null);
        }

        public static Outcome missed(int episode, boolean late, String why) {
            return new Outcome(episode, "missed", late, why);
        }

        public static Outcome seasonOver(boolean late) {
            return new Outcome(null, "season-over", late, null);
        }
    }

    public ReleaseRepository(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** When each released episode of the series was released. */
    public Map<Integer, Instant> releasedAt(String seriesId) {
        return db.transaction(c -> {
            Map<Integer, Instant> out = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT number, released_at FROM episodes WHERE series_id = ? AND released_at IS NOT NULL")) {
                s.setString(1, seriesId);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getInt(1), Database.instant(rs, 2));
                    }
                }
            }
            return out;
        });
    }

    /**
     * Handles the drop due at {@code slot} once: when it was not handled yet, {@code decide} sees the
     * episodes as they are inside the lock, and its outcome is stored with the release (status
     * released, the release time) in one transaction. Empty when the slot was handled before.
     */
    public Optional<Drop> handleDrop(String seriesId, Instant slot, Function<List<SeriesRepository.StoredEpisode>, Outcome> decide,
            SeriesRepository episodes) {
        return db.transaction(c -> {
            lockSeries(c, seriesId);
            if (drop(c, seriesId, slot).isPresent()) {
                return Optional.empty();
            }
            Outcome o = decide.apply(episodes.episodes(c, seriesId));
            Instant now = now();
            if (o.outcome().equals("released")) {
                markReleased(c, seriesId, o.episode(), now);
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO drops (series_id, slot_at, episode, outcome, late, note,"
                    + " handled_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                s.setString(1, seriesId);
                s.setObject(2, Database.timestamp(slot));
                if (o.episode() == null) {
                    s.setNull(3, Types.INTEGER);
                } else {
                    s.setInt(3, o.episode());
                }
                s.setString(4, o.outcome());
                s.setBoolean(5, o.late());
                s.setString(6, o.note());
                s.setObject(7, Database.timestamp(now));
                s.executeUpdate();
            }
            return drop(c, seriesId, slot);
        });
    }

    /**
     * A person releases an episode now (the CLI's release, the studio's "release now", a due
     * order): {@code check} sees the episodes inside the lock and returns why not, or empty. Returns
     * false when the episode was already released (nothing changes).
     */
    public boolean release(String seriesId, int episode, Function<List<SeriesRepository.StoredEpisode>, Optional<RuntimeException>> check,
            SeriesRepository episodes) {
        return db.transaction(c -> {
            lockSeries(c, seriesId);
            List<SeriesRepository.StoredEpisode> all = episodes.episodes(c, seriesId);
            if (all.stream().anyMatch(e -> e.number() == episode && e.status() == EpisodeStatus.RELEASED)) {
                deleteOrder(c, seriesId, episode);
                return false;
            }
            Optional<RuntimeException> refused = check.apply(all);
            if (refused.isPresent()) {
                throw refused.get();
            }
            markReleased(c, seriesId, episode, now());
            deleteOrder(c, seriesId, episode);
            return true;
        });
    }

    private void markReleased(Connection c, String seriesId, int episode, Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE episodes SET status = ?, released_at = ?, updated_at = ?"
                + " WHERE series_id = ? AND number = ? AND status = ?")) {
            s.setString(1, EpisodeStatus.RELEASED.wireName());
            s.setObject(2, Database.timestamp(at));
            s.setObject(3, Database.timestamp(at));
            s.setString(4, seriesId);
            s.setInt(5, episode);
            s.setString(6, EpisodeStatus.APPROVED.wireName());
            if (s.executeUpdate() != 1) {
                throw new IllegalStateException("episode " + episode + " of " + seriesId + " was not approved when released");
            }
        }
    }

    private static void lockSeries(Connection c, String seriesId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM series WHERE id = ? FOR UPDATE")) {
            s.setString(1, seriesId);
            s.executeQuery().close();
        }
    }

    /** Every handled drop of the series, oldest first. */
    public List<Drop> drops(String seriesId) {
        return db.transaction(c -> {
            List<Drop> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT slot_at, episode, outcome, late, note, handled_at FROM drops"
                    + " WHERE series_id = ? ORDER BY slot_at")) {
                s.setString(1, seriesId);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(drop(rs));
                    }
                }
            }
            return out;
        });
    }

    private Optional<Drop> drop(Connection c, String seriesId, Instant slot) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT slot_at, episode, outcome, late, note, handled_at FROM drops"
                + " WHERE series_id = ? AND slot_at = ?")) {
            s.setString(1, seriesId);
            s.setObject(2, Database.timestamp(slot));
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(drop(rs)) : Optional.empty();
            }
        }
    }

    private static Drop drop(ResultSet rs) throws SQLException {
        int episode = rs.getInt(2);
        Integer ep = rs.wasNull() ? null : episode;
        return new Drop(Database.instant(rs, 1), ep, rs.getString(3), rs.getBoolean(4), rs.getString(5), Database.instant(rs, 6));
    }

    /** Orders (or moves) the release of an episode at {@code dueAt}. */
    public void order(String seriesId, int episode, Instant dueAt) {
        db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement(db.dialect().upsert("release_orders", List.of("series_id", "episode"),
                    List.of("series_id", "episode", "due_at", "ordered_at")))) {
                s.setString(1, seriesId);
                s.setInt(2, episode);
                s.setObject(3, Database.timestamp(dueAt));
                s.setObject(4, now());
                s.executeUpdate();
            }
            return null;
        });
    }

    /** The orders not carried out yet, by due time. */
    public List<Order> orders(String seriesId) {
        return db.transaction(c -> {
            List<Order> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT episode, due_at, ordered_at FROM release_orders"
                    + " WHERE series_id = ? ORDER BY due_at, episode")) {
                s.setString(1, seriesId);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Order(rs.getInt(1), Database.instant(rs, 2), Database.instant(rs, 3)));
                    }
                }
            }
            return out;
        });
    }

    public void cancelOrder(String seriesId, int episode) {
        db.transaction(c -> {
            deleteOrder(c, seriesId, episode);
            return null;
        });
    }

    private static void deleteOrder(Connection c, String seriesId, int episode) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM release_orders WHERE series_id = ? AND episode = ?")) {
            s.setString(1, seriesId);
            s.setInt(2, episode);
            s.executeUpdate();
        }
    }

    private Instant now() {
        return clock.instant();
    }
}
