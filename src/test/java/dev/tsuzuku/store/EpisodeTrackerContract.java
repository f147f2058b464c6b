package dev.tsuzuku.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tsuzuku.model.BadInputException;
import dev.tsuzuku.model.Character;
import dev.tsuzuku.model.CutScore;
import dev.tsuzuku.model.EpisodePlan;
import dev.tsuzuku.model.Hook;
import dev.tsuzuku.model.HookKind;
import dev.tsuzuku.model.Season;
import dev.tsuzuku.model.SourceSpan;
import dev.tsuzuku.pipeline.InputHash;
import dev.tsuzuku.pipeline.StageRun;
import dev.tsuzuku.store.SeriesRepository.StoredArtifact;
import dev.tsuzuku.store.SeriesRepository.StoredEpisode;
import dev.tsuzuku.workspace.BibleFile;
import dev.tsuzuku.workspace.Json;
import dev.tsuzuku.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the database remembers of a workspace as its stages run: the series, each episode's status
 * and the files written. Run on H2 ({@link EpisodeTrackerTest}) and PostgreSQL ({@link PostgresEpisodeTrackerTest}).
 */
abstract class EpisodeTrackerContract {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T01:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    Workspace ws;
    DatabaseStageLedger ledger;
    EpisodeTracker tracker;
    SeriesRepository repo;

    /** The database under test, opened once per class. */
    protected abstract Database database();

    @BeforeEach
    void aWorkspaceWithAThreeEpisodeSeason() throws Exception {
        TestDatabases.empty(database());
        ws = new Workspace(dir);
        Files.writeString(ws.bible(), BibleFile.render(BibleFile.draft("tales", "Japanese Fairy Tales", "en",
                List.of(new Character("Taro", List.of(), Character.Role.LEAD, null, null)))));
        season("tales", "The Turtle", "The Sea Palace", "The Box");
        tracker = new EpisodeTracker(database(), ws, CLOCK);
        ledger = new DatabaseStageLedger(database(), CLOCK, tracker);
        repo = tracker.repository();
    }

    void season(String id, String... titles) throws Exception {
        List<EpisodePlan> plans = IntStream.range(0, titles.length).mapToObj(i -> new EpisodePlan(i + 1, titles[i], "synopsis",
                150, new SourceSpan(i * 100, i * 100 + 100), List.of("beat"), "cold open",
                new Hook("What waits?", HookKind.QUESTION), "", new CutScore(0.8, 0.1, 0.7, List.of()))).toList();
        Json.writeFile(ws.seasonJson(), new Season(id, plans));
        Files.writeString(ws.seasonMarkdown(), "# plan\n");
    }

    /** Writes the files (content = their name + tag) and records a successful run of the stage with their hashes. */
    void ran(String stage, String subject, String tag, String... files) throws Exception {
        Map<String, String> outputs = new LinkedHashMap<>();
        for (String f : files) {
            Path p = ws.root().resolve(f);
            if (!f.equals("season.json") && !f.equals("season.md")) {
                Files.createDirectories(p.getParent());
                Files.writeString(p, f + tag);
            }
            outputs.put(f, InputHash.file(p));
        }
        ledger.recordSuccess(new StageRun(stage, subject, "h-" + tag, outputs, CLOCK.instant()));
    }

    void planned() throws Exception {
        ran("plan", "season", "1", "season.json", "season.md");
    }

    void produced(int n, String tag) throws Exception {
        String d = "episodes/" + EpisodePlan.folder(n) + "/";
        ran("produce", "episode/" + EpisodePlan.folder(n), tag, d + "episode.mp4", d + "episode.srt", d + "manifest.json");
    }

    List<String> statuses() {
        return repo.episodes("tales").stream().map(e -> e.number() + " " + e.status().wireName()).toList();
    }

    @Test
    void plan_records_the_series_and_every_episode_as_planned_with_the_season_files() throws Exception {
        planned();

        assertThat(repo.series("tales")).hasValueSatisfying(s -> {
            assertThat(s.title()).isEqualTo("Japanese Fairy Tales");
            assertThat(s.language()).isEqualTo("en");
        });
        assertThat(repo.episodes("tales")).containsExactly(
                new StoredEpisode("tales", 1, "The Turtle", EpisodeStatus.PLANNED, CLOCK.instant()),
                new StoredEpisode("tales", 2, "The Sea Palace", EpisodeStatus.PLANNED, CLOCK.instant()),
                new StoredEpisode("tales", 3, "The Box", EpisodeStatus.PLANNED, CLOCK.instant()));
        assertThat(repo.artifacts("tales")).containsExactly(
                new StoredArtifact("tales", "season.json", 0, "season", InputHash.file(ws.seasonJson()),
                        Files.size(ws.seasonJson()), "plan", CLOCK.instant()),
                new StoredArtifact("tales", "season.md", 0, "season-notes", InputHash.file(ws.seasonMarkdown()), 7, "plan",
                        CLOCK.instant()));
    }

