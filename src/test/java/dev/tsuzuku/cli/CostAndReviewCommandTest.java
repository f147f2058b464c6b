package dev.tsuzuku.cli;

import static dev.tsuzuku.cli.StatusCommandTest.tsuzuku;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tsuzuku.ingest.BibleDrafter;
import dev.tsuzuku.ingest.Ingest;
import dev.tsuzuku.workspace.BibleFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The money and review verbs: the season estimate under both routings, approval before any animatic, the ledger empty. */
class CostAndReviewCommandTest {
    private static final Path SAMPLE = Path.of("samples/japanese-fairy-tales.txt");

    @TempDir
    Path dir;

    @BeforeEach
    void a_planned_series_with_one_boarded_episode() throws Exception {
        Files.createDirectories(dir.resolve("source"));
        Files.copy(SAMPLE, dir.resolve("source/japanese-fairy-tales.txt"));
        Files.writeString(dir.resolve("series.yaml"), BibleFile.render(BibleDrafter.draft(Ingest.read(SAMPLE), null)));
        assertThat(tsuzuku("plan", dir.toString(), "--episodes", "3").exitCode()).isZero();
        assertThat(tsuzuku("write", dir.toString(), "--episode", "1").exitCode()).isZero();
        assertThat(tsuzuku("board", dir.toString(), "--episode", "1").exitCode()).isZero();
    }

    @Test
    void the_season_estimate_keeps_video_for_the_cold_open_and_hook_and_costs_less_than_all_video() {
        StatusCommandTest.Result d = tsuzuku("cost", dir.toString(), "--estimate");
        StatusCommandTest.Result all = tsuzuku("cost", dir.toString(), "--estimate", "--routing", "all-video");
        assertThat(d.exitCode()).as(d.out()).isZero();
        assertThat(all.exitCode()).as(all.out()).isZero();
        assertThat(d.out()).contains("routing default").contains("episode   1:").contains("2 video takes")
                .contains("per finished minute").contains("2 episodes not boarded yet");
        assertThat(money(d.out())).isPositive().isLessThan(money(all.out()));
        assertThat(tsuzuku("cost", dir.toString(), "--estimate", "--routing", "some").exitCode()).isEqualTo(Main.BAD_INPUT);
    }

    @Test
    void a_produced_episode_is_estimated_at_the_length_it_was_cut_to() throws Exception {
        Path board = dir.resolve("episodes/001/storyboard.json");
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        int shots = json.readTree(board.toFile()).get("shots").size();
        com.fasterxml.jackson.databind.node.ObjectNode manifest = json.createObjectNode().put("series", "series")
                .put("episode", 1).put("durationSeconds", 2.0 * shots);
        manifest.putObject("files").put("video", "episode.mp4");
        com.fasterxml.jackson.databind.node.ArrayNode refs = manifest.putArray("shots");
        for (int i = 1; i <= shots; i++) {
            refs.addObject().put("index", i).put("seconds", 2.0).put("provider", "animatic").put("takeId", "t" + i);
        }
        StatusCommandTest.Result boarded = tsuzuku("cost", dir.toString(), "--estimate");
        json.writeValue(dir.resolve("episodes/001/manifest.json").toFile(), manifest);

        StatusCommandTest.Result cut = tsuzuku("cost", dir.toString(), "--estimate");

        assertThat(boarded.out()).contains("as boarded");
        assertThat(cut.out()).as(cut.out()).contains(String.format(java.util.Locale.ROOT, "for %6.1f s as cut", 2.0 * shots));
        // every shot is now 2 s: a take boarded longer than the provider's shortest clip gets cheaper
        assertThat(money(cut.out())).isPositive().isLessThan(money(boarded.out()));
    }

    @Test
    void approving_needs_an_animatic_and_nothing_is_spent_yet() {
        StatusCommandTest.Result r = tsuzuku("approve", dir.toString(), "--episode", "1", "--by", "mika");
        assertThat(r.exitCode()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.out()).contains("no animatic to review yet").contains("tsuzuku produce");
        assertThat(tsuzuku("cost", dir.toString()).out()).contains("nothing spent yet");
        assertThat(tsuzuku("takes", dir.toString(), "--episode", "1").out()).contains("no takes");
        assertThat(tsuzuku("regenerate", dir.toString(), "--episode", "1", "--shot", "2").exitCode()).isEqualTo(Main.BAD_INPUT);
    }

    private static double money(String out) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("season: \\$(\\d+\\.\\d+)").matcher(out);
        assertThat(m.find()).as(out).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
