package dev.tsuzuku.plan;

import static dev.tsuzuku.plan.TestSources.filler;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tsuzuku.model.BadInputException;
import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.EpisodePlan;
import dev.tsuzuku.model.HookKind;
import dev.tsuzuku.model.Season;
import dev.tsuzuku.model.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class SeasonPlannerTest {
    private final Bible bible = TestBibles.fairyTales().episodeSeconds(60).build();
    private final SeasonPlanner planner = new SeasonPlanner();

    /** A tale of {@code n} plain paragraphs of ~600 chars (10 s each at the house pace), with one hook paragraph. */
    private static List<String> paragraphs(int n, int hookAt, String hook) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(i == hookAt ? filler(560, i) + " " + hook : filler(600, i));
        }
        return out;
    }

    @Test
    void the_cut_moves_to_the_paragraph_that_ends_on_a_hook() {
        // 12 paragraphs of ~10 s: two 60 s episodes. A plain split would cut after paragraph 6;
        // the hook after paragraph 5 is within the allowed range (48–72 s) and should win.
        Source source = TestSources.aSource().chapter("One", paragraphs(12, 4, "Suddenly an ogre burst in?")).build();

        Season season = planner.plan(source, bible, OptionalInt.of(2));

        EpisodePlan first = season.episodes().get(0);
        assertThat(first.source().endChar()).isEqualTo(source.chapters().get(0).scenes().get(0).paragraphs().get(5).startChar());
        assertThat(first.hook().text()).contains("ogre");
        assertThat(first.cut().cues()).contains("question mark", "danger word: ogre", "turn: suddenly");
        assertThat(first.cut().total()).isEqualTo(first.cut().hookStrength() - first.cut().lengthPenalty(),
                org.assertj.core.data.Offset.offset(0.011));
    }

    @Test
    void an_episode_ends_with_its_tale_rather_than_running_into_the_next_one() {
        // Tale One is 7 paragraphs (~70 s) with a hook after the 5th; tale Two is 5 (~50 s). Both
        // cuts give two episodes in range (48–72 s), but cutting at the hook would make the second
        // episode end tale One and start tale Two.
        Source source = TestSources.aSource()
                .chapter("One", paragraphs(7, 4, "Suddenly an ogre burst in?"))
                .chapter("Two", paragraphs(5, -1, ""))
                .build();

        Season season = planner.plan(source, bible, OptionalInt.of(2));

        assertThat(season.episodes().get(0).source().endChar()).isEqualTo(source.chapters().get(1).span().startChar());
        assertThat(season.episodes().get(0).hook().kind()).isEqualTo(HookKind.PROMISE);
    }

    @Test
    void a_requested_episode_count_is_met_exactly() {
        Source source = TestSources.aSource().chapter("One", paragraphs(40, -1, "")).build();

        for (int n : new int[] {1, 3, 7, 40}) {
            assertThat(planner.plan(source, bible, OptionalInt.of(n)).episodes()).hasSize(n);
        }
    }

    @Test
    void more_episodes_than_paragraphs_is_bad_input_that_names_the_limit() {
        Source source = TestSources.aSource().chapter("One", paragraphs(5, -1, "")).build();

        assertThatThrownBy(() -> planner.plan(source, bible, OptionalInt.of(6)))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("cannot cut 5 paragraphs into 6 episodes")
                .hasMessageContaining("use --episodes between 1 and 5");
    }

    @Test
    void every_episode_carries_title_synopsis_beats_cold_open_and_a_recap_of_the_one_before() {
        Source source = TestSources.aSource()
                .tale("The Tongue-Cut Sparrow", paragraphs(8, 3, "\"Where is my sparrow?\" cried the Old Man."))
                .tale("Urashima Taro", paragraphs(8, 2, "At last he saw that the turtle was none other than the Princess."))
                .build();

        Season season = planner.plan(source, bible, OptionalInt.empty());

        assertThat(season.series()).isEqualTo(bible.id());
        assertThat(season.episodes()).allSatisfy(e -> {
            assertThat(e.title()).isNotBlank();
            assertThat(e.synopsis()).isNotBlank();
            assertThat(e.beats()).hasSizeBetween(1, 9);
            assertThat(e.coldOpen()).isNotBlank();
            assertThat(e.hook().text()).isNotBlank();
        });
        assertThat(season.episodes().get(0).previously()).isNull();
        assertThat(season.episodes().subList(1, season.episodes().size()))
                .allSatisfy(e -> assertThat(e.previously()).startsWith("Last time: "));
        assertThat(season.episodes()).extracting(EpisodePlan::title).doesNotHaveDuplicates();
    }

    @Test
    void the_episode_that_ends_a_tale_promises_the_next_tale() {
        Source source = TestSources.aSource()
                .tale("The Tongue-Cut Sparrow", paragraphs(6, -1, ""))
                .tale("Urashima Taro", paragraphs(6, -1, ""))
                .build();

        Season season = planner.plan(source, bible, OptionalInt.of(2));

        EpisodePlan first = season.episodes().get(0);
        assertThat(first.hook().kind()).isEqualTo(HookKind.PROMISE);
        assertThat(first.hook().text()).isEqualTo("Next, a new tale begins: Urashima Taro.");
        assertThat(season.episodes().get(1).title()).isNotBlank().isNotEqualTo(first.title());
    }

    @Test
    void a_novel_with_numbered_chapters_never_closes_on_a_new_tale() {
        Source source = TestSources.aSource()
                .tale("Chapter I", paragraphs(6, -1, ""))
                .tale("Chapter II", paragraphs(6, -1, ""))
                .build();

        Season season = planner.plan(source, bible, OptionalInt.of(2));

        assertThat(season.episodes()).allSatisfy(e -> assertThat(e.hook().text()).doesNotContain("a new tale begins"));
        assertThat(SeasonPlanner.isCollection(java.util.Map.of(0, "Chapter I", 1, "Chapter II: London"))).isFalse();
        assertThat(SeasonPlanner.isCollection(java.util.Map.of(0, "The Tongue-Cut Sparrow", 1, "Urashima Taro"))).isTrue();
    }
}
