package dev.tsuzuku.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The database ledger on a real PostgreSQL (the one scripts/test.sh starts), through the same migrations. */
class PostgresStageLedgerTest extends DatabaseStageLedgerContract {
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
    void it_really_is_postgresql() {
        assertThat(scratch.db().dialect()).isEqualTo(SqlDialect.POSTGRESQL);
        assertThat(scratch.db().shared()).isTrue();
        String product = scratch.db().transaction(c -> c.getMetaData().getDatabaseProductName());
        assertThat(product).isEqualTo("PostgreSQL");
    }

    @Test
    void runs_survive_closing_and_reopening_the_database() {
        new DatabaseStageLedger(scratch.db(), CLOCK).recordSuccess(run("write", "episode/001", "h1", 1));
        try (Database again = Database.open(scratch.url())) {
            assertThat(again.schemaVersion()).isEqualTo(Database.SCHEMA_VERSION);
            assertThat(new DatabaseStageLedger(again, CLOCK).lastSuccess("write", "episode/001"))
                    .hasValueSatisfying(r -> assertThat(r.inputHash()).isEqualTo("h1"));
        }
    }
}
