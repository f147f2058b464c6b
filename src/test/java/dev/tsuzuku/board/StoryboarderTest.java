package dev.tsuzuku.board;

import static dev.tsuzuku.board.BoardFixtures.aBible;
import static dev.tsuzuku.board.BoardFixtures.aPlan;
import static dev.tsuzuku.board.BoardFixtures.aScript;
import static dev.tsuzuku.board.BoardFixtures.urashimaEpisode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tsuzuku.model.BadInputException;
import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.CameraMove;
import dev.tsuzuku.model.Framing;
import dev.tsuzuku.model.HookKind;
import dev.tsuzuku.model.Line;
import dev.tsuzuku.model.LineKind;
import dev.tsuzuku.model.Script;
import dev.tsuzuku.model.ScriptScene;
import dev.tsuzuku.model.Shot;
import dev.tsuzuku.model.ShotCast;
import dev.tsuzuku.model.ShotKind;
import dev.tsuzuku.model.ShotLine;
import dev.tsuzuku.model.Storyboard;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class StoryboarderTest {
    private static final ZonedDateTime NEXT_DROP =
            ZonedDateTime.of(LocalDateTime.of(2026, 11, 26, 18, 0), ZoneId.of("Asia/Tokyo"));
    private final Storyboarder storyboarder = new Storyboarder();
    private final Bible bible = aBible().episodeSeconds(60).build();

    private Storyboard board(Script script) {
        return storyboarder.board(script, bible, aPlan(script.episode(), "Stay with me here, and you will never grow old."), NEXT_DROP);
    }

    private static List<Shot> story(Storyboard sb) {
        return sb.shots().stream().filter(s -> s.kind() == ShotKind.STORY).toList();
    }

    @Test
    void narration_is_timed_at_the_narrators_own_pace() {
        String line = "The turtle carried Taro down through the green water, past shoals of silver fish.";
        Script script = aScript().scene("Beach", "day").narration(line).says("Taro", "Where are we going?")
                .hook("Taro", "What waits below?", dev.tsuzuku.model.HookKind.QUESTION).build();
        java.util.function.ToIntFunction<Integer> narrationFrames = wpm -> {
            Bible b = aBible().episodeSeconds(60).narratorPace(wpm).build();
            Storyboard sb = storyboarder.board(script, b, aPlan(1, "Where are we going?"), NEXT_DROP);
            return story(sb).stream().flatMap(s -> s.lines().stream()).filter(l -> line.contains(l.text()))
                    .mapToInt(l -> l.endFrame() - l.startFrame()).sum();
        };

        int house = narrationFrames.applyAsInt(162); // the house pace, 2.7 words a second
        int slow = narrationFrames.applyAsInt(108); // two thirds of it

        assertThat(slow).isCloseTo((int) Math.round(house * 1.5), org.assertj.core.data.Offset.offset(2));
    }

    @Nested
    class Timing {
        private final Storyboard sb = board(urashimaEpisode());

        @Test
        void the_storyboard_passes_every_rule_and_is_30_fps_vertical_1080x1920() {
            assertThat(StoryboardRules.check(sb, bible)).isEmpty();
            assertThat(sb.fps()).isEqualTo(30);
            assertThat(sb.width()).isEqualTo(1080);
            assertThat(sb.height()).isEqualTo(1920);
        }

        @Test
        void every_shot_lasts_at_least_one_and_a_half_seconds() {
            assertThat(sb.shots()).allSatisfy(s -> assertThat(s.frames()).isGreaterThanOrEqualTo(45));
        }

        @Test
        void lines_sit_inside_their_shot_without_overlapping_and_with_a_breath_after_them() {
            for (Shot s : sb.shots()) {
                int previousEnd = 0;
                for (ShotLine l : s.lines()) {
                    assertThat(l.startFrame()).isGreaterThanOrEqualTo(previousEnd);
                    assertThat(l.endFrame()).isGreaterThan(l.startFrame());
                    previousEnd = l.endFrame();
                }
                if (!s.lines().isEmpty() && s.kind() != ShotKind.COLD_OPEN) {
                    assertThat(s.frames()).isGreaterThanOrEqualTo(previousEnd + ShotTiming.TAIL);
                }
            }
        }

        @Test
        void a_shot_holds_one_or_two_lines_and_lasts_at_least_its_speech() {
            for (Shot s : story(sb)) {
                assertThat(s.lines()).hasSizeLessThanOrEqualTo(2);
            }
            Shot taroSpeaks = story(sb).stream()
                    .filter(s -> s.lines().stream().anyMatch(l -> l.text().startsWith("Stop that"))).findFirst().orElseThrow();
            int speech = ShotTiming.frames(ShotTiming.estimate("Stop that at once! Leave the poor creature alone."));
            assertThat(taroSpeaks.frames()).isGreaterThanOrEqualTo(speech + ShotTiming.LEAD + ShotTiming.TAIL);
        }

        @Test
        void the_cold_open_comes_first_with_the_plans_line_in_close_up_pushing_in_for_three_to_five_seconds() {
            Shot open = sb.shots().get(0);
            assertThat(open.kind()).isEqualTo(ShotKind.COLD_OPEN);
            assertThat(open.frames()).isBetween(90, 150);
            assertThat(open.framing()).isEqualTo(Framing.CLOSE_UP);
            assertThat(open.camera()).isEqualTo(CameraMove.PUSH_IN);
            assertThat(open.lines()).extracting(ShotLine::text).containsExactly("Stay with me here, and you will never grow old.");
            assertThat(open.lines().get(0).speaker()).as("the line is the princess's, so she says it").isEqualTo("Otohime");
            assertThat(open.place()).isEqualTo("Sea Palace");
        }

        @Test
        void a_title_card_of_about_two_seconds_follows_with_episode_number_and_title() {
            Shot title = sb.shots().get(1);
            assertThat(title.kind()).isEqualTo(ShotKind.TITLE);
            assertThat(title.frames()).isEqualTo(60);
            assertThat(title.action()).contains("Episode 1").contains("The Turtle");
        }

        @Test
        void the_hook_shot_comes_just_before_the_end_card_with_a_stinger() {
            List<Shot> shots = sb.shots();
            Shot hook = shots.get(shots.size() - 2);
            assertThat(hook.kind()).isEqualTo(ShotKind.HOOK);
            assertThat(hook.lines()).extracting(ShotLine::text)
                    .containsExactly("But what is inside the box you will not let me open?");
            assertThat(hook.lines().get(0).speaker()).isEqualTo("Taro");
            assertThat(hook.framing()).isIn(Framing.CLOSE_UP, Framing.EXTREME_CLOSE_UP);
            assertThat(hook.camera()).isIn(CameraMove.PUSH_IN, CameraMove.SHAKE);
            assertThat(hook.sfx()).contains("stinger");
            assertThat(story(sb)).as("the hook line is not also a story shot")
                    .noneMatch(s -> s.lines().stream().anyMatch(l -> l.text().contains("inside the box")));
        }

        @Test
        void the_end_card_is_last_held_still_for_three_seconds_with_the_next_drop() {
            Shot end = sb.shots().get(sb.shots().size() - 1);
            assertThat(end.kind()).isEqualTo(ShotKind.END_CARD);
            assertThat(end.frames()).isEqualTo(90);
            assertThat(end.camera()).isEqualTo(CameraMove.STATIC);
            assertThat(end.action()).contains("つづく — To be continued");
            assertThat(sb.endCard()).isEqualTo("つづく — To be continued\nNext episode: Thu 18:00 JST");
        }

        @Test
        void scenes_change_only_at_shot_boundaries() {
            Script script = urashimaEpisode();
            for (Shot s : story(sb)) {
                for (ShotLine l : s.lines()) {
                    ScriptScene home = script.scenes().stream()
                            .filter(sc -> sc.lines().stream().anyMatch(x -> x.text().contains(l.text())))
                            .findFirst().orElseThrow();
                    assertThat(s.place()).as(l.text()).isEqualTo(home.place());
                    assertThat(s.timeOfDay()).isEqualTo(home.timeOfDay());
                }
            }
        }

        @Test
        void every_spoken_word_of_the_script_is_in_the_storyboard_in_order_when_it_fits_the_range() {
            Bible roomy = aBible().episodeSeconds(90).build();
            Storyboard whole = storyboarder.board(urashimaEpisode(), roomy, aPlan(1, "Who are you?"), NEXT_DROP);
            String script = urashimaEpisode().scenes().stream().flatMap(s -> s.lines().stream())
                    .filter(l -> l.kind() != dev.tsuzuku.model.LineKind.ACTION).map(Line::text)
                    .collect(Collectors.joining(" "));
            String boarded = whole.shots().stream().skip(1).flatMap(s -> s.lines().stream()).map(ShotLine::text)
                    .collect(Collectors.joining(" "));
            assertThat(boarded).isEqualTo(script);
        }

        @Test
        void the_same_inputs_give_the_same_storyboard() {
            assertThat(board(urashimaEpisode())).isEqualTo(sb);
        }
    }

    @Nested
    class Length {
        @Test
        void a_script_without_lines_is_bad_input() {
            Script empty = new Script(4, "Nothing", 0, List.of(new ScriptScene("Beach", "day", List.of())),
                    new dev.tsuzuku.model.Hook("?", HookKind.QUESTION));
            assertThatThrownBy(() -> board(empty)).isInstanceOf(BadInputException.class)
                    .hasMessageContaining("episodes/004/script.json").hasMessageContaining("tsuzuku write");
        }

        @Test
        void every_problem_of_a_broken_script_is_named_at_once() {
            Script broken = new Script(2, "Broken", 0, List.of(new ScriptScene(" ", "day", List.of(
                    new Line(LineKind.DIALOGUE, null, "Hello?", 1),
                    new Line(LineKind.NARRATION, null, "", 1)))), new dev.tsuzuku.model.Hook("?", HookKind.QUESTION));
            assertThatThrownBy(() -> board(broken)).isInstanceOfSatisfying(BadInputException.class, e ->
                    assertThat(e.problems()).extracting(dev.tsuzuku.model.Problem::message).containsExactly(
                            "scenes[0].place: expected a place name, was empty",
                            "scenes[0].lines[0].speaker: expected a cast name for dialogue, was empty",
                            "scenes[0].lines[1].text: expected words, was empty"))
                    .hasMessageContaining("episodes/002/script.json");
        }

        @Test
        void an_action_hook_is_seen_not_heard() {
            Script script = aScript().scene("Beach", "night").narration("The beach was dark.")
                    .action("The box opens and white smoke pours out.", 3)
                    .build();
            Script withHook = new Script(1, "Smoke", 0, script.scenes(),
                    new dev.tsuzuku.model.Hook("The box opens and white smoke pours out.", HookKind.REVEAL));
            Storyboard sb = board(withHook);
            Shot hook = sb.shots().get(sb.shots().size() - 2);
            assertThat(hook.kind()).isEqualTo(ShotKind.HOOK);
            assertThat(hook.lines()).isEmpty();
            assertThat(hook.action()).isEqualTo("The box opens and white smoke pours out.");
            assertThat(hook.frames()).isGreaterThanOrEqualTo(90);
        }

        @Test
        void an_overlong_cold_open_is_cut_to_whole_sentences_that_fit_five_seconds() {
            Storyboard sb = storyboarder.board(urashimaEpisode(), bible, aPlan(1,
                    "The sea turned black. Then, far below the waves, a thousand lanterns lit at once and a voice called his name across the water."),
                    NEXT_DROP);
            Shot open = sb.shots().get(0);
            assertThat(open.frames()).isBetween(90, 150);
            assertThat(open.lines().get(0).text()).isEqualTo("The sea turned black.");
        }
    }

    @Nested
    class Camera {
        private final Storyboard sb = board(urashimaEpisode());

        private Shot saying(String start) {
            return sb.shots().stream().filter(s -> s.lines().stream().anyMatch(l -> l.text().startsWith(start)))
                    .findFirst().orElseThrow();
        }

        @Test
        void each_new_scene_opens_on_a_wide_establishing_shot_panning_outdoors_and_still_indoors() {
            Shot beach = saying("Long, long ago");
            assertThat(beach.framing()).isEqualTo(Framing.WIDE);
            assertThat(beach.camera()).isEqualTo(CameraMove.PAN);
            Shot palace = saying("Days later");
            assertThat(palace.framing()).isEqualTo(Framing.WIDE);
            assertThat(palace.camera()).as("carried down: motion words pan even indoors").isEqualTo(CameraMove.PAN);
            Script indoors = aScript().scene("Sea Palace", "night").narration("The hall was quiet.")
                    .hook("Taro", "Who is there?", HookKind.QUESTION).build();
            assertThat(story(board(indoors)).get(0).camera()).isEqualTo(CameraMove.STATIC);
        }

        @Test
        void dialogue_alternates_close_up_and_medium_close_up_with_speakers_on_opposite_sides() {
            Shot taro1 = saying("Stop that");
            Shot turtle = saying("Thank you, kind sir");
            Shot taro2 = saying("Go back to the sea");
            assertThat(List.of(taro1.framing(), turtle.framing(), taro2.framing()))
                    .containsExactly(Framing.CLOSE_UP, Framing.MEDIUM_CLOSE_UP, Framing.CLOSE_UP);
            assertThat(position(taro1, "Taro")).isEqualTo("left");
            assertThat(position(turtle, "Turtle")).isEqualTo("right");
            assertThat(position(taro2, "Taro")).isEqualTo("left");
        }

        @Test
        void action_with_motion_words_is_framed_wider_and_pans_or_tilts() {
            Script script = aScript().scene("Beach", "day").narration("The beach lay empty.")
                    .narration("Taro ran along the shore with the turtle in his arms.")
                    .narration("A gull rose high above the cliffs.")
                    .hook("Taro", "Who is there?", HookKind.QUESTION).build();
            List<Shot> shots = story(board(script));
            Shot ran = shots.stream().filter(s -> s.action().contains("ran along")).findFirst().orElseThrow();
            assertThat(ran.framing()).isIn(Framing.MEDIUM, Framing.WIDE);
            assertThat(ran.camera()).isEqualTo(CameraMove.PAN);
            Shot rose = shots.stream().filter(s -> s.action().contains("rose high")).findFirst().orElseThrow();
            assertThat(rose.camera()).isEqualTo(CameraMove.TILT);
        }

        @Test
        void danger_words_shake_the_camera_and_a_threat_hook_goes_extreme_close_up() {
            Script script = aScript().scene("Beach", "night").narration("Night fell on the beach.")
                    .narration("A huge demon burst from the waves to attack the village.")
                    .hook("Otohime", "If you open the box, you will die.", HookKind.THREAT).build();
            Storyboard sb = board(script);
            Shot demon = story(sb).stream().filter(s -> s.action().contains("demon")).findFirst().orElseThrow();
            assertThat(demon.camera()).isEqualTo(CameraMove.SHAKE);
            Shot hook = sb.shots().get(sb.shots().size() - 2);
            assertThat(hook.framing()).isEqualTo(Framing.EXTREME_CLOSE_UP);
            assertThat(hook.camera()).isEqualTo(CameraMove.SHAKE);
            assertThat(sb.mood()).isEqualTo("tense");
        }

        @Test
        void an_emotional_reveal_pushes_in() {
            Script script = aScript().scene("Sea Palace", "night").narration("The hall glowed.")
                    .says("Taro", "Is it you?")
                    .says("Otohime", "At last you know the truth. I was the turtle you saved.")
                    .hook("Taro", "Who is there?", HookKind.QUESTION).build();
            Shot reveal = story(board(script)).stream()
                    .filter(s -> s.lines().stream().anyMatch(l -> l.text().startsWith("At last"))).findFirst().orElseThrow();
            assertThat(reveal.camera()).isEqualTo(CameraMove.PUSH_IN);
        }

        private String position(Shot s, String name) {
            return s.cast().stream().filter(c -> c.name().equals(name)).map(ShotCast::position).findFirst().orElseThrow();
        }
    }

    @Nested
    class CastAndExpressions {
        private Shot only(Script script, String contains) {
            return story(board(script)).stream()
                    .filter(s -> s.action().contains(contains) || s.lines().stream().anyMatch(l -> l.text().contains(contains)))
                    .findFirst().orElseThrow();
        }

        private Script scene(String... narration) {
            var b = aScript().scene("Beach", "day").narration("The beach was quiet.");
            for (String n : narration) {
                b.narration(n);
            }
            return b.hook("Taro", "Who is there?", HookKind.QUESTION).build();
        }

        private String expressionOf(Shot s, String name) {
            return s.cast().stream().filter(c -> c.name().equals(name)).map(ShotCast::expression).findFirst().orElseThrow();
        }

        @Test
        void expressions_follow_the_words_about_each_character() {
            assertThat(expressionOf(only(scene("Taro laughed at the joke."), "laughed"), "Taro")).isEqualTo("happy");
            assertThat(expressionOf(only(scene("Taro wept by the water."), "wept"), "Taro")).isEqualTo("sad");
            assertThat(expressionOf(only(scene("Taro cried out in the dark."), "cried out"), "Taro")).isEqualTo("afraid");
            assertThat(expressionOf(only(scene("Taro was afraid of the dark."), "afraid"), "Taro")).isEqualTo("afraid");
            assertThat(expressionOf(only(scene("The Princess was furious."), "furious"), "Otohime")).isEqualTo("angry");
            assertThat(expressionOf(only(scene("Taro was amazed at the palace."), "amazed"), "Taro")).isEqualTo("surprised");
            assertThat(expressionOf(only(scene("Taro looked at the sea."), "looked"), "Taro")).isEqualTo("neutral");
        }

        @Test
        void an_expression_belongs_to_whom_the_sentence_is_about() {
            Shot s = only(scene("Taro smiled. The Turtle wept."), "smiled");
            assertThat(expressionOf(s, "Taro")).isEqualTo("happy");
            assertThat(expressionOf(s, "Turtle")).isEqualTo("sad");
        }

        @Test
        void the_narrator_is_heard_but_never_on_screen() {
            Storyboard sb = board(urashimaEpisode());
            assertThat(sb.shots()).allSatisfy(s -> assertThat(s.cast()).extracting(ShotCast::name).doesNotContain("Narrator"));
        }

        @Test
        void a_shot_shows_its_speakers_and_those_named_in_the_scene_but_never_more_than_three() {
            Script crowded = aScript().scene("Beach", "day")
                    .narration("Taro, the Turtle and Otohime met a fourth friend.")
                    .says("Taro", "Hello, friends.")
                    .hook("Taro", "Who is there?", HookKind.QUESTION).build();
            Shot hello = only(crowded, "Hello, friends");
            assertThat(hello.cast()).extracting(ShotCast::name).containsExactly("Taro", "Turtle", "Otohime");
            Storyboard sb = board(crowded);
            assertThat(sb.shots()).allSatisfy(s -> assertThat(s.cast()).hasSizeLessThanOrEqualTo(3));
        }

        @Test
        void sound_cues_come_from_the_words() {
            Shot s = only(scene("The wind howled and thunder rolled as a door slammed and birds fled."), "wind");
            assertThat(s.sfx()).contains("wind", "thunder", "door", "birds");
            assertThat(only(scene("He drew his sword and jumped with a splash into the sea."), "sword").sfx())
                    .contains("sword", "splash", "waves");
        }

        @Test
        void the_mood_comes_from_the_episodes_words() {
            Script sad = scene("Taro wept alone. His mother died and his grief was great. He mourned in sorrow.");
            assertThat(board(sad).mood()).isEqualTo("sad");
            Script playful = aScript().scene("Beach", "day").narration("The children laughed and danced and played a merry trick.")
                    .hook("Taro", "Shall we play again?", HookKind.PROMISE).build();
            assertThat(board(playful).mood()).isEqualTo("playful");
        }
    }

    @Nested
    class Prompts {
        private final Storyboard sb = board(urashimaEpisode());

        @Test
        void every_prompt_carries_the_style_anchor_and_ends_vertical_anime() {
            assertThat(sb.shots()).allSatisfy(s -> {
                assertThat(s.prompt()).startsWith("ghibli-watercolor style, soft light, painterly clouds.");
                assertThat(s.prompt()).endsWith("vertical 9:16, anime");
                assertThat(s.prompt()).contains("Camera: " + s.camera().wireName() + ", " + s.framing().wireName() + " shot");
            });
        }

        @Test
        void a_character_looks_the_same_in_every_prompt_they_appear_in() {
            String taro = "Taro (black hair, brown eyes, fair skin, blue fisherman's kimono, lean young man)";
            assertThat(ShotPrompt.look(BoardFixtures.TARO)).isEqualTo(taro);
            List<Shot> withTaro = sb.shots().stream()
                    .filter(s -> s.cast().stream().anyMatch(c -> c.name().equals("Taro"))).toList();
            assertThat(withTaro).hasSizeGreaterThan(3);
            assertThat(withTaro).allSatisfy(s -> assertThat(s.prompt()).contains(taro));
        }

        @Test
        void the_prompt_names_place_with_its_description_time_and_action() {
            Shot palace = story(sb).stream().filter(s -> s.place().equals("Sea Palace")).findFirst().orElseThrow();
            assertThat(palace.prompt()).contains("Place: Sea Palace, a coral palace under the sea.")
                    .contains("Time: night.").contains("Action: " + palace.action());
        }
    }
}
