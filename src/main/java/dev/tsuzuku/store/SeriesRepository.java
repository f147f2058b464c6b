package dev.tsuzuku.store;

import dev.tsuzuku.model.BadInputException;
import dev.tsuzuku.model.Bible;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Series, their episodes' status and the files the stages wrote, in the state database: what
 * {@code tsuzuku status}, {@code doctor}, the dashboard and the drop calendar read. The stages
 * write it through {@link EpisodeTracker}; a person's decisions go through {@link #transition}.
 */
public final class SeriesRepository {
    private final Database db;
    private final Clock clock;

    /** One series as stored. */
    public record StoredSeries(String id, String title, String language, Instant updatedAt) {}

    /** One episode as stored. */
    public record StoredEpisode(String seriesId, int number, String title, EpisodeStatus status, Instant updatedAt) {}

    /** One file a stage wrote: workspace-relative path, what it is, SHA-256 and size; {@code episode} 0 for season files. */
    public record StoredArtifact(String seriesId, String path, int episode, String kind, String hash, long bytes,
                                 String stage, Instant recordedAt) {}

    /** An episode as the season plan names it. */
    public record PlannedEpisode(int number, String title) {}

    /** How far a series' episodes got: for each status, how many episodes reached it or went further. */
    public record Totals(int episodes, Map<EpisodeStatus, Integer> reached) {
        public Totals {
            reached = Map.copyOf(reached);
        }

        public int reached(EpisodeStatus status) {
            return reached.getOrDefault(status, 0);
        }

        /** "43 planned, 43 written, 3 boarded, 3 produced, 0 approved, 0 released". */
        public String render() {
            return java.util.Arrays.stream(EpisodeStatus.values()).map(s -> reached(s) + " " + s.wireName())
                    .collect(Collectors.joining(", "));
        }

        static Totals of(List<StoredEpisode> episodes) {
            Map<EpisodeStatus, Integer> reached = new EnumMap<>(EpisodeStatus.class);
            for (EpisodeStatus s : EpisodeStatus.values()) {
                reached.put(s, (int) episodes.stream().filter(e -> e.status().atLeast(s)).count());
            }
            return new Totals(episodes.size(), reached);
        }
    }

