package dev.tsuzuku.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tsuzuku.workspace.Workspace;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Episode status and artifacts on the workspace's own H2 database. */
class EpisodeTrackerTest extends EpisodeTrackerContract {
    @TempDir
    static Path dbDir;
    static Database db;

    @BeforeAll
    static void openDatabase() {
        db = Database.open(new Workspace(dbDir));
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
    void the_workspace_s_own_database_follows_a_renamed_series() throws Exception {
        planned();
        season("fairy-tales", "The Turtle");
        ran("plan", "season", "2", "season.json");

        assertThat(repo.seriesIds()).containsExactly("fairy-tales");
        assertThat(repo.episodes("fairy-tales")).extracting(e -> e.title()).containsExactly("The Turtle");
        assertThat(repo.episodes("tales")).isEmpty();
    }
}
