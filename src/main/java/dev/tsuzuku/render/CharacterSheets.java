package dev.tsuzuku.render;

import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.Character;
import dev.tsuzuku.model.TsuzukuException;
import dev.tsuzuku.workspace.AtomicFiles;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Model sheets: per cast member one PNG with front, side and back turnaround, a row of
 * expressions, the name and the palette swatches with their colour names. They keep humans and
 * video providers (which take reference images) on model.
 */
public final class CharacterSheets {
    public static final int WIDTH = 2048;
    public static final int HEIGHT = 1536;
    private static final Expression[] ROW = Expression.values();

    private CharacterSheets() {}

    /** Writes {@code dir/<slug>.png} for every cast member; returns the files in cast order. */
    public static List<Path> write(Bible bible, Path dir) {
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            for (Character c : bible.cast()) {
                BufferedImage sheet = draw(CharacterModel.of(c, bible.style(), Era.of(bible.setting())), bible.title());
                ByteArrayOutputStream png = new ByteArrayOutputStream();
                ImageIO.write(sheet, "png", png);
                Path file = dir.resolve(slug(c.name()) + ".png");
                AtomicFiles.write(file, png.toByteArray());
                written.add(file);
            }
        } catch (IOException e) {
            throw new TsuzukuException("cannot write character sheets to " + dir + ": " + e.getMessage(), e);
        }
        return written;
    }

    /** One sheet as an image (white paper, turnaround on top, expressions below). */
    public static BufferedImage draw(CharacterModel model, String seriesTitle) {
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(0xfbf8f2));
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setColor(new Color(0x1e1428));
        Fonts.draw(g, model.name(), true, 64f, 60, 90);
        g.setColor(new Color(0x5a5060));
        CharacterModel.Traits t = model.traits();
        Fonts.draw(g, (seriesTitle == null ? "" : seriesTitle + " · ") + t.species().name().toLowerCase(Locale.ROOT)
                + (t.species() == Species.HUMAN ? " · " + t.hairstyle().name().toLowerCase(Locale.ROOT) + " hair" : ""), false, 30f, 60, 135);

        // turnaround: the tallest figure fills ~760 px
        double turnScale = Math.min(720 / (model.heightUnits() + 0.6), 300 / model.widthUnits());
        View[] views = {View.FRONT, View.THREE_QUARTER, View.SIDE, View.BACK};
        String[] labels = {"front", "three-quarter", "side", "back"};
        for (int i = 0; i < views.length; i++) {
            double cx = 230 + i * 330;
            double feet = 900;
            g.setColor(new Color(0xe9e2d6));
            g.fillOval((int) cx - 110, (int) feet - 14, 220, 28);
            model.draw(g, cx, feet, turnScale, views[i], Expression.NEUTRAL, 0, 0, false);
            label(g, labels[i], cx, 960);
        }
        // palette swatches
        int sx = 1440, sy = 200;
        g.setColor(new Color(0x1e1428));
        Fonts.draw(g, "palette", true, 34f, sx, sy - 20);
        for (Palette.Swatch s : model.palette().swatches()) {
            g.setColor(new Color(s.rgb()));
            g.fill(new RoundRectangle2D.Double(sx, sy, 110, 80, 18, 18));
            g.setColor(new Color(0x1e1428));
            g.setStroke(new BasicStroke(3f));
            g.draw(new RoundRectangle2D.Double(sx, sy, 110, 80, 18, 18));
            Fonts.draw(g, s.role(), true, 30f, sx + 135, sy + 34);
            g.setColor(new Color(0x5a5060));
            String hex = Palette.hex(s.rgb());
            Fonts.draw(g, s.name().equals(hex) ? hex : s.name() + "  " + hex, false, 26f, sx + 135, sy + 68);
            sy += 105;
        }
        // expressions: head-and-shoulders close-ups
        double headScale = 150;
        double rowY = 1040;
        for (int i = 0; i < ROW.length; i++) {
            double cx = 150 + i * 290;
            var head = model.headCenter();
            double feet = rowY + 190 - head.getY() * headScale;
            double x = cx - head.getX() * headScale;
            Graphics2D cell = (Graphics2D) g.create((int) cx - 140, (int) rowY - 10, 280, 420);
            cell.setColor(new Color(0xf1ece3));
            cell.fillRect(0, 0, 280, 420);
            cell.translate(-(cx - 140), -(rowY - 10));
            model.draw(cell, x, feet, headScale, View.FRONT, ROW[i], 0, ROW[i] == Expression.SURPRISED ? 0.6 : 0, false);
            cell.dispose();
            label(g, ROW[i].name().toLowerCase(Locale.ROOT), cx, rowY + 460);
        }
        g.dispose();
        return img;
    }

    private static void label(Graphics2D g, String text, double cx, double y) {
        g.setColor(new Color(0x5a5060));
        Fonts.drawCentered(g, text, false, 30f, cx, y);
    }

    /** File name for a cast member: ASCII letters and digits joined by dashes, else a stable hash. */
    public static String slug(String name) {
        String ascii = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return ascii.isEmpty() ? "cast-" + Long.toHexString(Seed.of(name) & 0xffffffffL) : ascii;
    }
}
