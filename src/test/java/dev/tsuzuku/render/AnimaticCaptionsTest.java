package dev.tsuzuku.render;

import static dev.tsuzuku.render.Boards.board;
import static dev.tsuzuku.render.Boards.momotaro;
import static dev.tsuzuku.render.Boards.shot;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.ShotKind;
import dev.tsuzuku.model.Storyboard;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnimaticCaptionsTest {
    private static final String LONG = "My dear old mother, do not worry: with these millet dumplings in my bag and the dog, "
            + "the monkey and the pheasant at my side, I will cross the sea, break down the iron gate of Ogre Island, "
            + "take back every treasure the ogres stole from the villages, and be home before the plums blossom again.";
    private static final String JAPANESE = "むかしむかし、ある所におじいさんとおばあさんが住んでいました。おじいさんは山へしば刈りに、"
            + "おばあさんは川へ洗濯に行きました。すると、川上から大きな桃がどんぶらこ、どんぶらこと流れてきました。";

    private final Bible bible = momotaro();

    @Test
    void the_safe_zone_keeps_clear_of_the_top_8_bottom_20_and_right_12_percent() {
        SafeZone z = SafeZone.VERTICAL_1080;
        assertThat(z.y()).isEqualTo(154);
        assertThat(z.maxY()).isEqualTo(1536);
        assertThat(z.maxX()).isEqualTo(950);
        assertThat(z.x()).isGreaterThanOrEqualTo(0);
        assertThat(SafeZone.of(1080, 1920)).isEqualTo(z);
    }

    @Test
    void captions_of_any_length_and_script_stay_inside_the_safe_zone() {
        for (String text : List.of("Go!", "Who goes there?", LONG, JAPANESE, "Supercalifragilisticexpialidocious".repeat(6))) {
            Storyboard sb = board(shot(1).with("Momotaro", "neutral", "center").line("Momotaro", text, 0, 90).build());
            Rectangle box = new AnimaticRenderer(bible, sb).captionBounds(1, 10).orElseThrow();
            assertThat(SafeZone.VERTICAL_1080.contains(box)).as("%s for %.20s…", box, text).isTrue();
            assertThat(box.height).as("at most three lines plus the name").isLessThan(330);
        }
    }

    @Test
    void a_caption_paints_only_inside_its_box() {
        Storyboard quiet = board(shot(1).with("Momotaro", "neutral", "center").build());
        Storyboard talking = board(shot(1).with("Momotaro", "neutral", "center").line(null, LONG, 0, 90).build());
        BufferedImage a = new BufferedImage(1080, 1920, BufferedImage.TYPE_3BYTE_BGR);
        BufferedImage b = new BufferedImage(1080, 1920, BufferedImage.TYPE_3BYTE_BGR);
        // frame 32: past the entrance and between mouth flaps of nobody (narration)
        new AnimaticRenderer(bible, quiet).shot(1).render(32, a);
        AnimaticRenderer r = new AnimaticRenderer(bible, talking);
        r.shot(1).render(32, b);
        Rectangle changed = AnimaticRendererTest.diff(a, b);
        Rectangle box = r.captionBounds(1, 32).orElseThrow();
        assertThat(changed).isNotNull();
        assertThat(box.contains(changed)).as("changed %s inside caption %s", changed, box).isTrue();
        assertThat(r.captionBounds(1, 95 - 6)).isPresent();
    }

    @Test
    void long_lines_wrap_to_at_most_three_lines_and_japanese_wraps_without_spaces() {
        List<String> lines = Caption.wrap(JAPANESE, 56f, 800);
        assertThat(lines.size()).isGreaterThan(1);
        assertThat(String.join("", lines)).isEqualTo(JAPANESE);
        for (String l : Caption.wrap(LONG, 56f, 800)) {
            assertThat(Fonts.width(l, true, 56f, Caption.FRC)).isLessThanOrEqualTo(800);
        }
        assertThat(String.join(" ", Caption.wrap("one two three", 56f, 800))).isEqualTo("one two three");
    }

    @Test
    void a_japanese_stop_or_comma_never_opens_a_caption_row() {
        for (int n = 8; n < 30; n++) {
            String text = "あ".repeat(n) + "。" + "い".repeat(12) + "、うえお。";
            List<String> rows = Caption.wrap(text, 56f, 800);
            assertThat(String.join("", rows)).isEqualTo(text);
            assertThat(rows).as("%d letters", n).noneMatch(r -> r.startsWith("。") || r.startsWith("、"));
        }
    }

    @Test
    void japanese_caption_rows_come_out_even_not_with_one_letter_left_alone() {
        for (int n = 10; n < 40; n++) {
            String text = "まさか、あの鈴のせいだろう".repeat(3).substring(0, n) + "か。";
            List<String> rows = Caption.wrap(text, 56f, 800);
            assertThat(String.join("", rows)).isEqualTo(text);
            assertThat(rows).allSatisfy(r -> assertThat(Fonts.width(r, true, 56f, Caption.FRC)).isLessThanOrEqualTo(800));
            if (rows.size() > 1) {
                int first = rows.get(0).length();
                int last = rows.get(rows.size() - 1).length();
                assertThat(last).as("%d letters: %s", n, rows).isGreaterThanOrEqualTo(first / 2);
            }
        }
    }

    @Test
    void no_caption_when_no_line_is_on_and_none_on_cards() {
        Storyboard sb = board(shot(1).line("Momotaro", "Hello", 30, 60).build(),
                shot(2).kind(ShotKind.END_CARD).build());
        AnimaticRenderer r = new AnimaticRenderer(bible, sb);
        assertThat(r.captionBounds(1, 29)).isEmpty();
        assertThat(r.captionBounds(1, 30)).isPresent();
        assertThat(r.captionBounds(1, 60)).isEmpty();
        assertThat(r.captionBounds(2, 10)).isEmpty();
    }
}
