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

    private Job job(String file, String hash, String content) {
        StageRunner.Work w = writes(file, content);
        return new Job("board", "episode/001", hash, progress -> w.run());
    }

    @Test
    void a_later_stage_uses_an_edited_output_as_it_is_and_says_how_to_remake_it() throws Exception {
        List<String> notes = new java.util.ArrayList<>();
        StageRunner runner = new StageRunner(new Workspace(dir), ledger, Clock.systemUTC(), new Progress() {
            public Task start(String label, long total) {
                return Progress.silent().start(label, total);
            }

            public void note(String message) {
                notes.add(message);
            }
        });
        runner.run(job("episodes/001/storyboard.json", "h1", "machine"), false);
        Files.writeString(dir.resolve("episodes/001/storyboard.json"), "edited by the director");

        assertThat(runner.use(job("episodes/001/storyboard.json", "h2", "new"), "tsuzuku board DIR --force"))
                .isEqualTo(StageRunner.Outcome.KEPT_EDIT);

        assertThat(dir.resolve("episodes/001/storyboard.json")).hasContent("edited by the director");
        assertThat(runs).hasValue(1);
        assertThat(notes).containsExactly("episodes/001/storyboard.json was edited by hand; using it as it is"
                + " (its inputs changed since). To make it again: tsuzuku board DIR --force");
        assertThatThrownBy(() -> runner.run(job("episodes/001/storyboard.json", "h2", "new"), false))
                .as("the verb that owns the file still refuses").isInstanceOf(BadInputException.class);
    }

    @Test
    void a_later_stage_has_missing_or_stale_outputs_made() {
        assertThat(runner().use(job("episodes/001/storyboard.json", "h1", "a"), "")).isEqualTo(StageRunner.Outcome.RAN);
        assertThat(runner().use(job("episodes/001/storyboard.json", "h1", "a"), "")).isEqualTo(StageRunner.Outcome.UP_TO_DATE);
        assertThat(runner().use(job("episodes/001/storyboard.json", "h2", "b"), "")).isEqualTo(StageRunner.Outcome.RAN);
        assertThat(runs).hasValue(2);
    }

    @Test
    void the_runner_reports_progress_for_a_list_of_jobs() {
        List<String> seen = new java.util.ArrayList<>();
        StageRunner runner = new StageRunner(new Workspace(dir), ledger, Clock.systemUTC(), new Progress() {
            public Task start(String label, long total) {
                seen.add(label + " of " + total);
                return new Task() {
                    public void advance(long units) {
                        seen.add("+" + units);
                    }

                    public void close() {
                        seen.add("done");
                    }
                };
            }

            public void note(String message) {}
        });
        runner.run(job("a.txt", "h1", "a"), false);

        List<StageRunner.Outcome> outcomes = runner.runEach("write", List.of(job("a.txt", "h1", "a"),
                new Job("write", "episode/002", "h1", p -> writes("b.txt", "b").run())), false);

        assertThat(outcomes).containsExactly(StageRunner.Outcome.UP_TO_DATE, StageRunner.Outcome.RAN);
        assertThat(seen).containsExactly("write of 2", "+1", "+1", "done");
    }
}
