package dev.tsuzuku.store;

import dev.tsuzuku.model.BadInputException;
import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.EpisodePlan;
import dev.tsuzuku.model.Season;
import dev.tsuzuku.model.TsuzukuException;
import dev.tsuzuku.store.SeriesRepository.PlannedEpisode;
import dev.tsuzuku.store.SeriesRepository.StoredEpisode;
import dev.tsuzuku.store.SeriesRepository.StoredSeries;
import dev.tsuzuku.store.SeriesRepository.Totals;
import dev.tsuzuku.workspace.BibleFile;
import dev.tsuzuku.workspace.Json;
import dev.tsuzuku.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps a workspace's series, episode status and artifacts in step with its stage runs (decision
 * 0014). The ledger hands it every successful run: {@code plan} for {@code season} records the
 * series and its episodes as planned; {@code write}, {@code board} and {@code produce} for
 * {@code episode/NNN} move that episode forward to written, boarded, produced. Every output file
 * becomes an artifact row (path, kind, SHA-256, bytes). Runs of other stages or subjects change
 * nothing here, so a stage that wants a status names itself after one of these.
 */
public final class EpisodeTracker {
    private static final Pattern EPISODE_SUBJECT = Pattern.compile("episode/(\\d{1,9})");

    private final Database db;
    private final Workspace workspace;
    private final SeriesRepository repo;
    private volatile String seriesId;

    /** What {@code tsuzuku status} shows: the series (empty before the first plan), its episodes and totals. */
    public record Status(Optional<StoredSeries> series, List<StoredEpisode> episodes, Totals totals, List<Failure> failures) {}

    /** The last run of a stage for a subject failed, and no later run of it succeeded. */
    public record Failure(String stage, String subject, String error, Instant at) {}

    public EpisodeTracker(Database db, Workspace workspace, Clock clock) {
        this.db = db;
        this.workspace = workspace;
        this.repo = new SeriesRepository(db, clock);
    }

    public SeriesRepository repository() {
        return repo;
    }

    /**
     * A stage finished for a subject and wrote these files (workspace-relative path → SHA-256).
     * The ledger calls this for every run it records; a stage that does not go through the runner
     * calls it itself.
     */
    public void stageRan(String stage, String subject, Map<String, String> outputs) {
        db.transaction(c -> {
            stageRan(c, stage, subject, outputs);
            return null;
        });
    }

    /** The same, inside the ledger's transaction: the run and what it changed are stored together. */
    void stageRan(Connection c, String stage, String subject, Map<String, String> outputs) throws SQLException {
        Optional<EpisodeStatus> reached = EpisodeStatus.reachedBy(stage);
        if (reached.isEmpty()) {
            return;
        }
        if (reached.get() == EpisodeStatus.PLANNED) {
            if (subject.equals("season")) {
                String id = recordPlan(c);
                if (id != null) {
                    saveArtifacts(c, id, 0, stage, outputs);
                }
            }
            return;
        }
        Matcher m = EPISODE_SUBJECT.matcher(subject);
        if (!m.matches()) {
            return;
        }
        int number = Integer.parseInt(m.group(1));
        String id = seriesId(c);
        if (id == null) {
            return;
        }
        Optional<StoredEpisode> episode = repo.episode(c, id, number);
        if (episode.isEmpty()) {
            // planned before the database kept episodes, or season.json edited by hand since
            recordPlan(c);
            episode = repo.episode(c, id, number);
            if (episode.isEmpty()) {
                return;
            }
        }
        if (reached.get() == EpisodeStatus.PRODUCED && episode.get().status() == EpisodeStatus.APPROVED
                && changesRecordedFiles(c, id, outputs)) {
            // the approval was for the old cut; the new one needs approving again
            repo.setStatus(c, id, number, EpisodeStatus.PRODUCED);
        } else {
            repo.reach(c, id, number, reached.get());
        }
        saveArtifacts(c, id, number, stage, outputs);
    }

    /**
     * Where the workspace stands, from the database. A workspace whose stages ran before the
     * database kept episodes is first caught up from the ledger's history.
     */
    public Status status() {
        return db.transaction(c -> {
            String id = seriesId(c);
            if (id == null) {
                return new Status(Optional.empty(), List.of(), Totals.of(List.of()), List.of());
            }
            if (repo.episodes(c, id).isEmpty()) {
                catchUp(c);
            }
            List<StoredEpisode> episodes = repo.episodes(c, id);
            return new Status(repo.series(c, id), episodes, Totals.of(episodes), failures(c));
        });
    }

