package dev.tsuzuku.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.Season;
import dev.tsuzuku.model.Source;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class SeasonPlannerSampleTest {
    private final Source book = SampleBook.source();
    private final Bible bible = TestBibles.fairyTales().build();

    @Test
    void the_sample_book_becomes_a_season_of_in_range_episodes_covering_the_whole_text() {
        Season season = new SeasonPlanner().plan(book, bible, OptionalInt.empty());

        assertThat(season.episodes()).hasSizeBetween(20, 60);
        assertThat(season.episodes()).allSatisfy(e -> assertThat(e.estimatedSeconds())
                .isBetween(bible.minEpisodeSeconds(), bible.maxEpisodeSeconds()));
        assertThat(season.episodes().get(0).source().startChar()).isZero();
        // titled from its key event, not as an index entry "Tale: Character"
        assertThat(season.episodes().get(0).title()).containsAnyOf("Hidesato", "Dragon King").doesNotContain(":");
        // A real book gives varied hooks, not one kind of cut over and over.
        assertThat(season.episodes().stream().map(e -> e.hook().kind()).distinct().count()).isGreaterThanOrEqualTo(4);
        assertThat(season.episodes().get(season.episodes().size() - 1).source().endChar()).isEqualTo(book.text().length());
    }

    @Test
    void most_tales_end_with_an_episode_and_every_episode_has_its_own_title() {
        Season season = new SeasonPlanner().plan(book, bible, OptionalInt.empty());

        java.util.Set<Integer> chapterStarts = new java.util.HashSet<>();
        book.chapters().forEach(c -> {
            chapterStarts.add(c.span().startChar());
            c.scenes().stream().findFirst().flatMap(sc -> sc.paragraphs().stream().findFirst())
                    .ifPresent(p -> chapterStarts.add(p.startChar()));
        });
        long cutsAtTaleEnds = season.episodes().stream().filter(e -> chapterStarts.contains(e.source().endChar())).count();
        // 22 tales: at least half of the 21 tale ends are also episode ends.
        assertThat(cutsAtTaleEnds).isGreaterThanOrEqualTo(11);
        assertThat(season.episodes()).extracting(e -> e.title()).doesNotHaveDuplicates();
    }

    @Test
    void titles_name_the_thing_that_sets_the_tale_apart_not_a_word_of_one_sentence() {
        Season season = new SeasonPlanner().plan(book, bible, OptionalInt.empty());
        java.util.List<String> titles = season.episodes().stream().map(e -> e.title()).toList();

        // Hidesato's tale is the centipede's (it said "Hidesato and the Balcony")
        assertThat(titles.get(0)).matches("(Hidesato|Dragon King) and the Centipede");
        // no bible disambiguator, no word that no picture shows, no superlative, not the lead's own kind
        assertThat(titles).noneMatch(t -> t.contains("(") || t.endsWith(" Fear") || t.endsWith(" Length")
                || t.endsWith(" Strongest") || t.equals("The Ogre and the Ogres"));
        assertThat(EpisodeMoments.abstractNoun("permission")).isTrue();
        assertThat(EpisodeMoments.abstractNoun("forest")).isFalse();
    }
}
