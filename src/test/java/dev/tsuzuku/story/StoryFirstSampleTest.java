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
import dev.tsuzuku.text.Prose;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Issue 9 on the bundled sample: episodes a viewer follows, told and not only drawn. */
class StoryFirstSampleTest {
    private static Source book;
    private static Bible bible;
    private static Season season;

    @BeforeAll
    static void plan() {
        book = Ingest.read(Path.of("samples/japanese-fairy-tales.txt"));
        bible = BibleDrafter.draft(book, null);
        season = new SeasonPlanner().plan(book, bible, OptionalInt.empty());
    }

    private static Script write(EpisodePlan e) {
        return new OfflineWriter().write(new WriteRequest(bible, book, season, e));
    }

    private static List<Line> lines(Script s) {
        return s.scenes().stream().flatMap(sc -> sc.lines().stream()).toList();
    }

    @Test
    void no_script_cuts_a_line_off_with_an_ellipsis() {
        String source = Prose.flat(book.text());
        for (EpisodePlan e : season.episodes()) {
            for (Line l : lines(write(e))) {
                String t = l.text();
                boolean trails = t.endsWith("...") || t.endsWith("\u2026") || t.endsWith("...?");
                // an ellipsis is allowed only where the book itself has one
                assertThat(!trails || source.contains(t.replaceAll("[.\u2026?]+$", "") + "..."))
                        .as("episode %d: %s", e.number(), t).isTrue();
            }
            assertThat(e.coldOpen()).as("cold open of %d", e.number()).doesNotEndWith("...");
            assertThat(e.hook().text()).as("hook of %d", e.number()).doesNotEndWith("...");
        }
    }

    @Test
    void voice_covers_at_least_85_percent_of_each_storyboarded_episode_with_no_long_silence() {
        Storyboarder boarder = new Storyboarder();
        for (int n : new int[] {1, 2, 3, 20, season.episodes().size()}) {
            EpisodePlan e = season.episodes().get(n - 1);
            Storyboard sb = boarder.board(write(e), bible, e, null);
            VoiceCoverage c = VoiceCoverage.of(sb);
            assertThat(c.share()).as("voice share of episode %d", n).isGreaterThanOrEqualTo(0.85);
            assertThat(c.longestSilentSeconds()).as("longest silence of episode %d", n).isLessThanOrEqualTo(4.0);
        }
    }

    @Test
    void episode_one_starts_with_story_and_the_dragon_king_speaks_as_himself() {
        EpisodePlan first = season.episodes().get(0);
        List<Line> lines = lines(write(first));

        assertThat(lines.get(0).text()).doesNotContainIgnoringCase("My Lord Bag of Rice.")
                .isNotEqualToIgnoringCase(first.title());
        // "Hidesato showed no fear. He tried to calm the Dragon King." "Don't be afraid…": the one who acts speaks
        assertThat(lines).filteredOn(l -> l.text().startsWith("Don't be afraid")).extracting(l -> l.speaker())
                .containsOnly("Hidesato");
        assertThat(lines).filteredOn(l -> l.text().startsWith("I am the Dragon King of the Lake"))
                .singleElement().satisfies(l -> {
                    assertThat(l.speaker()).isEqualTo("Dragon King (Hidesato)"); // this tale's Dragon King …
                    assertThat(dev.tsuzuku.model.Character.shown(l.speaker())).isEqualTo("Dragon King"); // … shown as such
                });
        assertThat(lines).filteredOn(l -> l.kind() == LineKind.DIALOGUE).extracting(Line::speaker)
                .doesNotContain("the man");
    }

    @Test
    void titles_are_unique_and_previously_says_what_happened_in_one_sentence() {
        Set<String> titles = new HashSet<>();
        for (EpisodePlan e : season.episodes()) {
            assertThat(titles.add(e.title())).as("title %s is used once", e.title()).isTrue();
            if (e.number() > 1) {
                assertThat(e.previously()).startsWith("Last time: ").doesNotContain("\"", "\u201c");
                assertThat(Prose.sentences(e.previously())).hasSize(1);
            }
        }
    }
}
