package dev.tsuzuku.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.tsuzuku.model.TsuzukuException;
import dev.tsuzuku.pipeline.StageLedger;
import dev.tsuzuku.pipeline.StageRun;
import dev.tsuzuku.workspace.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link StageLedger} kept in the state database's append-only {@code stage_runs} table:
 * every run adds a row, the latest {@code ok} row per stage and subject is the one that counts.
 * Times are stored to the microsecond (what both H2 and PostgreSQL keep).
 */
public final class DatabaseStageLedger implements StageLedger {
    private static final TypeReference<Map<String, String>> OUTPUTS = new TypeReference<>() {};
    private static final String COLUMNS = "stage, subject, input_hash, outputs, finished_at";

    private final Database db;
    private final Clock clock;
    private final EpisodeTracker tracker;

    /** A ledger that records runs only (tests of the runner, benchmarks). */
    public DatabaseStageLedger(Database db, Clock clock) {
        this(db, clock, null);
    }

    /**
     * A ledger that also keeps the workspace's series, episode status and artifacts in step with
     * every successful run, in the same transaction as the run's row (decision 0014).
     */
    public DatabaseStageLedger(Database db, Clock clock, EpisodeTracker tracker) {
        this.db = db;
        this.clock = clock;
        this.tracker = tracker;
    }

    @Override
    public Optional<StageRun> lastSuccess(String stage, String subject) {
        return db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM stage_runs"
                    + " WHERE stage = ? AND subject = ? AND status = 'ok' ORDER BY id DESC LIMIT 1")) {
                s.setString(1, stage);
                s.setString(2, subject);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(run(rs)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public void recordSuccess(StageRun run) {
        db.transaction(c -> {
            insert(c, run.stage(), run.subject(), run.inputHash(), "ok", outputsJson(run.outputs()), null, run.finishedAt());
            if (tracker != null) {
                tracker.stageRan(c, run.stage(), run.subject(), run.outputs());
            }
            return null;
        });
    }

    @Override
    public void recordFailure(String stage, String subject, String inputHash, String error) {
        db.transaction(c -> insert(c, stage, subject, inputHash, "failed", null, error, clock.instant()));
    }

    @Override
    public List<StageRun> successes(String stage) {
        List<StageRun> runs = db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM stage_runs r WHERE stage = ? AND status = 'ok'"
                    + " AND id = (SELECT MAX(id) FROM stage_runs l WHERE l.stage = r.stage AND l.subject = r.subject AND l.status = 'ok')")) {
                s.setString(1, stage);
                List<StageRun> found = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        found.add(run(rs));
                    }
                }
                return found;
            }
        });
        // Sorted here, not in SQL, so the order is Java's on every database whatever its collation.
        runs.sort(Comparator.comparing(StageRun::subject));
        return List.copyOf(runs);
    }

    private static int insert(Connection c, String stage, String subject, String inputHash, String status, String outputs,
                              String error, Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO stage_runs"
                + " (stage, subject, input_hash, status, outputs, error, finished_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, stage);
            s.setString(2, subject);
            s.setString(3, inputHash);
            s.setString(4, status);
            s.setString(5, outputs);
            s.setString(6, error);
            s.setObject(7, Database.timestamp(at));
            return s.executeUpdate();
        }
    }

    private static StageRun run(ResultSet rs) throws SQLException {
        return new StageRun(rs.getString("stage"), rs.getString("subject"), rs.getString("input_hash"),
                outputs(rs.getString("outputs")), Database.instant(rs, "finished_at"));
    }

    private static String outputsJson(Map<String, String> outputs) {
        try {
            return Json.mapper().writeValueAsString(outputs);
        } catch (JsonProcessingException e) {
            throw new TsuzukuException("cannot record stage outputs: " + e.getMessage(), e);
        }
    }

    static Map<String, String> outputs(String json) {
        if (json == null) {
            return Map.of();
        }
        try {
            return Json.mapper().readValue(json, OUTPUTS);
        } catch (JsonProcessingException e) {
            throw new TsuzukuException("the state database holds unreadable stage outputs: " + e.getMessage(), e);
        }
    }
}
