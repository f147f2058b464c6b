package dev.tsuzuku.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tsuzuku.model.BadInputException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Episode status and artifacts on a real PostgreSQL, the database a shared studio uses. */
class PostgresEpisodeTrackerTest extends EpisodeTrackerContract {
    static TestDatabases.Scratch scratch;

    @BeforeAll
    static void openDatabase() {
        scratch = TestDatabases.postgres();
    }

    @AfterAll
    static void closeDatabase() {
        if (scratch != null) {
            scratch.close();
        }
    }

    @Override
    protected Database database() {
        return scratch.db();
    }

    @Test
    void a_shared_database_that_holds_another_series_is_refused_with_the_fix() throws Exception {
        planned();
        season("other-book", "Chapter One");

        assertThatThrownBy(() -> ran("plan", "season", "2", "season.json"))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("already holds the series 'tales', and this workspace is the series 'other-book'")
                .hasMessageContaining("fix: give each series its own database (createdb) or schema (add ?currentSchema=NAME to the URL)")
                .hasMessageNotContaining("password");
        assertThat(repo.seriesIds()).containsExactly("tales");
        assertThat(new DatabaseStageLedger(database(), CLOCK).successes("plan"))
                .as("the refused run is not recorded either").singleElement()
                .satisfies(r -> assertThat(r.inputHash()).isEqualTo("h-1"));
    }
}
