package dev.tsuzuku.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tsuzuku.store.Database;
import dev.tsuzuku.workspace.Workspace;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DoctorCommandTest {
    @TempDir
    Path dir;

    /** A machine described by hand: which programs exist and what they print. */
    static final class FakeTools implements Checkup.Tools {
        final Map<String, Checkup.Ran> outputs = new HashMap<>();
        boolean ffmpegJars = true;
        boolean espeak = true;
        boolean libraries = true;
        int java = 17;

        FakeTools() {
            outputs.put("/cache/ffmpeg -hide_banner -version", new Checkup.Ran(0, "ffmpeg version 7.1.1 Copyright (c) 2000-2025\n"));
            outputs.put("/cache/ffprobe -hide_banner -version", new Checkup.Ran(0, "ffprobe version 7.1.1 Copyright (c) 2007-2025\n"));
            outputs.put("/cache/ffmpeg -hide_banner -encoders", new Checkup.Ran(0,
                    "Encoders:\n V....D libx264              libx264 H.264 / AVC / MPEG-4 AVC (codec h264)\n A....D aac  AAC\n"));
            outputs.put("/usr/bin/espeak-ng --version", new Checkup.Ran(0, "eSpeak NG text-to-speech: 1.51  Data at: /usr/share\n"));
        }

        @Override
        public Path bundled(String program) {
            if (!ffmpegJars) {
                throw new UnsatisfiedLinkError("no jniavutil in java.library.path");
            }
            return Path.of("/cache/" + program);
        }

        @Override
        public Optional<Path> onPath(String program) {
            return espeak ? Optional.of(Path.of("/usr/bin/" + program)) : Optional.empty();
        }

        @Override
        public Checkup.Ran run(List<String> command) {
            return outputs.getOrDefault(String.join(" ", command), new Checkup.Ran(127, "not found"));
        }

        @Override
        public int javaFeatureVersion() {
            return java;
        }

        @Override
        public String javaVersion() {
            return java + ".0.15";
        }

        @Override
        public String inProcessEncoder() {
            if (!libraries) {
                throw new dev.tsuzuku.model.TsuzukuException("cannot load the bundled ffmpeg libraries into this process (no jniavcodec)");
            }
            return "libx264 in this process";
        }
    }

    record Result(int exitCode, String out) {}

    static Result doctor(FakeTools tools, String... args) {
        CommandLine cl = Main.commandLine();
        CommandLine doctor = new CommandLine(new DoctorCommand(tools));
        StringWriter out = new StringWriter();
        doctor.setOut(new PrintWriter(out));
        doctor.setErr(new PrintWriter(out));
        doctor.setExecutionExceptionHandler(cl.getExecutionExceptionHandler());
        int code = doctor.execute(args);
        return new Result(code, out.toString());
    }

    @Test
    void a_complete_machine_passes_with_one_ok_line_per_check() {
        Result r = doctor(new FakeTools());

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("""
                ok       java       17.0.15 (needs 17 or newer)
                ok       ffmpeg     7.1.1 at /cache/ffmpeg
                ok       ffprobe    7.1.1 at /cache/ffprobe
                ok       libx264    H.264 encoder available
                ok       in-process libx264 in this process
                ok       espeak-ng  1.51 at /usr/bin/espeak-ng
                all essential checks passed
                """);
    }

    @Test
    void libraries_that_do_not_load_into_the_jvm_warn_that_encodes_go_to_ffmpeg_processes() {
        FakeTools tools = new FakeTools();
        tools.libraries = false;

        Result r = doctor(tools);

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("warning  in-process cannot load the bundled ffmpeg libraries into this process (no jniavcodec);"
                + " drawn shots are encoded by ffmpeg processes instead (slower)\n"
                + "                    fix: rebuild with ./mvnw package").endsWith("all essential checks passed\n");
    }

    @Test
    void missing_espeak_ng_fails_and_says_how_to_install_it() {
        FakeTools tools = new FakeTools();
        tools.espeak = false;

        Result r = doctor(tools);

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("""
                missing  espeak-ng  not on PATH (the offline voices need it)
                                    fix: bash scripts/setup.sh (or: apt-get install espeak-ng)
                """).endsWith("1 essential check failed\n");
    }

    @Test
    void an_ffmpeg_without_libx264_fails_the_encoder_check() {
        FakeTools tools = new FakeTools();
        tools.outputs.put("/cache/ffmpeg -hide_banner -encoders", new Checkup.Ran(0, "Encoders:\n V....D libopenh264  OpenH264\n"));

        Result r = doctor(tools);

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("missing  libx264    ffmpeg has no libx264 encoder\n"
                + "                    fix: use the GPL build of the org.bytedeco ffmpeg jar (classifier linux-x86_64-gpl)");
    }

    @Test
    void unloadable_ffmpeg_jars_fail_ffmpeg_ffprobe_and_the_encoder() {
        FakeTools tools = new FakeTools();
        tools.ffmpegJars = false;

        Result r = doctor(tools);

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("missing  ffmpeg     cannot load the bundled ffmpeg: no jniavutil in java.library.path")
                .contains("missing  ffprobe    cannot load the bundled ffprobe")
                .contains("missing  libx264    not checked: no ffmpeg")
                .endsWith("3 essential checks failed\n");
    }

    @Test
    void an_old_java_fails() {
        FakeTools tools = new FakeTools();
        tools.java = 11;

        assertThat(doctor(tools).out()).startsWith("missing  java       11.0.15 (needs 17 or newer)\n"
                + "                    fix: install a Java 17+ runtime");
    }

    @Test
    void a_workspace_without_a_state_database_says_how_to_create_one() {
        Result r = doctor(new FakeTools(), dir.toString());

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("missing  state db   no .tsuzuku/state.mv.db in " + dir.toAbsolutePath().normalize() + "\n"
                + "                    fix: create the workspace with: tsuzuku new " + dir + " --from SOURCE.txt");
    }

    @Test
    void a_workspace_with_its_state_database_reports_what_it_holds() {
        Database.open(new Workspace(dir)).close();

        Result r = doctor(new FakeTools(), dir.toString());

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("ok       state db   .tsuzuku/state.mv.db (schema v9, no season planned yet, 0 stage runs)\n");
    }

    @Test
    void the_state_database_reports_the_series_and_how_far_its_episodes_got() throws Exception {
        Workspace ws = new Workspace(dir);
        java.nio.file.Files.writeString(ws.bible(), dev.tsuzuku.workspace.BibleFile.render(dev.tsuzuku.workspace.BibleFile.draft(
                "tales", "Tales", "en", List.of(new dev.tsuzuku.model.Character("Taro", List.of(),
                        dev.tsuzuku.model.Character.Role.LEAD, null, null)))));
        dev.tsuzuku.model.EpisodePlan plan = new dev.tsuzuku.model.EpisodePlan(1, "The Turtle", "s", 150,
                new dev.tsuzuku.model.SourceSpan(0, 10), List.of("b"), "c",
                new dev.tsuzuku.model.Hook("What?", dev.tsuzuku.model.HookKind.QUESTION), "",
                new dev.tsuzuku.model.CutScore(0.8, 0.1, 0.7, List.of()));
        dev.tsuzuku.workspace.Json.writeFile(ws.seasonJson(), new dev.tsuzuku.model.Season("tales",
                List.of(plan, new dev.tsuzuku.model.EpisodePlan(2, "The Palace", plan.synopsis(), 150, plan.source(), plan.beats(),
                        plan.coldOpen(), plan.hook(), "", plan.cut()))));
        java.time.Clock clock = java.time.Clock.systemUTC();
        try (Database db = Database.open(ws)) {
            var ledger = new dev.tsuzuku.store.DatabaseStageLedger(db, clock, new dev.tsuzuku.store.EpisodeTracker(db, ws, clock));
            ledger.recordSuccess(new dev.tsuzuku.pipeline.StageRun("plan", "season", "h", Map.of(), clock.instant()));
            ledger.recordSuccess(new dev.tsuzuku.pipeline.StageRun("write", "episode/002", "h", Map.of(), clock.instant()));
        }

        Result r = doctor(new FakeTools(), dir.toString());

        assertThat(r.exitCode()).as(r.out()).isZero();
        assertThat(r.out()).contains("ok       state db   .tsuzuku/state.mv.db (schema v9, series 'tales', 2 episodes"
                + " (2 planned, 1 written, 0 boarded, 0 produced, 0 approved, 0 released), 2 stage runs)\n");
    }

    @Test
    void an_unreachable_database_given_with_db_is_named_without_its_password() {
        // port 1 on this machine: nothing listens there
        Result r = doctor(new FakeTools(), dir.toString(), "--db", "postgresql://studio:s3cret@127.0.0.1:1/tales");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("missing  state db   cannot open the state database jdbc:postgresql://127.0.0.1:1/tales: ")
                .contains("fix: check the URL given with --db or TSUZUKU_DB, that the server runs and that its user may connect")
                .doesNotContain("s3cret");
        assertThat(dir.resolve(".tsuzuku")).as("the workspace's own database is not made").doesNotExist();
    }

    @Test
    void a_damaged_state_database_is_reported_without_advice_to_move_it_aside() throws Exception {
        java.nio.file.Files.createDirectories(dir.resolve(".tsuzuku"));
        java.nio.file.Files.write(dir.resolve(".tsuzuku/state.mv.db"), new java.util.Random(7).ints(8192, 0, 256)
                .collect(java.io.ByteArrayOutputStream::new, (b, i) -> b.write(i), (a, b) -> {}).toByteArray());

        Result r = doctor(new FakeTools(), dir.toString());

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("missing  state db   cannot open the state database")
                .contains("fix: keep .tsuzuku/state.mv.db (it remembers finished work and your edits): copy it somewhere safe,"
                        + " then recover it with H2's tool: java -cp target/lib/h2-*.jar org.h2.tools.Recover -dir ")
                .doesNotContain("aside");
    }
}
