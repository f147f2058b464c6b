package dev.tsuzuku.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tsuzuku.model.Bible;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CharacterSheetsTest {

    @Test
    void one_png_sheet_per_cast_member_named_by_slug(@TempDir Path dir) throws Exception {
        Bible bible = Boards.momotaro();
        List<Path> files = CharacterSheets.write(bible, dir.resolve("sheets"));
        assertThat(files).extracting(p -> p.getFileName().toString())
                .containsExactly("momotaro.png", "old-woman.png", "old-man.png", "dog.png", "monkey.png", "pheasant.png");
        BufferedImage sheet = ImageIO.read(files.get(0).toFile());
        assertThat(sheet.getWidth()).isEqualTo(CharacterSheets.WIDTH).isEqualTo(2048);
        assertThat(sheet.getHeight()).isEqualTo(CharacterSheets.HEIGHT).isEqualTo(1536);
        // the first swatch is the hair colour
        int hair = CharacterModel.of(bible.cast().get(0), bible.style()).palette().hair();
        assertThat(sheet.getRGB(1440 + 55, 200 + 40) & 0xffffff).isEqualTo(hair);
        assertThat(AnimaticRendererTest.distinctColours(sheet)).isGreaterThan(100);
    }

    @Test
    void slugs_are_ascii_and_stable() {
        assertThat(CharacterSheets.slug("Old Man")).isEqualTo("old-man");
        assertThat(CharacterSheets.slug("Urashimá Tarō")).isEqualTo("urashima-taro");
        assertThat(CharacterSheets.slug("桃太郎")).startsWith("cast-").isEqualTo(CharacterSheets.slug("桃太郎"));
    }
}
