package dev.tsuzuku.generate;

import dev.tsuzuku.store.Database;
import dev.tsuzuku.store.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The take engine's contract on a real PostgreSQL (fails under CI=true when none is given). */
class PostgresTakeEngineTest extends TakeEngineContract {
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
}
