package dev.tsuzuku.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tsuzuku.model.BadInputException;
import dev.tsuzuku.model.TsuzukuException;
import dev.tsuzuku.workspace.Workspace;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import dev.tsuzuku.pipeline.StageRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    @TempDir
    Path dir;

    @Test
    void opening_a_workspace_creates_its_state_database_with_its_tables() {
        try (Database db = Database.open(new Workspace(dir))) {
            assertThat(dir.resolve(".tsuzuku/state.mv.db")).isRegularFile();
            assertThat(dir.resolve(".tsuzuku/state.trace.db")).as("H2 logs errors there; a clean open logs none").doesNotExist();
            assertThat(db.dialect()).isEqualTo(SqlDialect.H2);
            assertThat(db.schemaVersion()).isEqualTo(Database.SCHEMA_VERSION);
            List<String> tables = db.transaction(c -> {
                List<String> names = new ArrayList<>();
                try (ResultSet rs = c.createStatement().executeQuery("SELECT table_name FROM information_schema.tables"
                        + " WHERE table_schema = 'public' AND table_name <> 'flyway_schema_history' ORDER BY table_name")) {
                    while (rs.next()) {
                        names.add(rs.getString(1));
                    }
                }
                return names;
            });
            assertThat(tables).containsExactly("approvals", "artifacts", "cost_ledger", "drops", "episodes", "provider_accounts",
                    "regeneration_jobs", "regenerations", "release_orders",
                    "scheduled_tasks", "series", "stage_runs", "studio_sessions", "take_history", "takes");
        }
    }

    @Test
    void the_schema_version_constant_is_the_highest_migration() throws URISyntaxException, Exception {
        Path migrations = Path.of(getClass().getResource("/db/migration").toURI());
        try (Stream<Path> files = Files.list(migrations)) {
            int highest = files.map(p -> p.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).max().orElse(0);
            assertThat(Database.SCHEMA_VERSION).isEqualTo(highest);
        }
    }

    @Test
    void two_invocations_in_a_row_each_open_and_close_the_same_file() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-25T01:00:00Z"), ZoneOffset.UTC);
        for (int i = 1; i <= 2; i++) {
            try (Database db = Database.open(new Workspace(dir))) {
                new DatabaseStageLedger(db, clock).recordFailure("write", "episode/001", "h" + i, "attempt " + i);
            }
        }
        try (Database db = Database.open(new Workspace(dir))) {
            int rows = db.transaction(c -> {
                try (ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM stage_runs")) {
                    rs.next();
                    return rs.getInt(1);
                }
            });
            assertThat(rows).isEqualTo(2);
        }
    }

    @Test
    void a_process_killed_mid_work_leaves_a_database_the_next_one_opens() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process crashing = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CrashingProcess.class.getName(), dir.toString())
                .redirectErrorStream(true).start();
        String output = new String(crashing.getInputStream().readAllBytes());
        assertThat(crashing.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(crashing.exitValue()).as(output).isEqualTo(CrashingProcess.HALTED);

        try (Database db = Database.open(new Workspace(dir))) {
            DatabaseStageLedger ledger = new DatabaseStageLedger(db, Clock.systemUTC());
            assertThat(ledger.lastSuccess("write", "episode/001")).hasValueSatisfying(r -> assertThat(r.inputHash()).isEqualTo("before-crash"));
            ledger.recordSuccess(new StageRun("write", "episode/002", "after-crash", Map.of(), Instant.EPOCH));
            assertThat(ledger.successes("write")).hasSize(2);
        }
    }

    @Test
    void a_url_that_is_no_database_is_bad_input() {
        assertThatThrownBy(() -> Database.open("mysql://host/db"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("--db: 'mysql://host/db' is not a database URL\n"
                        + "    fix: use postgresql://user:password@host:5432/db, or leave it out for the workspace's own database");
    }

    @Test
    void an_unreachable_postgresql_names_the_server_and_never_the_password() {
        // port 1 on this machine: nothing listens, so the refusal is immediate
        assertThatThrownBy(() -> Database.open("postgresql://tsuzuku:s3cret@127.0.0.1:1/studio"))
                .isInstanceOf(TsuzukuException.class)
                .hasMessageStartingWith("cannot open the state database jdbc:postgresql://127.0.0.1:1/studio: ")
                .hasMessageContaining("check that the server runs and that --db or TSUZUKU_DB names it")
                .hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> Database.open("jdbc:postgresql://127.0.0.1:1/studio?user=tsuzuku&password=s3cret&ssl=false"))
                .hasMessageStartingWith("cannot open the state database jdbc:postgresql://127.0.0.1:1/studio?ssl=false: ")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void urls_are_printed_without_their_password() {
        assertThat(Database.redacted("postgresql://tsuzuku:s3cret@db:5432/studio")).isEqualTo("postgresql://tsuzuku@db:5432/studio");
        assertThat(Database.redacted("jdbc:postgresql://db/studio?user=t&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://db/studio?user=t&ssl=true");
        assertThat(Database.redacted("jdbc:postgresql://db/studio?password=s3cret")).isEqualTo("jdbc:postgresql://db/studio");
        assertThatThrownBy(() -> Database.open("mysql://root:s3cret@host/db")).hasMessageNotContaining("s3cret");
    }

    @Test
    void the_upsert_is_the_one_statement_that_differs_between_databases() {
        assertThat(SqlDialect.H2.upsert("episodes", List.of("series_id", "number"), List.of("series_id", "number", "status")))
                .isEqualTo("MERGE INTO episodes (series_id, number, status) KEY (series_id, number) VALUES (?, ?, ?)");
        assertThat(SqlDialect.POSTGRESQL.upsert("episodes", List.of("series_id", "number"), List.of("series_id", "number", "status")))
                .isEqualTo("INSERT INTO episodes (series_id, number, status) VALUES (?, ?, ?)"
                        + " ON CONFLICT (series_id, number) DO UPDATE SET status = EXCLUDED.status");
    }

    /** Writes a run and dies without closing anything, as a killed process would. */
    static final class CrashingProcess {
        static final int HALTED = 42;

        public static void main(String[] args) {
            Database db = Database.open(new Workspace(Path.of(args[0])));
            new DatabaseStageLedger(db, Clock.systemUTC())
                    .recordSuccess(new StageRun("write", "episode/001", "before-crash", Map.of("a" + File.separator + "b", "x"), Instant.EPOCH));
            Runtime.getRuntime().halt(HALTED);
        }
    }
}