    public SeriesRepository(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Inserts the series of this bible, or updates its title and language. */
    public void saveSeries(Bible bible) {
        db.transaction(c -> {
            saveSeries(c, bible.id(), bible.title(), bible.language());
            return null;
        });
    }

    void saveSeries(Connection c, String id, String title, String language) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(db.dialect().upsert("series", List.of("id"),
                List.of("id", "title", "language", "updated_at")))) {
            s.setString(1, id);
            s.setString(2, title);
            s.setString(3, language);
            s.setObject(4, now());
            s.executeUpdate();
        }
    }

    public Optional<StoredSeries> series(String id) {
        return db.transaction(c -> series(c, id));
    }

    Optional<StoredSeries> series(Connection c, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id, title, language, updated_at FROM series WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(new StoredSeries(rs.getString(1), rs.getString(2), rs.getString(3),
                        Database.instant(rs, 4))) : Optional.empty();
            }
        }
    }

    /** The ids of every series in the database, sorted. */
    public List<String> seriesIds() {
        return db.transaction(this::seriesIds);
    }

    List<String> seriesIds(Connection c) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (ResultSet rs = c.createStatement().executeQuery("SELECT id FROM series")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        ids.sort(null);
        return ids;
    }

    /** Removes a series with its episodes and artifacts. */
    void deleteSeries(Connection c, String id) throws SQLException {
        for (String sql : List.of("DELETE FROM artifacts WHERE series_id = ?", "DELETE FROM episodes WHERE series_id = ?",
                "DELETE FROM series WHERE id = ?")) {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, id);
                s.executeUpdate();
            }
        }
    }

    /** Inserts or updates one episode of a saved series, whatever its status was. */
    public void saveEpisode(String seriesId, int number, String title, EpisodeStatus status) {
        db.transaction(c -> {
            saveEpisode(c, seriesId, number, title, status);
            return null;
        });
    }

    private void saveEpisode(Connection c, String seriesId, int number, String title, EpisodeStatus status) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(db.dialect().upsert("episodes", List.of("series_id", "number"),
                List.of("series_id", "number", "title", "status", "updated_at")))) {
            s.setString(1, seriesId);
            s.setInt(2, number);
            s.setString(3, title);
            s.setString(4, status.wireName());
            s.setObject(5, now());
            s.executeUpdate();
        }
    }

    /**
     * The season plan as it now stands: new episodes are planned, kept ones keep their status and
     * take the new title, and episodes the plan no longer has are removed with their artifacts,
     * unless a person approved or released them (those stay, whatever the plan says).
     */
    public void plan(String seriesId, List<PlannedEpisode> planned) {
        db.transaction(c -> {
            plan(c, seriesId, planned);
            return null;
        });
    }

    void plan(Connection c, String seriesId, List<PlannedEpisode> planned) throws SQLException {
        Map<Integer, StoredEpisode> existing = episodes(c, seriesId).stream()
                .collect(Collectors.toMap(StoredEpisode::number, e -> e));
        Set<Integer> keep = planned.stream().map(PlannedEpisode::number).collect(Collectors.toSet());
        for (PlannedEpisode p : planned) {
            StoredEpisode old = existing.get(p.number());
            if (old == null) {
                saveEpisode(c, seriesId, p.number(), p.title(), EpisodeStatus.PLANNED);
            } else if (!old.title().equals(p.title())) {
                saveEpisode(c, seriesId, p.number(), p.title(), old.status());
            }
        }
        for (StoredEpisode old : existing.values()) {
            if (!keep.contains(old.number()) && !old.status().atLeast(EpisodeStatus.APPROVED)) {
                for (String sql : List.of("DELETE FROM artifacts WHERE series_id = ? AND episode = ?",
                        "DELETE FROM episodes WHERE series_id = ? AND number = ?")) {
                    try (PreparedStatement s = c.prepareStatement(sql)) {
                        s.setString(1, seriesId);
                        s.setInt(2, old.number());
                        s.executeUpdate();
                    }
                }
            }
        }
    }

    /**
     * A stage that gives {@code reached} finished for this episode: its status moves forward to it
     * (never back). Returns the status now stored, or empty when the series has no such episode.
     */
    public Optional<EpisodeStatus> reach(String seriesId, int number, EpisodeStatus reached) {
        return db.transaction(c -> reach(c, seriesId, number, reached));
    }

    Optional<EpisodeStatus> reach(Connection c, String seriesId, int number, EpisodeStatus reached) throws SQLException {
        Optional<StoredEpisode> e = episode(c, seriesId, number);
        if (e.isEmpty()) {
            return Optional.empty();
        }
        EpisodeStatus next = e.get().status().advancedBy(reached);
        if (next != e.get().status()) {
            setStatus(c, seriesId, number, next);
        }
        return Optional.of(next);
    }

    /**
     * A person's decision: approve a produced episode, withdraw an approval, release an approved
     * one ({@link EpisodeStatus#ALLOWED}). Anything else is refused with what to do first.
     */
    public EpisodeStatus transition(String seriesId, int number, EpisodeStatus to) {
        return db.transaction(c -> {
            StoredEpisode e = episode(c, seriesId, number).orElseThrow(() -> new BadInputException("--episode",
                    "series '" + seriesId + "' has no episode " + number + " in the state database",
                    "plan it first: tsuzuku plan DIR, then see: tsuzuku status DIR"));
            if (e.status() == to) {
                return to;
            }
            if (!e.status().mayBecome(to)) {
                throw new BadInputException("--episode", "episode " + number + " is " + e.status().wireName()
                        + " and cannot become " + to.wireName() + " (allowed from " + e.status().wireName() + ": "
                        + (EpisodeStatus.ALLOWED.get(e.status()).isEmpty() ? "nothing"
                        : EpisodeStatus.ALLOWED.get(e.status()).stream().map(EpisodeStatus::wireName).sorted()
                                .collect(Collectors.joining(", "))) + ")",
                        e.status().atLeast(EpisodeStatus.PRODUCED) ? "see tsuzuku status DIR for where it stands"
                                : "produce it first: tsuzuku produce DIR --episode " + number);
            }
            setStatus(c, seriesId, number, to);
            return to;
        });
    }

    void setStatus(Connection c, String seriesId, int number, EpisodeStatus status) throws SQLException {
        // a release keeps its time (decision 0025); only a release sets it
        String released = status == EpisodeStatus.RELEASED ? ", released_at = ?" : "";
        try (PreparedStatement s = c.prepareStatement("UPDATE episodes SET status = ?, updated_at = ?" + released
                + " WHERE series_id = ? AND number = ?")) {
            int i = 1;
            s.setString(i++, status.wireName());
            s.setObject(i++, now());
            if (!released.isEmpty()) {
                s.setObject(i++, now());
            }
            s.setString(i++, seriesId);
            s.setInt(i, number);
            s.executeUpdate();
        }
    }

    /** The episodes of a series in episode order. */
    public List<StoredEpisode> episodes(String seriesId) {
        return db.transaction(c -> episodes(c, seriesId));
    }

    List<StoredEpisode> episodes(Connection c, String seriesId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT series_id, number, title, status, updated_at FROM episodes"
                + " WHERE series_id = ? ORDER BY number")) {
            s.setString(1, seriesId);
            List<StoredEpisode> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new StoredEpisode(rs.getString(1), rs.getInt(2), rs.getString(3),
                            EpisodeStatus.fromWire(rs.getString(4)), Database.instant(rs, 5)));
                }
            }
            return List.copyOf(out);
        }
    }

    public Optional<StoredEpisode> episode(String seriesId, int number) {
        return db.transaction(c -> episode(c, seriesId, number));
    }

    Optional<StoredEpisode> episode(Connection c, String seriesId, int number) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT series_id, number, title, status, updated_at FROM episodes"
                + " WHERE series_id = ? AND number = ?")) {
            s.setString(1, seriesId);
            s.setInt(2, number);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(new StoredEpisode(rs.getString(1), rs.getInt(2), rs.getString(3),
                        EpisodeStatus.fromWire(rs.getString(4)), Database.instant(rs, 5))) : Optional.empty();
            }
        }
    }

    /** How many episodes of the series reached each status. */
    public Totals totals(String seriesId) {
        return Totals.of(episodes(seriesId));
    }

    /** Records (or replaces) the file at {@code path}; {@code episode} 0 for a season file. */
    public void saveArtifact(String seriesId, String path, int episode, String kind, String hash, long bytes, String stage) {
        db.transaction(c -> {
            saveArtifact(c, seriesId, path, episode, kind, hash, bytes, stage);
            return null;
        });
    }

    void saveArtifact(Connection c, String seriesId, String path, int episode, String kind, String hash, long bytes, String stage)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(db.dialect().upsert("artifacts", List.of("series_id", "path"),
                List.of("series_id", "path", "episode", "kind", "hash", "bytes", "stage", "recorded_at")))) {
            s.setString(1, seriesId);
            s.setString(2, path);
            if (episode > 0) {
                s.setInt(3, episode);
            } else {
                s.setNull(3, Types.INTEGER);
            }
            s.setString(4, kind);
            s.setString(5, hash);
            s.setLong(6, bytes);
            s.setString(7, stage);
            s.setObject(8, now());
            s.executeUpdate();
        }
    }

    /** The recorded files of a series: season files first, then by episode and path. */
    public List<StoredArtifact> artifacts(String seriesId) {
        return db.transaction(c -> artifacts(c, seriesId));
    }

    List<StoredArtifact> artifacts(Connection c, String seriesId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT series_id, path, episode, kind, hash, bytes, stage, recorded_at"
                + " FROM artifacts WHERE series_id = ?")) {
            s.setString(1, seriesId);
            List<StoredArtifact> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new StoredArtifact(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                            rs.getString(5), rs.getLong(6), rs.getString(7), Database.instant(rs, 8)));
                }
            }
            // Sorted here so the order is Java's on every database whatever its collation.
            out.sort(java.util.Comparator.comparingInt(StoredArtifact::episode).thenComparing(StoredArtifact::path));
            return List.copyOf(out);
        }
    }

    private OffsetDateTime now() {
        return Database.timestamp(clock.instant());
    }
}
