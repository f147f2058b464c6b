package dev.tsuzuku.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tsuzuku.model.CutScore;
import dev.tsuzuku.model.EpisodePlan;
import dev.tsuzuku.model.Hook;
import dev.tsuzuku.model.HookKind;
import dev.tsuzuku.model.Line;
import dev.tsuzuku.model.LineKind;
import dev.tsuzuku.model.Script;
import dev.tsuzuku.model.ScriptScene;
import dev.tsuzuku.model.Season;
import dev.tsuzuku.model.SourceSpan;
import dev.tsuzuku.model.Storyboard;
import dev.tsuzuku.workspace.Json;
import dev.tsuzuku.workspace.Workspace;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BoardCommandTest {
    private static final String SERIES_YAML = """
            id: urashima
            title: Urashima Taro
            language: en
            cast:
              - name: Taro
                aliases: [Urashima]
                role: lead
                look: {hair: black, eyes: brown, outfit: blue, silhouette: lean young fisherman}
              - name: Turtle
                role: supporting
                look: {eyes: gold, outfit: green, silhouette: small sea turtle}
            places:
              - name: Beach
                kind: exterior
                description: a quiet fishing beach
            episodeSeconds: 60
            schedule: {time: "18:00", zone: Asia/Tokyo}
            """;

    @TempDir
    Path dir;
    private Workspace ws;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void aWorkspaceWithThreePlannedAndTwoWrittenEpisodes() throws Exception {
        ws = new Workspace(dir);
        Files.writeString(ws.bible(), SERIES_YAML);
        Files.createDirectories(ws.sourceDir());
        Path book = Files.writeString(ws.sourceDir().resolve("urashima.txt"), "Long, long ago...");
        // the workspace was made on Friday 2026-11-20 at 10:00 in Tokyo: the first drop is that evening
        Files.setLastModifiedTime(book, FileTime.from(
                LocalDateTime.of(2026, 11, 20, 10, 0).atZone(ZoneId.of("Asia/Tokyo")).toInstant()));
        List<EpisodePlan> plans = new ArrayList<>();
        for (int n = 1; n <= 3; n++) {
            plans.add(new EpisodePlan(n, "Part " + n, "", 60, new SourceSpan(0, 1), List.of(), "The sea was calling.",
                    new Hook("Who calls?", HookKind.QUESTION), "", new CutScore(0, 0, 0, List.of())));
        }
        Json.writeFile(ws.seasonJson(), new Season("urashima", plans));
        for (int n = 1; n <= 2; n++) {
            Json.writeFile(ws.episodeDir(n).resolve("script.json"), new Script(n, "Part " + n, 12, List.of(
                    new ScriptScene("Beach", "dusk", List.of(
                            new Line(LineKind.NARRATION, null, "The sea was calling as Urashima walked along the beach.", 4),
                            new Line(LineKind.DIALOGUE, "Taro", "Is someone there?", 1.5),
                            new Line(LineKind.DIALOGUE, "Turtle", "Urashima, Urashima!", 1.5),
                            new Line(LineKind.DIALOGUE, "Taro", "Who calls?", 1)))),
                    new Hook("Who calls?", HookKind.QUESTION)));
        }
    }

    private int board(String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of("board"));
        all.addAll(List.of(args));
        return cl.execute(all.toArray(String[]::new));
    }

    @Test
    void boards_every_written_episode_with_the_next_drop_on_the_end_card() {
        assertThat(board(dir.toString())).as(err.toString()).isEqualTo(Main.OK);

        assertThat(out.toString()).contains("episode 001: wrote episodes/001/storyboard.json")
                .contains("episode 002: wrote episodes/002/storyboard.json").doesNotContain("episode 003");
        Storyboard first = Json.readFile(ws.episodeDir(1).resolve("storyboard.json"), Storyboard.class, "");
        Storyboard second = Json.readFile(ws.episodeDir(2).resolve("storyboard.json"), Storyboard.class, "");
        assertThat(first.endCard()).isEqualTo("つづく — To be continued\nNext episode: Sat 18:00 JST");
        assertThat(second.endCard()).isEqualTo("つづく — To be continued\nNext episode: Sun 18:00 JST");
        assertThat(first.totalFrames()).isBetween(48 * 30, 72 * 30);
    }

    @Test
    void a_second_run_with_nothing_changed_does_nothing() {
        board(dir.toString());
        out.getBuffer().setLength(0);
        assertThat(board(dir.toString(), "--episode", "2")).isEqualTo(Main.OK);
        assertThat(out.toString()).contains("episode 002: episodes/002/storyboard.json is up to date");
        assertThat(board(dir.toString(), "--episode", "2", "--force")).isEqualTo(Main.OK);
        assertThat(out.toString()).contains("episode 002: wrote");
    }

    @Test
    void an_episode_without_a_script_is_bad_input_that_says_to_write_it() {
        assertThat(board(dir.toString(), "--episode", "3")).isEqualTo(Main.BAD_INPUT);
        assertThat(err.toString()).contains("episodes/003/script.json").contains("file not found")
                .contains("tsuzuku write");
    }

    @Test
    void an_episode_the_season_does_not_have_is_bad_input() {
        assertThat(board(dir.toString(), "--episode", "9")).isEqualTo(Main.BAD_INPUT);
        assertThat(err.toString()).contains("season.json: has no episode 9").contains("(it plans 1–3)").contains("pick an episode from season.md");
        assertThat(board(dir.toString(), "--episode", "first")).isEqualTo(Main.BAD_INPUT);
        assertThat(err.toString()).contains("'first' is neither an episode number nor 'all'");
    }

    @Test
    void a_folder_that_does_not_exist_is_bad_input() {
        assertThat(board(dir.resolve("nope").toString())).isEqualTo(Main.BAD_INPUT);
        assertThat(err.toString()).contains("is not a series workspace folder").contains("tsuzuku new");
    }

    @Test
    void a_bad_bible_is_reported_with_its_line() throws Exception {
        Files.writeString(ws.bible(), SERIES_YAML.replace("episodeSeconds: 60", "episodeSeconds: sixty"));
        assertThat(board(dir.toString())).isEqualTo(Main.BAD_INPUT);
        assertThat(err.toString()).contains("series.yaml:");
    }

    private int run(String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void check_prints_each_boarded_episodes_voice_share_and_fails_when_it_is_mostly_silent() {
        assertThat(run("check", dir.toString())).isEqualTo(Main.BAD_INPUT);
        assertThat(err.toString()).contains("no episode has a storyboard.json yet").contains("tsuzuku board");

        board(dir.toString());
        out.getBuffer().setLength(0);
        // 8 s of speech stretched to the series' minimum of 48 s: mostly music and pictures
        assertThat(run("check", dir.toString())).isEqualTo(Main.FAILURE);
        assertThat(out.toString()).containsPattern("episode 001: voice \\d+% of \\d+\\.\\d s, longest silence \\d+\\.\\d s at \\d:\\d\\d  \\(below target\\)")
                .contains("episode 002: voice").contains("0 of 2 episodes meet the target");
    }
}
