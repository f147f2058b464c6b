package dev.tsuzuku.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Rectangle;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class AnimaticCaptionPropertiesTest {

    @Property(tries = 40)
    void every_caption_box_lies_inside_the_safe_zone(@ForAll("lines") String text, @ForAll("speakers") String speaker) {
        Sprite caption = Caption.render(speaker.isEmpty() ? null : speaker, 0xc8283c, text, SafeZone.VERTICAL_1080);
        Rectangle box = caption.bounds();
        assertThat(SafeZone.VERTICAL_1080.contains(box)).as("%s", box).isTrue();
        assertThat(box.height).isLessThan(330);
    }

    @Provide
    Arbitrary<String> lines() {
        Arbitrary<String> latin = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz ,.!?'").ofMinLength(1).ofMaxLength(400);
        Arbitrary<String> kana = Arbitraries.strings().withCharRange('\u3041', '\u3093').ofMinLength(1).ofMaxLength(200);
        Arbitrary<String> han = Arbitraries.strings().withCharRange('\u4e00', '\u4fff').ofMinLength(1).ofMaxLength(150);
        return Arbitraries.oneOf(latin, kana, han);
    }

    @Provide
    Arbitrary<String> speakers() {
        return Arbitraries.of("", "Momotaro", "The Old Woman Who Lived By The River", "桃太郎");
    }
}
