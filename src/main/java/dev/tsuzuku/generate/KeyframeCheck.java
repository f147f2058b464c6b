package dev.tsuzuku.generate;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/** A keyframe must be an image the JDK decodes, and not one flat colour. */
final class KeyframeCheck {
    private KeyframeCheck() {}

    static List<String> problems(Path file) {
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException e) {
            return List.of("it cannot be read as an image: " + e.getMessage());
        }
        if (image == null) {
            return List.of("it is not an image the JDK decodes (PNG, JPEG)");
        }
        int first = image.getRGB(0, 0);
        int stepX = Math.max(1, image.getWidth() / 16);
        int stepY = Math.max(1, image.getHeight() / 16);
        for (int y = 0; y < image.getHeight(); y += stepY) {
            for (int x = 0; x < image.getWidth(); x += stepX) {
                if (image.getRGB(x, y) != first) {
                    return List.of();
                }
            }
        }
        return List.of("it is blank (one flat colour)");
    }
}
