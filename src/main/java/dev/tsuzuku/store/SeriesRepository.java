package dev.tsuzuku.store;

import dev.tsuzuku.model.Bible;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Series and their episodes' status in the state database: what the dashboard and {@code cost} read. */
public final class SeriesRepository {
    private final Database db;
    private final Clock clock;

    /** One series as stored. */
    public record StoredSeries(String id, String title, String language, Instant updatedAt) {}

    /** One episode as stored. */
    public record StoredEpisode(String seriesId, int number, String title, EpisodeStatus status, Instant updatedAt) {}

    public SeriesRepository(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Inserts the series of this bible, or updates its title and language. */
    public void saveSeries(Bible bible) {
        db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement(db.dialect().upsert("series", List.of("id"),
                    List.of("id", "title", "language", "updated_at")))) {
                s.setString(1, bible.id());
                s.setString(2, bible.title());
                s.setString(3, bible.language());
                s.setObject(4, now());
                return s.executeUpdate();
            }
        });
    }

    public Optional<StoredSeries> series(String id) {
        return db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT id, title, language, updated_at FROM series WHERE id = ?")) {
                s.setString(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(new StoredSeries(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getObject(4, OffsetDateTime.class).toInstant())) : Optional.empty();
                }
            }
        });
    }

    /** Inserts or updates one episode of a saved series. */
    public void saveEpisode(String seriesId, int number, String title, EpisodeStatus status) {
        db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement(db.dialect().upsert("episodes", List.of("series_id", "number"),
                    List.of("series_id", "number", "title", "status", "updated_at")))) {
                s.setString(1, seriesId);
                s.setInt(2, number);
                s.setString(3, title);
                s.setString(4, status.name().toLowerCase(Locale.ROOT));
                s.setObject(5, now());
                return s.executeUpdate();
            }
        });
    }

    /** The episodes of a series in episode order. */
    public List<StoredEpisode> episodes(String seriesId) {
        return db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT series_id, number, title, status, updated_at FROM episodes"
                    + " WHERE series_id = ? ORDER BY number")) {
                s.setString(1, seriesId);
                List<StoredEpisode> out = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(new StoredEpisode(rs.getString(1), rs.getInt(2), rs.getString(3),
                                EpisodeStatus.valueOf(rs.getString(4).toUpperCase(Locale.ROOT)),
                                rs.getObject(5, OffsetDateTime.class).toInstant()));
                    }
                }
                return List.copyOf(out);
            }
        });
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }
}
