package dev.tsuzuku.generate;

import dev.tsuzuku.store.Database;
import dev.tsuzuku.workspace.Workspace;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The take engine's contract on the workspace's own H2 database. */
class TakeEngineTest extends TakeEngineContract {
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
}
