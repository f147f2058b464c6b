package dev.tsuzuku.render;

import dev.tsuzuku.model.Shot;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The still cards of an episode: title card, end card ("つづく") and the title block of the cover. */
final class Cards {
    static final String TSUZUKU = "つづく";
    static final String TO_BE_CONTINUED = "To be continued";

    private Cards() {}

    static BufferedImage titleCard(AnimaticRenderer r, Shot shot) {
        BufferedImage img = base(r, shot, 150);
        Graphics2D g = graphics(img);
        String[] parsed = parseTitle(shot.action(), r.storyboard().episode(), r.bible().language());
        SafeZone z = r.zone();
        titleBlock(g, z, r.bible().title(), parsed[1], parsed[0], z.y() + z.height() * 0.62, false);
        g.dispose();
        return img;
    }

    static BufferedImage endCard(AnimaticRenderer r, Shot shot) {
        BufferedImage img = base(r, shot, 175);
        Graphics2D g = graphics(img);
        SafeZone z = r.zone();
        double cx = z.x() + z.width() / 2.0;
        double cy = z.y() + z.height() * 0.42;
        // speed-line burst behind the card text, the classic "next time" look
        g.setStroke(new BasicStroke(6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (int i = 0; i < 48; i++) {
            double a = i * Math.PI * 2 / 48 + 0.05 * Seed.unit(Seed.of("burst"), i);
            double r0 = 330 + 60 * Seed.unit(Seed.of("burst-r"), i);
            g.setColor(new Color(255, 230, 180, 60 + (i % 3) * 25));
            g.draw(new Line2D.Double(cx + Math.cos(a) * r0, cy + Math.sin(a) * r0, cx + Math.cos(a) * 1400, cy + Math.sin(a) * 1400));
        }
        float big = 240f;
        while (big > 120 && Fonts.width(TSUZUKU, true, big, Caption.FRC) > z.width() - 60) {
            big -= 10;
        }
        double w = Fonts.width(TSUZUKU, true, big, Caption.FRC);
        Caption.outlined(g, TSUZUKU, true, big, cx - w / 2, cy + big * 0.35, 0xfff3d6, 14f);
        double y = cy + big * 0.35 + 110;
        double tw = Fonts.width(TO_BE_CONTINUED, true, 72f, Caption.FRC);
        Caption.outlined(g, TO_BE_CONTINUED, true, 72f, cx - tw / 2, y, 0xffffff, 8f);
        y += 60;
        for (String line : endCardLines(r.storyboard().endCard())) {
            for (String wrapped : Caption.wrap(line, 48f, z.width() - 80)) {
                y += 66;
                double lw = Fonts.width(wrapped, true, 48f, Caption.FRC);
                Caption.outlined(g, wrapped, true, 48f, cx - lw / 2, y, 0xf0d78c, 6f);
            }
        }
        g.dispose();
        return img;
    }

    /** The storyboard's end-card text minus what the card already says in big type. */
    static List<String> endCardLines(String endCard) {
        List<String> out = new ArrayList<>();
        if (endCard == null) {
            return out;
        }
        for (String line : endCard.split("\\R")) {
            String l = line.replace(TSUZUKU, "").replaceAll("(?i)to be continued\\.*", "").replaceAll("^[\\s—–\\-:·]+|[\\s—–\\-:·]+$", "");
            if (!l.isBlank()) {
                out.add(l.strip());
            }
        }
        return out;
    }

    /** The small line above an episode's title, in the series' language: "EPISODE 3", 第3話, 第3集. */
    static String kicker(String language, int episode) {
        String lang = language == null ? "" : language.strip().toLowerCase(java.util.Locale.ROOT);
        if (lang.startsWith("ja")) {
            return "第" + episode + "話";
        }
        if (lang.startsWith("zh")) {
            return "第" + episode + "集";
        }
        return "EPISODE " + episode;
    }

    /** [kicker, title] from the title shot's action ("Title card: Episode 3 — The Peach Boy"). */
    static String[] parseTitle(String action, int episode, String language) {
        String kicker = kicker(language, episode);
        String a = action == null ? "" : action.strip();
        a = a.replaceFirst("(?i)^title card:\\s*", "");
        var m = java.util.regex.Pattern.compile("(?i)^episode\\s+(\\d{1,6})\\s*(?:[—–:\\-]\\s*(.*))?$").matcher(a);
        if (m.matches()) {
            kicker = kicker(language, Integer.parseInt(m.group(1)));
            a = m.group(2) == null ? "" : m.group(2).strip();
        }
        return new String[] {kicker, a.isBlank() ? "Episode " + episode : a};
    }

    /** Kicker, big wrapped title and series title; {@code anchorY} is the block's bottom (or centre). */
    static void titleBlock(Graphics2D g, SafeZone z, String series, String title, String kicker, double anchorY, boolean bottom) {
        double maxW = z.width() - 60;
        float size = 120f;
        List<String> lines = Caption.wrap(title, size, maxW);
        while (lines.size() > 3 && size > 64) {
            size -= 8;
            lines = Caption.wrap(title, size, maxW);
        }
        if (lines.size() > 3) {
            lines = new ArrayList<>(lines.subList(0, 3));
            lines.set(2, lines.get(2) + "…");
        }
        double lineH = size * 1.12;
        double blockH = 60 + lines.size() * lineH + 90;
        double top = bottom ? anchorY - blockH : anchorY - blockH / 2;
        double cx = z.x() + z.width() / 2.0;
        double kw = Fonts.width(kicker, true, 44f, Caption.FRC);
        Caption.outlined(g, kicker, true, 44f, cx - kw / 2, top + 44, 0xf0a830, 6f);
        double y = top + 60;
        for (String l : lines) {
            y += lineH;
            double w = Fonts.width(l, true, size, Caption.FRC);
            Caption.outlined(g, l, true, size, cx - w / 2, y - size * 0.12, 0xffffff, 12f);
        }
        if (series != null && !series.isBlank()) {
            String s = series.toUpperCase(Locale.ROOT);
            float ss = 46f;
            while (ss > 28 && Fonts.width(s, true, ss, Caption.FRC) > maxW) {
                ss -= 4;
            }
            double sw = Fonts.width(s, true, ss, Caption.FRC);
            Caption.outlined(g, s, true, ss, cx - sw / 2, y + 76, 0xf6c3d0, 6f);
        }
    }

    private static BufferedImage base(AnimaticRenderer r, Shot shot, int darken) {
        int w = r.width(), h = r.height();
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = graphics(img);
        if (shot.place() != null && !shot.place().isBlank()) {
            g.drawImage(r.backdrop(shot, w, h), 0, 0, null);
            g.setColor(new Color(14, 10, 34, darken));
            g.fillRect(0, 0, w, h);
        } else {
            g.setPaint(new GradientPaint(0, 0, new Color(0x3b3f8c), 0, h, new Color(0x1e1428)));
            g.fillRect(0, 0, w, h);
        }
        g.dispose();
        return img;
    }

    private static Graphics2D graphics(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        return g;
    }
}
