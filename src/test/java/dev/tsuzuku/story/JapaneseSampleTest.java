package dev.tsuzuku.story;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tsuzuku.board.Storyboarder;
import dev.tsuzuku.board.VoiceCoverage;
import dev.tsuzuku.ingest.BibleDrafter;
import dev.tsuzuku.ingest.Ingest;
import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.EpisodePlan;
import dev.tsuzuku.model.Line;
import dev.tsuzuku.model.LineKind;
import dev.tsuzuku.model.Script;
import dev.tsuzuku.model.Season;
import dev.tsuzuku.model.Source;
import dev.tsuzuku.model.Storyboard;
import dev.tsuzuku.plan.SeasonPlanner;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The bundled Japanese sample (Aozora notation, 「」 dialogue) through plan, write and board. */
class JapaneseSampleTest {
    private static Source book;
    private static Bible bible;
    private static Season season;

    @BeforeAll
    static void plan() {
        book = Ingest.read(Path.of("samples/suzu-no-oto.txt"));
        bible = BibleDrafter.draft(book, null);
        season = new SeasonPlanner().plan(book, bible, OptionalInt.empty());
    }

    private static List<Line> lines(EpisodePlan e) {
        Script s = new OfflineWriter().write(new WriteRequest(bible, book, season, e));
        return s.scenes().stream().flatMap(sc -> sc.lines().stream()).toList();
    }

    @Test
    void screen_time_is_counted_in_characters_so_episodes_stay_in_the_formats_range() {
        for (EpisodePlan e : season.episodes()) {
            Storyboard sb = new Storyboarder().board(new OfflineWriter().write(new WriteRequest(bible, book, season, e)),
                    bible, e, null);
            double seconds = sb.totalFrames() / (double) sb.fps();
            assertThat(seconds).as("episode %d", e.number()).isBetween(60.0, 300.0);
            assertThat(VoiceCoverage.of(sb).share()).as("voice share of %d", e.number()).isGreaterThanOrEqualTo(0.85);
        }
        // a line of 20 characters is about three seconds, not the 0.8 s of "one word"
        assertThat(ScreenTime.line(LineKind.DIALOGUE, "それは山の神様の鈴じゃ。むやみに鳴らしてはならぬ。")).isBetween(3.0, 5.0);
    }

    @Test
    void quoted_speech_is_spoken_by_the_characters_the_tags_name() {
        List<Line> all = season.episodes().stream().flatMap(e -> lines(e).stream()).toList();

        assertThat(all).filteredOn(l -> l.kind() == LineKind.DIALOGUE).extracting(Line::speaker)
                .contains("太郎", "花子", "和尚", "権三");
        assertThat(all).filteredOn(l -> l.text().startsWith("それは山の神様の鈴じゃ")).extracting(Line::speaker)
                .containsOnly("和尚");
        assertThat(all).filteredOn(l -> l.text().startsWith("私も一緒に参ります")).extracting(Line::speaker)
                .containsOnly("花子");
        // a line that calls 和尚 by name is said to him, not by him
        assertThat(all).filteredOn(l -> l.text().startsWith("和尚様、こんな鈴")).extracting(Line::speaker)
                .doesNotContain("和尚");
        // no quote brackets, speech tags or spaces between Japanese sentences in a line
        assertThat(all).extracting(Line::text).noneMatch(t -> t.contains("「") || t.contains("」") || t.startsWith("と")
                || t.contains("。 "));
    }
}
