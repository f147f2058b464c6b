package dev.tsuzuku.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tsuzuku.pipeline.StageLedger;
import dev.tsuzuku.pipeline.StageLedgerContract;
import dev.tsuzuku.workspace.Workspace;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseStageLedgerTest extends StageLedgerContract {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T01:00:00.123456Z"), ZoneOffset.UTC);

    // One database for the class: opening one costs far more than emptying it between tests.
    @TempDir
    static Path dir;
    static Database db;

    @BeforeAll
    static void openDatabase() {
        db = Database.open(new Workspace(dir));
    }

    @AfterAll
    static void closeDatabase() {
        db.close();
    }

    @Override
    protected StageLedger newLedger() {
        db.transaction(c -> c.createStatement().executeUpdate("DELETE FROM stage_runs"));
        return new DatabaseStageLedger(db, CLOCK);
    }

    @Test
    void every_run_is_appended_to_the_history_with_its_status_and_error() {
        ledger.recordSuccess(run("write", "episode/001", "h1", 1));
        ledger.recordFailure("write", "episode/001", "h2", "writer timed out");
        ledger.recordSuccess(run("write", "episode/001", "h3", 3));

        String history = db.transaction(c -> {
            StringBuilder b = new StringBuilder();
            try (ResultSet rs = c.createStatement().executeQuery(
                    "SELECT input_hash, status, error, finished_at FROM stage_runs ORDER BY id")) {
                while (rs.next()) {
                    b.append(rs.getString(1)).append(' ').append(rs.getString(2)).append(' ').append(rs.getString(3))
                            .append(' ').append(rs.getObject(4, java.time.OffsetDateTime.class).toInstant()).append('\n');
                }
            }
            return b.toString();
        });
        assertThat(history).isEqualTo("""
                h1 ok null 2026-09-21T14:13:21.123456Z
                h2 failed writer timed out 2026-11-25T01:00:00.123456Z
                h3 ok null 2026-09-21T14:13:23.123456Z
                """);
    }

    @Test
    void runs_survive_closing_and_reopening_the_workspace(@TempDir Path other) {
        try (Database first = Database.open(new Workspace(other))) {
            new DatabaseStageLedger(first, CLOCK).recordSuccess(run("write", "episode/001", "h1", 1));
        }
        try (Database again = Database.open(new Workspace(other))) {
            assertThat(new DatabaseStageLedger(again, CLOCK).lastSuccess("write", "episode/001"))
                    .hasValueSatisfying(r -> assertThat(r.inputHash()).isEqualTo("h1"));
        }
    }
}
