package dev.tsuzuku.store;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The databases the store contracts run on: the workspace's own H2 file, and the PostgreSQL that
 * {@code scripts/test.sh} starts and names in {@code TSUZUKU_TEST_PG_URL}. Each PostgreSQL user
 * gets a schema of its own, dropped when done, so the contracts never see each other's rows.
 */
public final class TestDatabases {
    public static final String PG_URL = "TSUZUKU_TEST_PG_URL";

    private TestDatabases() {}

    /** A database in a fresh schema and how to throw it away. */
    public record Scratch(Database db, String url, String schema) implements AutoCloseable {
        @Override
        public void close() {
            db.close();
            try (Connection c = DriverManager.getConnection(System.getenv(PG_URL)); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            } catch (SQLException e) {
                throw new IllegalStateException("cannot drop the test schema " + schema + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * The test PostgreSQL's URL. Without one the PostgreSQL contracts fail under {@code CI=true}
     * (CI must run them) and are skipped, loudly, on a developer's machine.
     */
    public static String postgresUrl() {
        String url = System.getenv(PG_URL);
        if (url == null || url.isBlank()) {
            String why = PG_URL + " is not set, so the store contracts cannot run on PostgreSQL;"
                    + " scripts/test.sh starts a throwaway PostgreSQL and sets it";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(why);
            }
            System.err.println("\n*** SKIPPED ON POSTGRESQL: " + why + " ***\n");
            Assumptions.abort(why);
        }
        return url;
    }

    /** A migrated database in a new, empty PostgreSQL schema. */
    public static Scratch postgres() {
        String url = postgresUrl();
        String schema = "test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            fail("cannot reach the test PostgreSQL at " + Database.redacted(url) + ": " + e.getMessage());
        }
        String scoped = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return new Scratch(Database.open(scoped), scoped, schema);
    }

    /** Empties every table of the state database (between tests sharing one database). */
    public static void empty(Database db) {
        db.transaction(c -> {
            try (Statement s = c.createStatement()) {
                for (String table : new String[] {"cost_ledger", "approvals", "regenerations", "take_history", "takes", "provider_accounts", "scheduled_tasks", "artifacts",
                    "episodes", "series", "stage_runs"}) {
                    s.executeUpdate("DELETE FROM " + table);
                }
            }
            return null;
        });
    }
}
