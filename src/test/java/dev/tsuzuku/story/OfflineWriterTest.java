package dev.tsuzuku.story;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.CutScore;
import dev.tsuzuku.model.EpisodePlan;
import dev.tsuzuku.model.Hook;
import dev.tsuzuku.model.HookKind;
import dev.tsuzuku.model.Line;
import dev.tsuzuku.model.LineKind;
import dev.tsuzuku.model.Script;
import dev.tsuzuku.model.Season;
import dev.tsuzuku.model.Source;
import dev.tsuzuku.model.SourceSpan;
import dev.tsuzuku.plan.TestBibles;
import dev.tsuzuku.plan.TestSources;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OfflineWriterTest {
    private final Bible bible = TestBibles.fairyTales().episodeSeconds(60).build();
    private final OfflineWriter writer = new OfflineWriter();

    private Script write(Source source, String coldOpen, Hook hook, int seconds) {
        EpisodePlan plan = new EpisodePlan(1, "The Sparrow", "A sparrow loses her tongue.", seconds,
                new SourceSpan(0, source.text().length()), List.of("beat"), coldOpen, hook, null,
                new CutScore(1, 0, 1, List.of()));
        return writer.write(new WriteRequest(bible, source, new Season(bible.id(), List.of(plan)), plan));
    }

    private static List<Line> lines(Script script) {
        return script.scenes().stream().flatMap(s -> s.lines().stream()).toList();
    }

    private static Source story(String... extra) {
        List<String> paragraphs = new ArrayList<>(List.of(
                "One morning the Old Man went out to the bamboo grove near the bridge to cut wood for the fire.",
                "\"Where is my little sparrow?\" said the Old Man. \"She has not come home since dawn.\"",
                "\"I cut her tongue for eating my starch,\" answered the old woman.",
                "\"Go away, you silly fellow!\" shouted the peddler, and he ran down the road towards the town.",
                "The Old Man wept and walked far into the mountains, calling for the sparrow all the long day."));
        paragraphs.addAll(List.of(extra));
        for (int i = 0; i < 12; i++) {
            paragraphs.add(TestSources.filler(400, i));
        }
        return TestSources.aSource().chapter("The Tongue-Cut Sparrow", paragraphs).build();
    }

    @Test
    void quotes_become_dialogue_of_the_cast_member_named_in_the_speech_tag() {
        Script script = write(story(), "One morning the Old Man went out.", new Hook("The night fell.", HookKind.TURN), 60);

        assertThat(lines(script)).filteredOn(l -> l.kind() == LineKind.DIALOGUE)
                .extracting(Line::speaker, Line::text)
                .contains(org.assertj.core.groups.Tuple.tuple("Old Man", "Where is my little sparrow? She has not come home since dawn."),
                        org.assertj.core.groups.Tuple.tuple("Old Woman", "I cut her tongue for eating my starch."));
    }

    @Test
    void in_an_exchange_an_untagged_reply_belongs_to_the_one_who_was_spoken_to() {
        Source source = story(
                "\"Have you seen my sparrow?\" asked the Old Man.",
                "\"I have not,\" answered the old woman, shaking her head slowly by the fire.",
                "\"Then I shall look for her in the mountains tomorrow.\"",
                "\"You will only catch a cold out there.\"");
        Script script = write(source, "One morning the Old Man went out.", new Hook("The night fell.", HookKind.TURN), 60);

        assertThat(lines(script)).filteredOn(l -> l.kind() == LineKind.DIALOGUE)
                .extracting(Line::speaker, Line::text)
                .contains(org.assertj.core.groups.Tuple.tuple("Old Man", "Then I shall look for her in the mountains tomorrow."),
                        org.assertj.core.groups.Tuple.tuple("Old Woman", "You will only catch a cold out there."));
    }

    @Test
    void a_speaker_outside_the_cast_never_speaks_their_words_become_narration() {
        Script script = write(story(), "One morning the Old Man went out.", new Hook("The night fell.", HookKind.TURN), 60);

        assertThat(lines(script)).filteredOn(l -> l.text().startsWith("Go away"))
                .allSatisfy(l -> assertThat(l.kind()).isEqualTo(LineKind.NARRATION));
        assertThat(lines(script)).filteredOn(l -> l.kind() == LineKind.DIALOGUE)
                .allSatisfy(l -> assertThat(bible.character(l.speaker())).isPresent());
        assertThat(OfflineWriter.speaker("\"Go away!\" shouted the peddler.",
                dev.tsuzuku.text.Prose.quotes("\"Go away!\" shouted the peddler.").get(0),
                bible, new dev.tsuzuku.text.CastNames(bible), "", 0)).isNull();
    }

    @Test
    void the_story_comes_first_the_cold_open_line_is_told_in_its_place_and_the_hook_last() {
        Hook hook = new Hook("Where is my little sparrow?", HookKind.QUESTION);
        Script script = write(story("\"Where is my little sparrow?\" asked the Old Man again."),
                "I cut her tongue for eating my starch.", hook, 60);

        List<Line> lines = lines(script);
        // the cold open is a flash-forward the storyboard shows before the title; the script tells the story
        assertThat(lines.get(0).text()).startsWith("One morning the Old Man went out to the bamboo grove");
        assertThat(lines).extracting(Line::text).contains("I cut her tongue for eating my starch.");
        assertThat(lines.get(lines.size() - 1).text()).isEqualTo("Where is my little sparrow?");
        assertThat(lines.get(lines.size() - 1).kind()).isEqualTo(LineKind.DIALOGUE);
        assertThat(lines.get(lines.size() - 1).speaker()).isEqualTo("Old Man");
        assertThat(script.hook()).isEqualTo(hook);
    }

    @Test
    void the_script_fits_the_allowed_length_by_dropping_lines_and_its_total_is_the_sum_of_its_lines() {
        Script script = write(story(), "One morning the Old Man went out.", new Hook("The night fell.", HookKind.TURN), 60);

        double sum = lines(script).stream().mapToDouble(Line::seconds).sum();
        assertThat(script.estimatedSeconds()).isBetween((double) bible.minEpisodeSeconds(), (double) bible.maxEpisodeSeconds());
        assertThat(script.estimatedSeconds()).isCloseTo(sum, org.assertj.core.data.Offset.offset(0.05));
        assertThat(lines(script)).filteredOn(l -> l.kind() == LineKind.DIALOGUE).isNotEmpty();
    }

    @Test
    void scenes_take_the_place_named_in_the_text_and_the_time_of_day_from_its_words() {
        Script script = write(story("That night the Old Man came back to the bridge, tired and sad, and slept."),
                "One morning the Old Man went out.", new Hook("The night fell.", HookKind.TURN), 60);

        assertThat(script.scenes().get(0).place()).isEqualTo("Bridge");
        assertThat(script.scenes().get(0).timeOfDay()).isEqualTo("day");
        assertThat(script.scenes()).anySatisfy(s -> assertThat(s.timeOfDay()).isEqualTo("dawn"));
        assertThat(script.scenes()).anySatisfy(s -> assertThat(s.timeOfDay()).isEqualTo("night"));
    }

    @Test
    void spoken_lines_take_their_words_at_the_speaking_rate_and_action_beats_two_to_three_seconds() {
        assertThat(ScreenTime.line(LineKind.DIALOGUE, "word ".repeat(27)))
                .isCloseTo(27 / 2.7 + 0.4, org.assertj.core.data.Offset.offset(0.11));
        assertThat(ScreenTime.line(LineKind.ACTION, "He ran.")).isEqualTo(2.0);
        assertThat(ScreenTime.line(LineKind.ACTION, "The old man ran down the road to the river.")).isEqualTo(3.0);
        assertThat(ScreenTime.line(LineKind.ACTION, "word ".repeat(16))).isEqualTo(4.0);
    }
}
