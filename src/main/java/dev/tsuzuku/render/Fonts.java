package dev.tsuzuku.render;

import dev.tsuzuku.model.TsuzukuException;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.TextAttribute;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.io.IOException;
import java.io.InputStream;
import java.text.AttributedString;

/**
 * The bundled fonts, so captions and cards render the same on a bare server as on a desktop:
 * DejaVu Sans (regular, bold) for Latin and Droid Sans Fallback (Apache-2.0) for kana and CJK
 * ideographs, which has no Latin glyphs. Text is split into runs, each in the first font that has
 * its glyphs. Loaded once per process.
 */
public final class Fonts {
    private static volatile Font[] loaded;

    private Fonts() {}

    /** A layout of {@code text} at {@code size} pixels, mixing Latin and CJK fonts per run. */
    public static TextLayout layout(String text, boolean bold, float size, FontRenderContext frc) {
        String t = text == null || text.isEmpty() ? " " : text;
        Font latin = (bold ? fonts()[1] : fonts()[0]).deriveFont(size);
        Font cjk = fonts()[2].deriveFont(size);
        AttributedString s = new AttributedString(t);
        int i = 0;
        while (i < t.length()) {
            int cp = t.codePointAt(i);
            Font f = latin.canDisplay(cp) || !cjk.canDisplay(cp) ? latin : cjk;
            int j = i + java.lang.Character.charCount(cp);
            while (j < t.length()) {
                int next = t.codePointAt(j);
                Font nf = latin.canDisplay(next) || !cjk.canDisplay(next) ? latin : cjk;
                if (nf != f) {
                    break;
                }
                j += java.lang.Character.charCount(next);
            }
            s.addAttribute(TextAttribute.FONT, f, i, j);
            i = j;
        }
        return new TextLayout(s.getIterator(), frc);
    }

    /** Glyph outlines of {@code text} with the baseline's left end at (x, y). */
    public static Shape outline(String text, boolean bold, float size, FontRenderContext frc, double x, double y) {
        return layout(text, bold, size, frc).getOutline(AffineTransform.getTranslateInstance(x, y));
    }

    /** Advance width of {@code text} in pixels. */
    public static double width(String text, boolean bold, float size, FontRenderContext frc) {
        return layout(text, bold, size, frc).getAdvance();
    }

    /** Fills {@code text} in the current paint with the baseline's left end at (x, y). */
    public static void draw(Graphics2D g, String text, boolean bold, float size, double x, double y) {
        layout(text, bold, size, g.getFontRenderContext()).draw(g, (float) x, (float) y);
    }

    /** Draws {@code text} centred on {@code cx}. */
    public static void drawCentered(Graphics2D g, String text, boolean bold, float size, double cx, double y) {
        TextLayout l = layout(text, bold, size, g.getFontRenderContext());
        l.draw(g, (float) (cx - l.getAdvance() / 2), (float) y);
    }

    /** The CJK font (Droid Sans Fallback) at {@code size}. */
    public static Font cjk(float size) {
        return fonts()[2].deriveFont(size);
    }

    private static Font[] fonts() {
        Font[] f = loaded;
        if (f == null) {
            synchronized (Fonts.class) {
                if (loaded == null) {
                    loaded = new Font[] {
                        load("/fonts/DejaVuSans.ttf"), load("/fonts/DejaVuSans-Bold.ttf"), load("/fonts/DroidSansFallbackFull.ttf")};
                }
                f = loaded;
            }
        }
        return f;
    }

    private static Font load(String resource) {
        try (InputStream in = Fonts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new TsuzukuException("font " + resource + " is missing from the build; rebuild with ./mvnw package");
            }
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException | FontFormatException e) {
            throw new TsuzukuException("cannot load font " + resource + ": " + e.getMessage(), e);
        }
    }
}
