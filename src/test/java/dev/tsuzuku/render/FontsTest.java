package dev.tsuzuku.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class FontsTest {

    private static int inked(String text) {
        BufferedImage img = new BufferedImage(900, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 900, 200);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        Fonts.draw(g, text, false, 80f, 20, 130);
        g.dispose();
        int dark = 0;
        for (int y = 0; y < 200; y++) {
            for (int x = 0; x < 900; x++) {
                if ((img.getRGB(x, y) & 0xff) < 100) {
                    dark++;
                }
            }
        }
        return dark;
    }

    @Test
    void japanese_and_chinese_render_as_glyphs_not_boxes() {
        assertThat(Fonts.cjk(40f).canDisplayUpTo("つづく桃太郎继续")).isEqualTo(-1);
        int kana = inked("つづく");
        int kanji = inked("桃太郎");
        assertThat(kana).isGreaterThan(1500);
        assertThat(kanji).isGreaterThan(1500);
        // a missing glyph draws the same box for every character; real glyphs differ
        assertThat(kana).isNotEqualTo(kanji);
    }

    @Test
    void latin_and_cjk_mix_in_one_line() {
        int mixed = inked("Momo 桃");
        assertThat(mixed).isGreaterThan(inked("Momo")).isGreaterThan(inked("桃"));
    }
}
