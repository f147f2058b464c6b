package dev.tsuzuku.board;

import static dev.tsuzuku.board.BoardFixtures.aBible;
import static dev.tsuzuku.board.BoardFixtures.aPlan;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.Hook;
import dev.tsuzuku.model.HookKind;
import dev.tsuzuku.model.Line;
import dev.tsuzuku.model.LineKind;
import dev.tsuzuku.model.Script;
import dev.tsuzuku.model.ScriptScene;
import dev.tsuzuku.model.Shot;
import dev.tsuzuku.model.ShotKind;
import dev.tsuzuku.model.ShotLine;
import dev.tsuzuku.model.Storyboard;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The opening of "Urashima Taro" from the real test book (CRLF, long paragraphs, quotes),
 * read as a screenplay: paragraphs that are one quote are Taro's dialogue, the rest is narration.
 */
class SampleBookStoryboardTest {

    private static List<String> urashimaParagraphs(int count) throws Exception {
        String book = Files.readString(Path.of("samples/japanese-fairy-tales.txt"), StandardCharsets.US_ASCII);
        int start = book.indexOf("THE STORY OF URASHIMA TARO, THE FISHER LAD.");
        List<String> paragraphs = new ArrayList<>();
        for (String p : book.substring(start).split("\r\n\r\n")) {
            String text = p.replace("\r\n", " ").trim();
            if (!text.isEmpty() && !text.startsWith("THE STORY")) {
                paragraphs.add(text);
            }
            if (paragraphs.size() == count) {
                break;
            }
        }
        return paragraphs;
    }

    private static Script scriptFrom(List<String> paragraphs) {
        List<ScriptScene> scenes = new ArrayList<>();
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < paragraphs.size(); i++) {
            String p = paragraphs.get(i);
            // a paragraph that is one quote is Taro speaking; one with "said" in it is told by the narrator
            boolean quoted = p.startsWith("\"") && p.endsWith("\"") && !p.contains(" said");
            lines.add(new Line(quoted ? LineKind.DIALOGUE : LineKind.NARRATION, quoted ? "Urashima" : "Narrator", p,
                    ShotTiming.estimate(p)));
            if (i == 4) {
                scenes.add(new ScriptScene("Beach", "dusk", lines));
                lines = new ArrayList<>();
            }
        }
        scenes.add(new ScriptScene("Beach", "night", lines));
        String last = paragraphs.get(paragraphs.size() - 1);
        return new Script(1, "The Fisher Lad", 0, scenes, new Hook(last, HookKind.TURN));
    }

    @Test
    void the_opening_of_urashima_taro_boards_into_a_valid_two_and_a_half_minute_episode() throws Exception {
        Bible bible = aBible().episodeSeconds(150).build();
        Script script = scriptFrom(urashimaParagraphs(24));
        Storyboard sb = new Storyboarder().board(script, bible,
                aPlan(1, "Look here, boys, you are treating that poor tortoise so badly that it will soon die!"), null);

        assertThat(StoryboardRules.check(sb, bible)).isEmpty();
        assertThat(sb.totalFrames() / 30.0).isBetween(120.0, 180.0);
        for (Shot s : sb.shots()) {
            for (ShotLine l : s.lines()) {
                assertThat(l.text()).doesNotContain("\r");
                if (s.kind() == ShotKind.STORY) {
                    assertThat(l.endFrame() - l.startFrame()).as(l.text()).isLessThanOrEqualTo(ShotTiming.frames(ShotTiming.MAX_SPEECH_SECONDS));
                }
            }
        }
        List<Shot> withTaro = sb.shots().stream()
                .filter(s -> s.cast().stream().anyMatch(c -> c.name().equals("Taro"))).toList();
        assertThat(withTaro).as("'Urashima' is Taro's alias").isNotEmpty();
        assertThat(withTaro).allSatisfy(s -> assertThat(s.prompt()).contains(ShotPrompt.look(BoardFixtures.TARO)));
        assertThat(sb.shots().get(sb.shots().size() - 2).sfx()).contains("stinger");
    }
}
