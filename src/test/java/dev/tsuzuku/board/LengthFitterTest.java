package dev.tsuzuku.board;

import static dev.tsuzuku.board.BoardFixtures.aBible;
import static dev.tsuzuku.board.BoardFixtures.aPlan;
import static dev.tsuzuku.board.BoardFixtures.aScript;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tsuzuku.model.BadInputException;
import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.HookKind;
import dev.tsuzuku.model.Line;
import dev.tsuzuku.model.Script;
import dev.tsuzuku.model.Shot;
import dev.tsuzuku.model.ShotKind;
import dev.tsuzuku.model.ShotLine;
import dev.tsuzuku.model.Storyboard;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The length fitter: drops whole narration and action lines when too long, stretches holds when too short. */
class LengthFitterTest {
    private static final ZonedDateTime NEXT_DROP =
            ZonedDateTime.of(LocalDateTime.of(2026, 11, 26, 18, 0), ZoneId.of("Asia/Tokyo"));
    private final Bible bible = aBible().episodeSeconds(60).build();

    private Storyboard board(Script script) {
        return new Storyboarder().board(script, bible, aPlan(script.episode(), "Stay with me here, and you will never grow old."), NEXT_DROP);
    }

    private static List<Shot> story(Storyboard sb) {
        return sb.shots().stream().filter(s -> s.kind() == ShotKind.STORY).toList();
    }

    private static Draft draft(ShotKind kind, int frames) {
        Draft d = new Draft(kind);
        d.min = frames;
        return d;
    }

    @Test
    void a_deficit_is_spread_evenly_over_story_and_hook_shots_the_first_getting_the_remainder() {
        // 45 s minimum = 1350 frames; 60 + 300 + 300 + 299 + 90 = 1049: 301 short, over the three story and hook shots
        List<Draft> drafts = new ArrayList<>(List.of(draft(ShotKind.TITLE, 60), draft(ShotKind.STORY, 300),
                draft(ShotKind.STORY, 300), draft(ShotKind.HOOK, 299), draft(ShotKind.END_CARD, 90)));
        Script script = aScript().scene("Beach", "day").narration("Taro walked.").hook("Taro", "Who?", HookKind.QUESTION).build();
        LengthFitter.fit(drafts, aBible().episodeSeconds(45).build(), script);
        assertThat(drafts).extracting(Draft::frames).containsExactly(60, 401, 400, 399, 90);
        assertThat(drafts.stream().mapToInt(Draft::frames).sum()).isEqualTo(45 * 30);
    }

    @Test
    void a_short_script_is_stretched_into_the_series_range_with_longer_holds() {
        Script tiny = aScript().scene("Beach", "day")
                .narration("Taro walked along the beach.")
                .says("Taro", "What a quiet morning.")
                .hook("Taro", "Who is there?", HookKind.QUESTION).build();
        Storyboard sb = board(tiny);
        assertThat(sb.totalFrames()).isBetween(bible.minEpisodeSeconds() * 30, bible.maxEpisodeSeconds() * 30);
        assertThat(StoryboardRules.check(sb, bible)).isEmpty();
    }

    @Test
    void a_long_script_loses_narration_but_keeps_every_dialogue_line() {
        var b = aScript().scene("Beach", "day").narration("The sea was calm.");
        for (int i = 0; i < 12; i++) {
            b.narration("Wave " + i + " rolled in and out over the sand, grey and slow, as the day went on and on without end.");
            b.says(i % 2 == 0 ? "Taro" : "Turtle", "Line number " + i + " of our talk.");
        }
        Script longOne = b.hook("Taro", "Who is there?", HookKind.QUESTION).build();
        assertThat(longOne.estimatedSeconds()).isGreaterThan(bible.maxEpisodeSeconds());

        Storyboard sb = board(longOne);

        assertThat(sb.totalFrames()).isBetween(bible.minEpisodeSeconds() * 30, bible.maxEpisodeSeconds() * 30);
        assertThat(StoryboardRules.check(sb, bible)).isEmpty();
        List<String> spoken = sb.shots().stream().flatMap(s -> s.lines().stream()).map(ShotLine::text).toList();
        for (int i = 0; i < 12; i++) {
            assertThat(spoken).contains("Line number " + i + " of our talk.");
        }
        assertThat(story(sb).get(0).lines()).extracting(ShotLine::text)
                .as("the establishing shot stays").containsExactly("The sea was calm.");
        String boarded = spoken.stream().collect(Collectors.joining(" "));
        assertThat(boarded).as("some narration fits and stays").contains(" rolled in and out");
        for (Line l : longOne.scenes().get(0).lines()) {
            String firstHalf = l.text().substring(0, l.text().length() / 2);
            if (boarded.contains(firstHalf)) {
                assertThat(boarded).as("narration is dropped whole or kept whole").contains(l.text());
            }
        }
    }

    @Test
    void dialogue_that_alone_exceeds_the_maximum_is_bad_input_naming_the_script() {
        var b = aScript().scene("Beach", "day");
        for (int i = 0; i < 40; i++) {
            b.says("Taro", "This is a very long speech that goes on and on, line " + i + ".", 4.0);
        }
        Script tooLong = b.hook("Taro", "Who is there?", HookKind.QUESTION).build();
        assertThatThrownBy(() -> board(tooLong)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("episodes/001/script.json")
                .hasMessageContaining("at most 72 s")
                .hasMessageContaining("fix:");
    }
}
