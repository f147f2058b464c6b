package dev.tsuzuku.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tsuzuku.ingest.BibleDrafter;
import dev.tsuzuku.ingest.Ingest;
import dev.tsuzuku.model.Source;
import dev.tsuzuku.store.TestDatabases;
import dev.tsuzuku.workspace.BibleFile;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class StatusCommandTest {
    private static final Path SAMPLE = Path.of("samples/japanese-fairy-tales.txt");

    @TempDir
    Path dir;

    record Result(int exitCode, String out) {}

    static Result tsuzuku(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(out, true));
        int code = cl.execute(args);
        return new Result(code, out.toString());
    }

    private static String bibleYaml;

    @BeforeAll
    static void draftTheBibleOnce() {
        Source source = Ingest.read(SAMPLE);
        bibleYaml = BibleFile.render(BibleDrafter.draft(source, null));
    }

    @BeforeEach
    void aSeriesFolderWithTheSampleBook() throws Exception {
        Files.createDirectories(dir.resolve("source"));
        Files.copy(SAMPLE, dir.resolve("source/japanese-fairy-tales.txt"));
        Files.writeString(dir.resolve("series.yaml"), bibleYaml);
    }

    /** Plans five episodes, writes two and boards one, each stage with the given extra options. */
    private void runTheWritersRoom(String... db) {
        assertThat(tsuzuku(cat(new String[] {"plan", dir.toString(), "--episodes", "5"}, db)).exitCode()).isZero();
        assertThat(tsuzuku(cat(new String[] {"write", dir.toString(), "--episode", "1"}, db)).exitCode()).isZero();
        assertThat(tsuzuku(cat(new String[] {"write", dir.toString(), "--episode", "2"}, db)).exitCode()).isZero();
        Result board = tsuzuku(cat(new String[] {"board", dir.toString(), "--episode", "1"}, db));
        assertThat(board.exitCode()).as(board.out()).isZero();
    }

    private static String[] cat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Test
    void status_lists_every_episode_where_the_stages_left_it_and_the_totals() {
        runTheWritersRoom();

        Result r = tsuzuku("status", dir.toString());

        assertThat(r.exitCode()).as(r.out()).isZero();
        assertThat(r.out()).startsWith("Japanese Fairy Tales (japanese-fairy-tales), state in "
                + dir.toAbsolutePath().normalize().resolve(".tsuzuku/state") + "\n\nep   status    updated (UTC)     title\n");
        assertThat(r.out().lines().filter(l -> l.matches("\\d{3} .*")).map(l -> l.substring(0, 15)))
                .containsExactly("001  boarded   ", "002  written   ", "003  planned   ", "004  planned   ", "005  planned   ");
        assertThat(r.out()).endsWith("""

                5 episodes: 5 planned, 2 written, 1 boarded, 0 produced, 0 approved, 0 released
                next: tsuzuku write %s
                """.formatted(dir));
    }

    @Test
    void before_the_first_plan_status_says_what_to_run() {
        Result r = tsuzuku("status", dir.toString());

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("no season planned yet").endsWith("next: tsuzuku plan " + dir + "\n");
    }

    @Test
    void a_folder_that_is_no_workspace_is_bad_input() {
        Result r = tsuzuku("status", dir.resolve("nowhere").toString());

        assertThat(r.exitCode()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.out()).contains("series.yaml: not a series workspace (no series.yaml)", "fix: pass the folder that 'tsuzuku new' made");
        assertThat(dir.resolve("nowhere")).doesNotExist();
    }

    @Test
    void with_db_the_stages_and_status_use_that_postgresql_and_print_no_password() {
        TestDatabases.postgresUrl();
        try (TestDatabases.Scratch pg = TestDatabases.postgres()) {
            runTheWritersRoom("--db", pg.url());

            assertThat(dir.resolve(".tsuzuku/state.mv.db")).as("the workspace's own database stays unused").doesNotExist();
            Result r = tsuzuku("status", dir.toString(), "--db", pg.url());
            assertThat(r.exitCode()).as(r.out()).isZero();
            assertThat(r.out()).contains("state in jdbc:postgresql://", "001  boarded", "5 episodes: 5 planned, 2 written, 1 boarded");

            DoctorCommandTest.Result doctor = DoctorCommandTest.doctor(new DoctorCommandTest.FakeTools(), dir.toString(), "--db", pg.url());
            assertThat(doctor.out()).contains("ok       state db   jdbc:postgresql://",
                    "series 'japanese-fairy-tales', 5 episodes (5 planned, 2 written, 1 boarded, 0 produced, 0 approved, 0 released)");
        }
    }

    @Test
    void tsuzuku_db_in_the_environment_is_used_when_db_is_not_given() throws Exception {
        TestDatabases.postgresUrl();
        try (TestDatabases.Scratch pg = TestDatabases.postgres()) {
            assertThat(tsuzuku("plan", dir.toString(), "--episodes", "5", "--db", pg.url()).exitCode()).isZero();

            ProcessBuilder status = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), Main.class.getName(), "status", dir.toString())
                    .redirectErrorStream(true);
            status.environment().put("TSUZUKU_DB", pg.url());
            Process p = status.start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes());
            assertThat(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

            assertThat(p.exitValue()).as(out).isZero();
            assertThat(out).contains("state in jdbc:postgresql://", "5 episodes: 5 planned, 0 written");
            assertThat(dir.resolve(".tsuzuku/state.mv.db")).doesNotExist();
        }
    }

    @Test
    void the_database_url_comes_from_db_or_else_tsuzuku_db() {
        assertThat(dev.tsuzuku.app.Studio.databaseUrl(null, Map.of())).isNull();
        assertThat(dev.tsuzuku.app.Studio.databaseUrl(" ", Map.of("TSUZUKU_DB", " "))).isNull();
        assertThat(dev.tsuzuku.app.Studio.databaseUrl(null, Map.of("TSUZUKU_DB", " postgresql://u:p@h/db ")))
                .isEqualTo("postgresql://u:p@h/db");
        assertThat(dev.tsuzuku.app.Studio.databaseUrl("jdbc:postgresql://other/db", Map.of("TSUZUKU_DB", "postgresql://u:p@h/db")))
                .isEqualTo("jdbc:postgresql://other/db");
    }
}