    /** Replays the latest successful run of each stage and subject, plan first. */
    private void catchUp(Connection c) throws SQLException {
        record Run(long id, String stage, String subject, Map<String, String> outputs) {}
        List<Run> runs = new ArrayList<>();
        try (ResultSet rs = c.createStatement().executeQuery("SELECT id, stage, subject, outputs FROM stage_runs r"
                + " WHERE status = 'ok' AND id = (SELECT MAX(id) FROM stage_runs l"
                + " WHERE l.stage = r.stage AND l.subject = r.subject AND l.status = 'ok')")) {
            while (rs.next()) {
                runs.add(new Run(rs.getLong(1), rs.getString(2), rs.getString(3), DatabaseStageLedger.outputs(rs.getString(4))));
            }
        }
        runs.sort(Comparator.comparing((Run r) -> !r.stage().equals("plan")).thenComparingLong(Run::id));
        if (runs.stream().noneMatch(r -> r.stage().equals("plan"))) {
            recordPlan(c);
        }
        for (Run r : runs) {
            stageRan(c, r.stage(), r.subject(), r.outputs());
        }
    }

    private List<Failure> failures(Connection c) throws SQLException {
        List<Failure> out = new ArrayList<>();
        try (ResultSet rs = c.createStatement().executeQuery("SELECT stage, subject, error, finished_at FROM stage_runs r"
                + " WHERE status = 'failed' AND id = (SELECT MAX(id) FROM stage_runs l WHERE l.stage = r.stage AND l.subject = r.subject)")) {
            while (rs.next()) {
                out.add(new Failure(rs.getString(1), rs.getString(2), rs.getString(3),
                        Database.instant(rs, 4)));
            }
        }
        out.sort(Comparator.comparing(Failure::subject).thenComparing(Failure::stage));
        return List.copyOf(out);
    }

    /**
     * Records the series and its episodes from season.json; returns the series id, or null when
     * the workspace has no season yet. A database holds one workspace: a PostgreSQL database that
     * already holds another series is refused; the workspace's own database follows a renamed series.
     */
    private String recordPlan(Connection c) throws SQLException {
        if (!Files.isRegularFile(workspace.seasonJson())) {
            return null;
        }
        Season season = Json.readFile(workspace.seasonJson(), Season.class, "tsuzuku plan " + workspace.root());
        String id = season.series();
        for (String other : repo.seriesIds(c)) {
            if (other.equals(id)) {
                continue;
            }
            if (db.shared()) {
                throw new BadInputException("--db", "the database " + db.where() + " already holds the series '" + other
                        + "', and this workspace is the series '" + id + "'",
                        "give each series its own database (createdb) or schema (add ?currentSchema=NAME to the URL)");
            }
            repo.deleteSeries(c, other);
        }
        String title = id;
        String language = "und";
        try {
            Bible bible = BibleFile.load(workspace.bible());
            title = bible.title();
            language = bible.language();
        } catch (TsuzukuException e) {
            // the plan was made from an earlier bible; its id stands in for the title until the next plan
        }
        repo.saveSeries(c, id, title, language);
        repo.plan(c, id, season.episodes().stream().map(e -> new PlannedEpisode(e.number(), title(e))).toList());
        seriesId = id;
        return id;
    }

    private static String title(EpisodePlan e) {
        return e.title() == null ? "Episode " + e.number() : e.title();
    }

    /** The series of this workspace: the one its season.json names; null before the first plan. */
    private String seriesId(Connection c) {
        if (seriesId == null && Files.isRegularFile(workspace.seasonJson())) {
            seriesId = Json.readFile(workspace.seasonJson(), Season.class, "tsuzuku plan " + workspace.root()).series();
        }
        return seriesId;
    }

    private boolean changesRecordedFiles(Connection c, String id, Map<String, String> outputs) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT hash FROM artifacts WHERE series_id = ? AND path = ?")) {
            for (Map.Entry<String, String> o : outputs.entrySet()) {
                s.setString(1, id);
                s.setString(2, o.getKey());
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next() || !rs.getString(1).equals(o.getValue())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private void saveArtifacts(Connection c, String id, int episode, String stage, Map<String, String> outputs) throws SQLException {
        for (Map.Entry<String, String> o : outputs.entrySet()) {
            Path file = workspace.root().resolve(o.getKey());
            long bytes;
            try {
                bytes = Files.size(file);
            } catch (IOException e) {
                continue; // gone since the stage wrote it: nothing to record
            }
            repo.saveArtifact(c, id, o.getKey(), episode, kind(o.getKey()), o.getValue(), bytes, stage);
        }
    }

    /** What a file is, by its name: script, screenplay, storyboard, video, subtitles, cover, … */
    static String kind(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        return switch (name) {
            case "season.json" -> "season";
            case "season.md" -> "season-notes";
            case "script.json" -> "script";
            case "script.fountain" -> "screenplay";
            case "storyboard.json" -> "storyboard";
            case "manifest.json" -> "manifest";
            case "cover.jpg", "cover.png" -> "cover";
            case "thumb.jpg", "thumb.png" -> "thumbnail";
            default -> {
                String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
                yield switch (ext) {
                    case "mp4", "mov", "webm" -> "video";
                    case "srt", "vtt" -> "subtitles";
                    case "wav", "m4a", "aac", "mp3" -> "audio";
                    case "png", "jpg", "jpeg" -> "image";
                    case "json" -> "data";
                    default -> ext.isEmpty() ? "file" : ext;
                };
            }
        };
    }
}
