package dev.tsuzuku.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.EpisodePlan;
import dev.tsuzuku.model.Season;
import dev.tsuzuku.model.Source;
import dev.tsuzuku.story.ScreenTime;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class SeasonPlannerPropertiesTest {
    private static final String[] HOOKS = {"", "", "", " Suddenly the ogre roared?", " At last he saw that it was a demon.",
        " \"I will find you tomorrow,\" she swore.", " But just then the storm broke."};

    private static Source text(List<Integer> lengths) {
        List<String> paragraphs = new ArrayList<>();
        for (int i = 0; i < lengths.size(); i++) {
            String hook = HOOKS[i % HOOKS.length];
            paragraphs.add(TestSources.filler(Math.max(10, lengths.get(i) - hook.length()), i) + hook);
        }
        return TestSources.aSource().chapter("Tale", paragraphs).build();
    }

    private static void assertContiguousCover(Season season, Source source) {
        List<EpisodePlan> eps = season.episodes();
        assertThat(eps.get(0).source().startChar()).isZero();
        assertThat(eps.get(eps.size() - 1).source().endChar()).isEqualTo(source.text().length());
        for (int i = 0; i < eps.size(); i++) {
            assertThat(eps.get(i).number()).isEqualTo(i + 1);
            assertThat(eps.get(i).source().startChar()).isLessThan(eps.get(i).source().endChar());
            if (i > 0) {
                assertThat(eps.get(i).source().startChar()).isEqualTo(eps.get(i - 1).source().endChar());
            }
        }
    }

    @Property(tries = 60)
    void cuts_are_ordered_contiguous_and_cover_the_whole_text(
            @ForAll @Size(min = 1, max = 150) List<@IntRange(min = 20, max = 3000) Integer> lengths,
            @ForAll @IntRange(min = 60, max = 300) int episodeSeconds) {
        Source source = text(lengths);
        Bible bible = TestBibles.aBible().episodeSeconds(episodeSeconds).build();

        assertContiguousCover(new SeasonPlanner().plan(source, bible, OptionalInt.empty()), source);
    }

    @Property(tries = 60)
    void a_requested_count_is_respected(
            @ForAll @Size(min = 1, max = 150) List<@IntRange(min = 20, max = 3000) Integer> lengths,
            @ForAll @IntRange(min = 1, max = 150) int wanted) {
        int episodes = 1 + (wanted - 1) % lengths.size();
        Source source = text(lengths);
        Bible bible = TestBibles.aBible().build();

        Season season = new SeasonPlanner().plan(source, bible, OptionalInt.of(episodes));

        assertThat(season.episodes()).hasSize(episodes);
        assertContiguousCover(season, source);
    }

    /**
     * When no paragraph is longer than a fifth of an episode, a cut always exists within reach of
     * the target, so every episode must land inside the allowed range.
     */
    @Property(tries = 60)
    void every_episode_is_in_range_when_the_paragraphs_allow_it(
            @ForAll @Size(min = 30, max = 150) List<@IntRange(min = 100, max = 1200) Integer> lengths,
            @ForAll @IntRange(min = 90, max = 300) int episodeSeconds,
            @ForAll boolean fixedCount) {
        Source source = text(lengths);
        Bible bible = TestBibles.aBible().episodeSeconds(episodeSeconds).build();
        int natural = (int) Math.max(1, Math.round(source.text().length()
                / (ScreenTime.DEFAULT_CHARS_PER_SECOND * episodeSeconds)));
        int count = fixedCount ? Math.max(1, natural / 2 + 1) : 0;
        ScreenTime pace = ScreenTime.forText(source.text().length(), count, episodeSeconds);
        int longest = lengths.stream().mapToInt(Integer::intValue).max().orElseThrow() + 2;
        Assume.that(pace.ofSource(longest) <= 0.2 * episodeSeconds);

        Season season = new SeasonPlanner().plan(source, bible,
                fixedCount ? OptionalInt.of(count) : OptionalInt.empty());

        assertThat(season.episodes()).allSatisfy(e -> assertThat(e.estimatedSeconds())
                .isBetween(bible.minEpisodeSeconds(), bible.maxEpisodeSeconds()));
    }
}