    @Test
    void write_board_and_produce_move_an_episode_forward_and_record_its_files() throws Exception {
        planned();
        ran("write", "episode/001", "w", "episodes/001/script.json", "episodes/001/script.fountain");
        ran("write", "episode/002", "w", "episodes/002/script.json", "episodes/002/script.fountain");
        ran("board", "episode/001", "b", "episodes/001/storyboard.json");
        produced(1, "p");

        assertThat(statuses()).containsExactly("1 produced", "2 written", "3 planned");
        assertThat(repo.artifacts("tales")).filteredOn(a -> a.episode() == 1)
                .extracting(a -> a.path() + " " + a.kind() + " " + a.bytes() + " " + a.stage())
                .containsExactly(
                        "episodes/001/episode.mp4 video 25 produce",
                        "episodes/001/episode.srt subtitles 25 produce",
                        "episodes/001/manifest.json manifest 27 produce",
                        "episodes/001/script.fountain screenplay 29 write",
                        "episodes/001/script.json script 25 write",
                        "episodes/001/storyboard.json storyboard 29 board");
        assertThat(repo.artifacts("tales")).filteredOn(a -> a.path().equals("episodes/001/episode.mp4")).singleElement()
                .satisfies(a -> assertThat(a.hash()).isEqualTo(InputHash.file(dir.resolve("episodes/001/episode.mp4"))));
        assertThat(repo.totals("tales").render()).isEqualTo("3 planned, 2 written, 1 boarded, 1 produced, 0 approved, 0 released");
    }

    @Test
    void a_stage_that_runs_again_never_moves_an_episode_back() throws Exception {
        planned();
        ran("write", "episode/001", "w", "episodes/001/script.json");
        produced(1, "p");
        ran("write", "episode/001", "w2", "episodes/001/script.json");
        planned();

        assertThat(statuses()).containsExactly("1 produced", "2 planned", "3 planned");
        assertThat(repo.artifacts("tales")).filteredOn(a -> a.path().equals("episodes/001/script.json")).singleElement()
                .satisfies(a -> assertThat(a.hash()).as("the file as last written").isEqualTo(
                        InputHash.file(dir.resolve("episodes/001/script.json"))));
    }

    @Test
    void runs_of_other_stages_or_subjects_change_no_status() throws Exception {
        planned();
        ran("voices", "episode/001", "v", "episodes/001/line.wav");
        ran("write", "shot/001/07", "w", "episodes/001/x.json");
        ran("write", "episode/009", "w", "episodes/009/script.json");
        ledger.recordFailure("write", "episode/002", "h", "writer timed out");

        assertThat(statuses()).containsExactly("1 planned", "2 planned", "3 planned");
        assertThat(tracker.status().failures()).singleElement()
                .satisfies(f -> assertThat(f.subject() + " " + f.stage() + ": " + f.error()).isEqualTo("episode/002 write: writer timed out"));
    }

    @Test
    void a_new_plan_adds_and_renames_episodes_keeps_their_status_and_drops_the_cut_ones() throws Exception {
        planned();
        ran("write", "episode/001", "w", "episodes/001/script.json");
        ran("write", "episode/003", "w", "episodes/003/script.json");
        season("tales", "The Turtle's Back", "The Sea Palace");
        ran("plan", "season", "2", "season.json", "season.md");

        assertThat(repo.episodes("tales")).extracting(e -> e.number() + " " + e.title() + " " + e.status().wireName())
                .containsExactly("1 The Turtle's Back written", "2 The Sea Palace planned");
        assertThat(repo.artifacts("tales")).noneMatch(a -> a.episode() == 3);

        season("tales", "The Turtle's Back", "The Sea Palace", "The Box", "The Return");
        ran("plan", "season", "3", "season.json", "season.md");
        assertThat(statuses()).containsExactly("1 written", "2 planned", "3 planned", "4 planned");
    }

