package dev.tsuzuku.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Rectangle;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.geom.RoundRectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * A burned-in caption: the speaker's name over the wrapped line in a rounded translucent box,
 * white text with a dark outline, sitting on the bottom edge of the safe zone. At most three
 * lines: long lines shrink the type first, then end in an ellipsis.
 */
final class Caption {
    static final int MAX_LINES = 3;
    private static final float[] SIZES = {56f, 50f, 44f, 40f};
    private static final float NAME_SIZE = 40f;
    private static final int PAD = 30;
    static final FontRenderContext FRC = new FontRenderContext(null, true, true);

    private Caption() {}

    /** The caption sprite for one line; {@code speaker} null means narration (no name, italic-free box). */
    static Sprite render(String speaker, int nameRgb, String text, SafeZone zone) {
        double maxText = zone.width() - 2 * 20 - 2 * PAD;
        float size = SIZES[0];
        List<String> lines = List.of();
        for (float s : SIZES) {
            size = s;
            lines = wrap(text, size, maxText);
            if (lines.size() <= MAX_LINES) {
                break;
            }
        }
        if (lines.size() > MAX_LINES) {
            List<String> cut = new ArrayList<>(lines.subList(0, MAX_LINES));
            String last = cut.get(MAX_LINES - 1);
            while (!last.isEmpty() && Fonts.width(last + "…", true, size, FRC) > maxText) {
                last = last.substring(0, last.length() - 1);
            }
            cut.set(MAX_LINES - 1, last.stripTrailing() + "…");
            lines = cut;
        }
        boolean named = speaker != null && !speaker.isBlank();
        double widest = named ? Fonts.width(speaker, true, NAME_SIZE, FRC) : 0;
        for (String l : lines) {
            widest = Math.max(widest, Fonts.width(l, true, size, FRC));
        }
        double lineH = size * 1.3;
        double nameH = named ? NAME_SIZE * 1.35 : 0;
        int boxW = (int) Math.ceil(Math.min(zone.width() - 40, widest + 2 * PAD));
        int boxH = (int) Math.ceil(2 * PAD + nameH + lines.size() * lineH - size * 0.2);
        int boxX = zone.x() + (zone.width() - boxW) / 2;
        int boxY = zone.maxY() - 30 - boxH;
        final float textSize = size;
        final List<String> finalLines = lines;
        return Sprite.paint(new Rectangle(boxX, boxY, boxW, boxH), g -> {
            RoundRectangle2D box = new RoundRectangle2D.Double(boxX + 1.5, boxY + 1.5, boxW - 3, boxH - 3, 44, 44);
            g.setColor(new Color(12, 10, 24, 165));
            g.fill(box);
            g.setColor(new Color(255, 255, 255, 70));
            g.setStroke(new BasicStroke(3f));
            g.draw(box);
            double y = boxY + PAD;
            if (named) {
                y += NAME_SIZE;
                outlined(g, speaker, true, NAME_SIZE, boxX + PAD, y, Palette.mix(nameRgb, 0xffffff, 0.45), 6f);
                y += NAME_SIZE * 0.35;
            }
            for (String l : finalLines) {
                y += textSize;
                double w = Fonts.width(l, true, textSize, FRC);
                outlined(g, l, true, textSize, boxX + (boxW - w) / 2, y, 0xffffff, 7f);
                y += textSize * 0.3;
            }
        });
    }

