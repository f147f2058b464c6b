package dev.tsuzuku.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tsuzuku.model.BadInputException;
import dev.tsuzuku.model.TsuzukuException;
import dev.tsuzuku.workspace.AtomicFiles;
import dev.tsuzuku.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StageRunnerTest {
    @TempDir
    Path dir;

    private final MemoryStageLedger ledger = new MemoryStageLedger();
    private final AtomicInteger runs = new AtomicInteger();

    private StageRunner runner() {
        return new StageRunner(new Workspace(dir), ledger, Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
    }

    private StageRunner.Work writes(String file, String content) {
        return () -> {
            runs.incrementAndGet();
            Path p = dir.resolve(file);
            AtomicFiles.write(p, content);
            return List.of(p);
        };
    }

    @Test
    void unchanged_inputs_are_up_to_date_and_do_no_work() {
        assertThat(runner().run("plan", "season", "h1", false, writes("season.json", "a"))).isEqualTo(StageRunner.Outcome.RAN);
        assertThat(runner().run("plan", "season", "h1", false, writes("season.json", "a"))).isEqualTo(StageRunner.Outcome.UP_TO_DATE);
        assertThat(runs).hasValue(1);
    }

    @Test
    void changed_inputs_run_again() {
        runner().run("plan", "season", "h1", false, writes("season.json", "a"));
        assertThat(runner().run("plan", "season", "h2", false, writes("season.json", "b"))).isEqualTo(StageRunner.Outcome.RAN);
        assertThat(ledger.lastSuccess("plan", "season").orElseThrow().inputHash()).isEqualTo("h2");
    }

    @Test
    void a_deleted_output_is_made_again() throws Exception {
        runner().run("plan", "season", "h1", false, writes("season.json", "a"));
        Files.delete(dir.resolve("season.json"));
        assertThat(runner().run("plan", "season", "h1", false, writes("season.json", "a"))).isEqualTo(StageRunner.Outcome.RAN);
    }

    @Test
    void a_user_edit_is_never_overwritten_without_force() throws Exception {
        runner().run("write", "episode/001", "h1", false, writes("episodes/001/script.json", "machine"));
        Files.writeString(dir.resolve("episodes/001/script.json"), "edited by the showrunner");

        assertThatThrownBy(() -> runner().run("write", "episode/001", "h2", false, writes("episodes/001/script.json", "new")))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("episodes/001/script.json")
                .hasMessageContaining("was edited after tsuzuku wrote it")
                .hasMessageContaining("--force");
        assertThat(Files.readString(dir.resolve("episodes/001/script.json"))).isEqualTo("edited by the showrunner");

        runner().run("write", "episode/001", "h2", true, writes("episodes/001/script.json", "new"));
        assertThat(Files.readString(dir.resolve("episodes/001/script.json"))).isEqualTo("new");
    }

    @Test
    void a_failing_stage_is_recorded_and_not_marked_done() {
        assertThatThrownBy(() -> runner().run("plan", "season", "h1", false, () -> {
                    throw new IllegalStateException("boom");
                }))
                .isInstanceOf(TsuzukuException.class)
                .hasMessageContaining("plan failed for season");
        assertThat(ledger.lastSuccess("plan", "season")).isEmpty();
    }
}