    @Test
    void approve_and_release_follow_the_allowed_transitions() throws Exception {
        planned();
        ran("write", "episode/002", "w", "episodes/002/script.json");
        produced(1, "p");

        assertThatThrownBy(() -> repo.transition("tales", 2, EpisodeStatus.APPROVED))
                .isInstanceOf(BadInputException.class)
                .hasMessage("--episode: episode 2 is written and cannot become approved (allowed from written: nothing)\n"
                        + "    fix: produce it first: tsuzuku produce DIR --episode 2");
        assertThatThrownBy(() -> repo.transition("tales", 1, EpisodeStatus.RELEASED))
                .hasMessageStartingWith("--episode: episode 1 is produced and cannot become released (allowed from produced: approved)");
        assertThatThrownBy(() -> repo.transition("tales", 9, EpisodeStatus.APPROVED))
                .hasMessageStartingWith("--episode: series 'tales' has no episode 9 in the state database");

        assertThat(repo.transition("tales", 1, EpisodeStatus.APPROVED)).isEqualTo(EpisodeStatus.APPROVED);
        assertThat(repo.transition("tales", 1, EpisodeStatus.PRODUCED)).as("approval withdrawn").isEqualTo(EpisodeStatus.PRODUCED);
        repo.transition("tales", 1, EpisodeStatus.APPROVED);
        assertThat(repo.transition("tales", 1, EpisodeStatus.RELEASED)).isEqualTo(EpisodeStatus.RELEASED);
        assertThatThrownBy(() -> repo.transition("tales", 1, EpisodeStatus.PRODUCED))
                .hasMessageContaining("episode 1 is released and cannot become produced (allowed from released: nothing)");

        ran("write", "episode/001", "w", "episodes/001/script.json");
        produced(1, "p2");
        assertThat(statuses()).as("no stage undoes a release").containsExactly("1 released", "2 written", "3 planned");
    }

    @Test
    void producing_an_approved_episode_again_with_a_new_cut_asks_for_approval_again() throws Exception {
        planned();
        produced(1, "p");
        produced(2, "p");
        repo.transition("tales", 1, EpisodeStatus.APPROVED);
        repo.transition("tales", 2, EpisodeStatus.APPROVED);

        produced(1, "p");
        produced(2, "another cut");

        assertThat(statuses()).containsExactly("1 approved", "2 produced", "3 planned");
    }

    @Test
    void a_workspace_whose_stages_ran_before_the_database_kept_episodes_is_caught_up_from_the_ledger() throws Exception {
        DatabaseStageLedger plain = new DatabaseStageLedger(database(), CLOCK);
        plain.recordSuccess(new StageRun("plan", "season", "h", Map.of("season.json", InputHash.file(ws.seasonJson())), CLOCK.instant()));
        Files.createDirectories(dir.resolve("episodes/002"));
        Files.writeString(dir.resolve("episodes/002/script.json"), "{}");
        plain.recordSuccess(new StageRun("write", "episode/002", "h", Map.of("episodes/002/script.json", "x"), CLOCK.instant()));
        plain.recordSuccess(new StageRun("board", "episode/002", "h", Map.of(), CLOCK.instant()));
        assertThat(repo.episodes("tales")).isEmpty();

        EpisodeTracker.Status status = tracker.status();

        assertThat(status.series()).hasValueSatisfying(s -> assertThat(s.title()).isEqualTo("Japanese Fairy Tales"));
        assertThat(status.episodes()).extracting(e -> e.number() + " " + e.status().wireName())
                .containsExactly("1 planned", "2 boarded", "3 planned");
        assertThat(status.totals().render()).isEqualTo("3 planned, 1 written, 1 boarded, 0 produced, 0 approved, 0 released");
    }

    @Test
    void an_episode_stage_before_any_recorded_plan_records_the_plan_from_season_json() throws Exception {
        ran("write", "episode/003", "w", "episodes/003/script.json");

        assertThat(statuses()).containsExactly("1 planned", "2 planned", "3 written");
    }

    @Test
    void a_workspace_without_a_season_has_no_status_yet() throws Exception {
        Files.delete(ws.seasonJson());
        ran("write", "episode/001", "w", "episodes/001/script.json");

        EpisodeTracker.Status status = tracker.status();
        assertThat(status.series()).isEmpty();
        assertThat(status.episodes()).isEmpty();
        assertThat(repo.seriesIds()).isEmpty();
    }

    @Test
    void the_status_names_match_the_database_constraint() {
        assertThat(Arrays.stream(EpisodeStatus.values()).map(EpisodeStatus::wireName))
                .containsExactly("planned", "written", "boarded", "produced", "approved", "released");
        assertThatThrownBy(() -> database().transaction(c -> {
            repo.saveSeries(c, "tales", "T", "en");
            return c.createStatement().executeUpdate("INSERT INTO episodes (series_id, number, title, status, updated_at)"
                    + " VALUES ('tales', 1, 'x', 'failed', CURRENT_TIMESTAMP)");
        })).hasMessageContaining("episodes_status_known");
    }
}
