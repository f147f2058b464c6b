package dev.tsuzuku.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tsuzuku.workspace.Workspace;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The database ledger on the workspace's own H2 file. */
class DatabaseStageLedgerTest extends DatabaseStageLedgerContract {
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
    protected Database database() {
        return db;
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
