package dev.tsuzuku.render;

import dev.tsuzuku.model.Storyboard;
import dev.tsuzuku.process.RunFiles;
import dev.tsuzuku.workspace.AtomicFiles;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * The episode's 9:16 cover (a JPEG the size of the vertical master) and its square thumbnail for grids, cut from the
 * cover where the animatic draws faces (the upper-middle band of the frame).
 */
public final class Cover {
    public static final int THUMB = 720;
    /** Centre of the thumbnail crop, as a fraction of the cover's height: where heads sit. */
    static final double FACE_CENTRE = 0.40;
    private static final float QUALITY = 0.9f;

    private Cover() {}

    /** Writes {@code cover.jpg} and {@code thumb.jpg} from a cover picture of any size. */
    public static void write(BufferedImage picture, Path coverJpg, Path thumbJpg) {
        BufferedImage cover = scaled(picture, Storyboard.MASTER_WIDTH, Storyboard.MASTER_HEIGHT);
        jpeg(cover, coverJpg);
        jpeg(thumb(cover), thumbJpg);
    }

    /** The square around the face area, scaled to {@value #THUMB}×{@value #THUMB}. */
    static BufferedImage thumb(BufferedImage cover) {
        int side = Math.min(cover.getWidth(), cover.getHeight());
        int x = (cover.getWidth() - side) / 2;
        int y = (int) Math.round(cover.getHeight() * FACE_CENTRE - side / 2.0);
        y = Math.max(0, Math.min(cover.getHeight() - side, y));
        return scaled(cover.getSubimage(x, y, side, side), THUMB, THUMB);
    }

    private static BufferedImage scaled(BufferedImage src, int w, int h) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            // cover-fit: fill the target, cropping whatever overhangs, never letterboxing
            double scale = Math.max((double) w / src.getWidth(), (double) h / src.getHeight());
            int sw = (int) Math.ceil(src.getWidth() * scale);
            int sh = (int) Math.ceil(src.getHeight() * scale);
            g.drawImage(src, (w - sw) / 2, (h - sh) / 2, sw, sh, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    static void jpeg(BufferedImage image, Path target) {
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            Path tmp = RunFiles.temp(target.toAbsolutePath(), ".tmp");
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            try (ImageOutputStream out = ImageIO.createImageOutputStream(tmp.toFile())) {
                writer.setOutput(out);
                ImageWriteParam p = writer.getDefaultWriteParam();
                p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                p.setCompressionQuality(QUALITY);
                writer.write(null, new IIOImage(image, null, null), p);
            } finally {
                writer.dispose();
            }
            AtomicFiles.move(tmp, target);
        } catch (IOException e) {
            throw AtomicFiles.cannotWrite(target, e);
        }
    }
}
