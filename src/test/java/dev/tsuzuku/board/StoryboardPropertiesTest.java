package dev.tsuzuku.board;

import static dev.tsuzuku.board.BoardFixtures.aBible;
import static dev.tsuzuku.board.BoardFixtures.aPlan;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tsuzuku.model.BadInputException;
import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.Hook;
import dev.tsuzuku.model.HookKind;
import dev.tsuzuku.model.Line;
import dev.tsuzuku.model.LineKind;
import dev.tsuzuku.model.Script;
import dev.tsuzuku.model.ScriptScene;
import dev.tsuzuku.model.Shot;
import dev.tsuzuku.model.ShotKind;
import dev.tsuzuku.model.Storyboard;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Whatever the script, the storyboard keeps the timing contract, and so does every retime of it. */
class StoryboardPropertiesTest {
    private static final List<String> WORDS = List.of("Taro", "the", "turtle", "ran", "wept", "sea", "door",
            "Otohime", "laughed", "and", "demon", "palace", "afraid", "at", "last", "wind", "quietly", "gold.", "why?",
            "then,", "she", "said;", "box");

    @Provide
    Arbitrary<Line> lines() {
        Arbitrary<String> text = Arbitraries.of(WORDS).list().ofMinSize(1).ofMaxSize(40).map(w -> String.join(" ", w));
        Arbitrary<LineKind> kind = Arbitraries.of(LineKind.class);
        Arbitrary<String> speaker = Arbitraries.of("Taro", "Otohime", "Turtle", "Narrator", "Stranger");
        Arbitrary<Double> seconds = Arbitraries.doubles().between(0.2, 14.0).ofScale(2);
        return Combinators.combine(kind, speaker, text, seconds).as((k, s, t, sec) ->
                new Line(k, k == LineKind.ACTION ? null : s, t, sec));
    }

    @Provide
    Arbitrary<Script> scripts() {
        Arbitrary<ScriptScene> scene = Combinators.combine(
                Arbitraries.of("Beach", "Sea Palace", "Village"), Arbitraries.of("day", "night", "dawn"),
                lines().list().ofMinSize(1).ofMaxSize(12)).as(ScriptScene::new);
        return Combinators.combine(scene.list().ofMinSize(1).ofMaxSize(5), Arbitraries.of(HookKind.class))
                .as((scenes, kind) -> new Script(1, "Random", 0, scenes, new Hook("What now?", kind)));
    }

    @Property(tries = 60)
    void every_storyboard_keeps_the_timing_contract(@ForAll("scripts") Script script,
                                                    @ForAll @IntRange(min = 60, max = 180) int episodeSeconds) {
        Bible bible = aBible().episodeSeconds(episodeSeconds).build();
        Storyboard sb;
        try {
            sb = new Storyboarder().board(script, bible, aPlan(1, "A wave rose over the palace."), null);
        } catch (BadInputException tooMuchDialogue) {
            assertThat(tooMuchDialogue.getMessage()).contains("script.json").contains("at most");
            net.jqwik.api.statistics.Statistics.label("outcome").collect("too much dialogue");
            return;
        }
        net.jqwik.api.statistics.Statistics.label("outcome").collect("boarded");
        assertThat(StoryboardRules.check(sb, bible)).isEmpty();
        List<ScriptScene> scenes = script.scenes();
        List<String> places = new ArrayList<>();
        scenes.forEach(s -> places.add(s.place() + "/" + s.timeOfDay()));
        for (Shot s : sb.shots()) {
            if (s.kind() == ShotKind.STORY) {
                assertThat(places).contains(s.place() + "/" + s.timeOfDay());
                assertThat(s.lines()).hasSizeLessThanOrEqualTo(2);
            }
        }
    }

    @Property(tries = 60)
    void every_retime_keeps_the_timing_contract(@ForAll("scripts") Script script,
                                                @ForAll @IntRange(min = 1, max = 900) int percent) {
        Bible bible = aBible().episodeSeconds(180).build();
        Storyboard sb;
        try {
            sb = new Storyboarder().board(script, bible, aPlan(1, "A wave rose over the palace."), null);
        } catch (BadInputException tooMuchDialogue) {
            return;
        }
        Storyboard retimed = new Storyboarder().retime(sb, l -> (l.endFrame() - l.startFrame()) / 30.0 * percent / 100.0);
        assertThat(StoryboardRules.check(retimed)).isEmpty();
    }
}
