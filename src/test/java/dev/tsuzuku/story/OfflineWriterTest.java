package dev.tsuzuku.story;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.Character;
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

    @Test
    void an_unnamed_man_who_then_names_himself_is_that_character_for_the_whole_tale() {
        Bible withMan = TestBibles.fairyTales().with("the man", Character.Role.MINOR).episodeSeconds(60).build();
        Source source = TestSources.aSource().chapter("The Bridge", List.of(
                "Hidesato came to the bridge and saw a strange man standing there in a green robe.",
                "\"Was it you that called me?\" asked the man, bowing to the ground before the warrior.",
                "\"It was I,\" answered Hidesato. \"Who are you?\"",
                "\"I am the Dragon King of the Lake, and my home is under this bridge,\" said the man.",
                "\"Kill the centipede for me, I beg you,\" said the man, trembling with fear.")).build();
        EpisodePlan plan = new EpisodePlan(1, "The Bridge", "", 60, new SourceSpan(0, source.text().length()),
                List.of(), "Kill the centipede for me, I beg you.", new Hook("Kill the centipede for me, I beg you.",
                HookKind.THREAT), null, new CutScore(1, 0, 1, List.of()));

        Script script = writer.write(new WriteRequest(withMan, source, new Season(withMan.id(), List.of(plan)), plan));

        assertThat(lines(script)).filteredOn(l -> l.kind() == LineKind.DIALOGUE).extracting(Line::speaker)
                .doesNotContain("the man").contains("Dragon King", "Hidesato");
        assertThat(SpeakerNaming.selfNamed("I am the Dragon King of the Lake.", new dev.tsuzuku.text.CastNames(withMan)))
                .isEqualTo("Dragon King");
        assertThat(SpeakerNaming.unnamed("the man")).isTrue();
        assertThat(SpeakerNaming.unnamed("Dragon King")).isFalse();
    }

    @Test
    void under_a_tight_budget_the_plot_is_told_and_incidental_detail_is_left_out_in_story_order() {
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add("The Old Man found a wounded sparrow by the bridge and carried her home to care for her.");
        for (int i = 0; i < 10; i++) {
            paragraphs.add(TestSources.filler(300, i));
        }
        paragraphs.add("The wicked Old Woman seized the sparrow and cut her tongue in anger because she ate the starch.");
        for (int i = 10; i < 20; i++) {
            paragraphs.add(TestSources.filler(300, i));
        }
        paragraphs.add("The Old Man wept and set out into the mountains to find the sparrow and save her.");
        Source source = TestSources.aSource().chapter("The Tongue-Cut Sparrow", paragraphs).build();

        Script script = write(source, null, new Hook("The night fell.", HookKind.TURN), 60);
        List<String> told = lines(script).stream().map(Line::text).toList();

        int found = told.indexOf("The Old Man found a wounded sparrow by the bridge and carried her home to care for her.");
        int cut = told.indexOf("The wicked Old Woman seized the sparrow and cut her tongue in anger because she ate the starch.");
        int wept = told.indexOf("The Old Man wept and set out into the mountains to find the sparrow and save her.");
        assertThat(found).isNotNegative().isLessThan(cut);
        assertThat(cut).isLessThan(wept);
        // most of the farmer's walk is left out: the episode is a third of the span's reading time
        long filler = told.stream().filter(t -> t.startsWith("The farmer")).count();
        assertThat(filler).isLessThan(lines(script).size());
        assertThat(lines(script)).noneMatch(l -> l.kind() == LineKind.ACTION);
        assertThat(told).noneMatch(t -> t.endsWith("..."));
    }
}
