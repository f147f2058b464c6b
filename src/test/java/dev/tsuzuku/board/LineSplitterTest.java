package dev.tsuzuku.board;

import static dev.tsuzuku.board.BoardFixtures.aBible;
import static dev.tsuzuku.board.BoardFixtures.aPlan;
import static dev.tsuzuku.board.BoardFixtures.aScript;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.HookKind;
import dev.tsuzuku.model.Line;
import dev.tsuzuku.model.LineKind;
import dev.tsuzuku.model.Script;
import dev.tsuzuku.model.Shot;
import dev.tsuzuku.model.ShotKind;
import dev.tsuzuku.model.ShotLine;
import dev.tsuzuku.model.Storyboard;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The line splitter: speech longer than a shot holds is cut at the best break in reach. */
class LineSplitterTest {
    private static final ZonedDateTime NEXT_DROP =
            ZonedDateTime.of(LocalDateTime.of(2026, 11, 26, 18, 0), ZoneId.of("Asia/Tokyo"));
    private final Bible bible = aBible().episodeSeconds(60).build();

    private Storyboard board(Script script) {
        return new Storyboarder().board(script, bible, aPlan(script.episode(), "Stay with me here, and you will never grow old."), NEXT_DROP);
    }

    private static List<Shot> story(Storyboard sb) {
        return sb.shots().stream().filter(s -> s.kind() == ShotKind.STORY).toList();
    }

    @Test
    void speech_that_fits_one_shot_stays_one_piece_with_its_line_number() {
        List<LineSplitter.Piece> pieces = LineSplitter.split(new Line(LineKind.DIALOGUE, "Taro", "  Who   are you?  ", 1.5), 7);
        assertThat(pieces).containsExactly(new LineSplitter.Piece(LineKind.DIALOGUE, "Taro", "Who are you?", 1.5, 7));
    }

    @Test
    void a_clause_break_beats_a_word_break_and_an_abbreviation_is_not_a_sentence_end() {
        String text = "Mr. Tanaka walked all the way to the old shrine, and there he waited for the fox who never came back again";
        List<LineSplitter.Piece> pieces = LineSplitter.split(new Line(LineKind.NARRATION, null, text, 8.0), 3);
        assertThat(pieces).extracting(LineSplitter.Piece::text).containsExactly(
                "Mr. Tanaka walked all the way to the old shrine,", "and there he waited for the fox who never came back again");
        assertThat(pieces).extracting(LineSplitter.Piece::lineId).containsOnly(3);
    }

    @Test
    void long_japanese_speech_breaks_at_a_stop_or_a_comma_and_is_joined_without_spaces() {
        String text = "山道は思ったよりも険しく、二日目の昼には深い霧が森を包みました。霧の中から、背の高い男が現れました。";
        List<LineSplitter.Piece> pieces = LineSplitter.split(new Line(LineKind.NARRATION, null, text, 9.0), 2);

        assertThat(pieces).extracting(LineSplitter.Piece::text).containsExactly(
                "山道は思ったよりも険しく、", "二日目の昼には深い霧が森を包みました。", "霧の中から、背の高い男が現れました。");
    }

    @Test
    void long_narration_is_split_across_shots_at_sentence_boundaries() {
        String tale = "Long ago there lived a fisherman by the sea. Every morning he rowed out past the rocks. "
                + "He caught fish for his old mother and father. They loved him dearly and waited for him each night.";
        Script script = aScript().scene("Beach", "dawn").narration(tale)
                .hook("Taro", "Who is there?", HookKind.QUESTION).build();
        List<Shot> shots = story(board(script));
        assertThat(shots).hasSizeGreaterThan(1);
        assertThat(shots).allSatisfy(s -> assertThat(s.lines()).allSatisfy(l ->
                assertThat(l.endFrame() - l.startFrame()).isLessThanOrEqualTo(ShotTiming.frames(ShotTiming.MAX_SPEECH_SECONDS))));
        String rejoined = shots.stream().flatMap(s -> s.lines().stream()).map(ShotLine::text)
                .collect(Collectors.joining(" "));
        assertThat(rejoined).isEqualTo(tale);
        assertThat(shots.get(0).lines().get(0).text()).endsWith(".");
    }

    @Test
    void speech_without_punctuation_is_split_into_equal_pieces() {
        String words = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen";
        List<LineSplitter.Piece> pieces = LineSplitter.split(new Line(LineKind.NARRATION, null, words, 8.0), 0);
        assertThat(pieces).extracting(LineSplitter.Piece::text).containsExactly(
                "one two three four five six seven eight", "nine ten eleven twelve thirteen fourteen fifteen sixteen");
        assertThat(pieces).extracting(LineSplitter.Piece::seconds).containsExactly(4.0, 4.0);
    }
}