    static void outlined(java.awt.Graphics2D g, String text, boolean bold, float size, double x, double y, int rgb, float outline) {
        Shape glyphs = Fonts.outline(text, bold, size, FRC, x, y);
        g.setColor(new Color(0x14101e));
        g.setStroke(new BasicStroke(outline, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(glyphs);
        g.setColor(new Color(rgb));
        g.fill(glyphs);
    }

    /** Greedy wrap: Latin breaks at spaces, CJK between any two characters. */
    static List<String> wrap(String text, float size, double maxWidth) {
        List<String> lines = greedy(text, size, maxWidth);
        if (lines.size() < 2 || text.codePoints().noneMatch(Caption::cjk)) {
            return lines;
        }
        // Japanese and Chinese rows break anywhere, so a greedy fill can leave 「か。」 alone on the
        // last row: take the narrowest width that still needs no more rows, so the rows come out even
        double lo = maxWidth / 2;
        double hi = maxWidth;
        for (int i = 0; i < 12; i++) {
            double mid = (lo + hi) / 2;
            if (greedy(text, size, mid).size() <= lines.size()) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return greedy(text, size, hi);
    }

    private static List<String> greedy(String text, float size, double maxWidth) {
        List<String> tokens = new ArrayList<>();
        List<Boolean> spaced = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean pendingSpace = false;
        String t = text == null ? "" : text.strip();
        for (int i = 0; i < t.length(); ) {
            int cp = t.codePointAt(i);
            i += java.lang.Character.charCount(cp);
            if (java.lang.Character.isWhitespace(cp)) {
                if (word.length() > 0) {
                    tokens.add(word.toString());
                    spaced.add(pendingSpace);
                    word.setLength(0);
                }
                pendingSpace = true;
            } else if (cjk(cp)) {
                if (word.length() > 0) {
                    tokens.add(word.toString());
                    spaced.add(pendingSpace);
                    word.setLength(0);
                    pendingSpace = false;
                }
                tokens.add(new String(java.lang.Character.toChars(cp)));
                spaced.add(pendingSpace);
                pendingSpace = false;
            } else {
                if (word.length() == 0 && tokens.isEmpty()) {
                    pendingSpace = false;
                }
                word.appendCodePoint(cp);
            }
        }
        if (word.length() > 0) {
            tokens.add(word.toString());
            spaced.add(pendingSpace);
        }
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < tokens.size(); i++) {
            String tok = tokens.get(i);
            String candidate = line.length() == 0 ? tok : line + (spaced.get(i) ? " " : "") + tok;
            if (Fonts.width(candidate, true, size, FRC) <= maxWidth) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (line.length() > 1 && NO_LINE_START.indexOf(tok) >= 0 && tok.length() == 1) {
                // kinsoku: 、。」 never open a row; the letter before them goes down with them
                int last = line.offsetByCodePoints(line.length(), -1);
                String carried = line.substring(last);
                lines.add(line.substring(0, last));
                line.setLength(0);
                line.append(carried).append(tok);
                continue;
            }
            if (line.length() > 0) {
                lines.add(line.toString());
                line.setLength(0);
            }
            // a single token wider than the box (a long word, a URL) breaks by characters
            StringBuilder part = new StringBuilder();
            for (int k = 0; k < tok.length(); ) {
                int cp = tok.codePointAt(k);
                k += java.lang.Character.charCount(cp);
                if (part.length() > 0 && Fonts.width(part.toString() + new String(java.lang.Character.toChars(cp)), true, size, FRC) > maxWidth) {
                    lines.add(part.toString());
                    part.setLength(0);
                }
                part.appendCodePoint(cp);
            }
            line.append(part);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines.isEmpty() ? List.of("") : lines;
    }

    /** Japanese and Chinese marks that may not open a row. */
    private static final String NO_LINE_START = "、。，．！？」』）…ーっゃゅょァィゥェォッャュョ";

    private static boolean cjk(int cp) {
        java.lang.Character.UnicodeScript s = java.lang.Character.UnicodeScript.of(cp);
        return s == java.lang.Character.UnicodeScript.HAN || s == java.lang.Character.UnicodeScript.HIRAGANA
                || s == java.lang.Character.UnicodeScript.KATAKANA || s == java.lang.Character.UnicodeScript.HANGUL
                || (cp >= 0x3000 && cp <= 0x303f) || (cp >= 0xff00 && cp <= 0xffef);
    }
}
