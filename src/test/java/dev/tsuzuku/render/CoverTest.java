package dev.tsuzuku.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoverTest {
    @TempDir
    Path dir;

    /** Blue sky, a red face band around 40% of the height, green ground. */
    private static BufferedImage picture(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.BLUE);
        g.fillRect(0, 0, w, h);
        g.setColor(Color.RED);
        g.fillRect(0, (int) (h * 0.30), w, (int) (h * 0.20));
        g.setColor(Color.GREEN);
        g.fillRect(0, (int) (h * 0.75), w, h);
        g.dispose();
        return img;
    }

    @Test
    void the_cover_is_a_1080x1920_jpeg_and_the_thumb_a_720_square_centred_on_the_face_band() throws Exception {
        Cover.write(picture(1080, 1920), dir.resolve("cover.jpg"), dir.resolve("thumb.jpg"));

        BufferedImage cover = ImageIO.read(dir.resolve("cover.jpg").toFile());
        BufferedImage thumb = ImageIO.read(dir.resolve("thumb.jpg").toFile());
        assertThat(cover.getWidth()).isEqualTo(1080);
        assertThat(cover.getHeight()).isEqualTo(1920);
        assertThat(thumb.getWidth()).isEqualTo(720);
        assertThat(thumb.getHeight()).isEqualTo(720);
        assertThat(new Color(thumb.getRGB(360, 360)).getRed()).isGreaterThan(200); // the face band is in the middle
        assertThat(new Color(thumb.getRGB(360, 5)).getBlue()).isGreaterThan(200); // sky above it
        assertThat(new Color(thumb.getRGB(360, 715)).getGreen()).isLessThan(100); // the ground is cropped away
        assertThat(dir.toFile().list()).containsExactlyInAnyOrder("cover.jpg", "thumb.jpg");
    }

    @Test
    void a_picture_of_another_size_fills_the_cover_without_bars() throws Exception {
        Cover.write(picture(540, 540), dir.resolve("cover.jpg"), dir.resolve("thumb.jpg"));

        BufferedImage cover = ImageIO.read(dir.resolve("cover.jpg").toFile());
        assertThat(cover.getWidth()).isEqualTo(1080);
        assertThat(cover.getHeight()).isEqualTo(1920);
        assertThat(new Color(cover.getRGB(2, 2)).getBlue()).isGreaterThan(200);
        assertThat(new Color(cover.getRGB(1077, 1917)).getGreen()).isGreaterThan(200);
    }
}
