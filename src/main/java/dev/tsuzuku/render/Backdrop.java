package dev.tsuzuku.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.util.Locale;

/**
 * A procedural painted background for a place at a time of day. Everything is chosen from words
 * in the place name and description (sea, mountain, bamboo, village, palace…) and seeded by the
 * place name, so the same place always looks the same and different places differ. The
 * {@link Era} decides the architecture: the Japanese period sets (shoji, tiled roofs) are the
 * default; western period and modern sets are drawn by {@link PeriodSets}.
 */
public record Backdrop(String place, boolean interior, String words, Light light, double pastel, Era era) {

    /** Time of day as the painter needs it. */
    public enum Light {
        DAY, DAWN, DUSK, NIGHT;

        public static Light parse(String timeOfDay) {
            String t = timeOfDay == null ? "" : timeOfDay.toLowerCase(Locale.ROOT);
            if (t.contains("night") || t.contains("midnight") || t.contains("moon")) {
                return NIGHT;
            }
            if (t.contains("dawn") || t.contains("morning") || t.contains("sunrise")) {
                return DAWN;
            }
            if (t.contains("dusk") || t.contains("evening") || t.contains("sunset") || t.contains("twilight")) {
                return DUSK;
            }
            return DAY;
        }
    }

    /**
     * What the painter should see in a Japanese or Chinese place name or description: the English
     * word its sets answer to (山寺 draws a temple, 森 a forest).
     */
    private static final String[][] CJK_WORDS = {
        {"寺", "temple"}, {"堂", "temple"}, {"庙", "temple"}, {"祠", "shrine"}, {"社", "shrine"}, {"鳥居", "shrine"},
        {"竜宮", "dragon palace"}, {"宮", "palace"}, {"宫", "palace"}, {"殿", "palace"}, {"城", "castle"},
        {"森", "forest"}, {"林", "forest"}, {"竹", "bamboo"}, {"松", "pine"}, {"木", "tree"}, {"树", "tree"},
        {"山", "mountain"}, {"峠", "mountain"}, {"頂", "peak"}, {"顶", "peak"}, {"丘", "hill"},
        {"村", "village"}, {"镇", "village"}, {"町", "town"}, {"市", "market"},
        {"海", "sea"}, {"浜", "beach"}, {"港", "harbor"}, {"島", "island"}, {"岛", "island"},
        {"川", "river"}, {"河", "river"}, {"江", "river"}, {"小川", "stream"}, {"道", "road"}, {"路", "road"},
        {"橋", "bridge"}, {"桥", "bridge"}, {"畑", "field"}, {"田", "rice field"}, {"野", "meadow"}, {"庭", "garden"},
        {"园", "garden"}, {"家", "house"}, {"屋", "house"}, {"小屋", "hut"}, {"宿", "inn"}, {"客栈", "inn"},
        {"雪", "snow"}, {"冬", "winter"}, {"鬼", "oni"}};

    private static final String[] INTERIOR_WORDS = {"room", "house", "hut", "hall", "inside", "interior", "kitchen", "chamber", "cottage", "home", "inn", "cave"};

    /** A backdrop for a place; {@code kind} ("interior"/"exterior") wins over guessing from words. */
    public static Backdrop of(String place, String kind, String description, String timeOfDay, double pastel) {
        return of(place, kind, description, timeOfDay, pastel, Era.JAPANESE_PERIOD);
    }

    /** As {@link #of(String, String, String, String, double)}, with the sets of {@code era}. */
    public static Backdrop of(String place, String kind, String description, String timeOfDay, double pastel, Era era) {
        String name = place == null ? "" : place;
        String words = (name + " " + (description == null ? "" : description)).toLowerCase(Locale.ROOT);
        words = words + cjkWords(words);
        boolean interior;
        if (kind != null && !kind.isBlank()) {
            interior = kind.trim().equalsIgnoreCase("interior");
        } else {
            interior = false;
            for (String w : INTERIOR_WORDS) {
                if (name.toLowerCase(Locale.ROOT).contains(w)) {
                    interior = true;
                }
            }
        }
        return new Backdrop(name, interior, words, Light.parse(timeOfDay), pastel, era == null ? Era.JAPANESE_PERIOD : era);
    }

    /** The English words of the Japanese or Chinese ones in {@code text}, each after a space. */
    static String cjkWords(String text) {
        StringBuilder out = new StringBuilder();
        for (String[] w : CJK_WORDS) {
            if (text.contains(w[0])) {
                out.append(' ').append(w[1]);
            }
        }
        return out.toString();
    }

    boolean has(String... any) {
        for (String a : any) {
            if (words.contains(a)) {
                return true;
            }
        }
        return false;
    }

    /** Paints the backdrop over the whole {@code w}×{@code h} area of {@code g}. */
    public void paint(Graphics2D g, int w, int h) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        long seed = Seed.of("place", place.toLowerCase(Locale.ROOT));
        if (interior && era != Era.JAPANESE_PERIOD) {
            new PeriodSets(this, g, seed).interior(w, h);
        } else if (interior) {
            interior(g, w, h, seed);
        } else {
            exterior(g, w, h, seed);
        }
        switch (light) {
            case NIGHT -> tint(g, w, h, 0x0b1540, 70);
            case DUSK -> tint(g, w, h, 0xe0603a, 34);
            case DAWN -> tint(g, w, h, 0xf49ab0, 22);
            default -> { }
        }
        if (pastel > 0) {
            tint(g, w, h, 0xffffff, (int) (pastel * 200));
        }
    }

    private void exterior(Graphics2D g, int w, int h, long seed) {
        boolean skyOnly = has("sky", "heaven", "cloud") && !has("mountain", "village", "sea", "forest");
        double horizon = h * (has("mountain", "peak") ? 0.6 : 0.56);
        sky(g, w, h, horizon, seed);
        if (skyOnly) {
            for (int i = 0; i < 7; i++) {
                cloud(g, w * Seed.unit(seed, 40 + i), h * (0.55 + 0.4 * Seed.unit(seed, 50 + i)), w * (0.3 + 0.2 * Seed.unit(seed, 60 + i)), 0.95);
            }
            return;
        }
        if (has("mountain", "peak", "hill", "oni", "island")) {
            mountains(g, w, horizon, seed);
        }
        if (era == Era.MODERN) {
            new PeriodSets(this, g, seed).skyline(w, horizon);
        }
        int groundTop = (int) horizon;
        if (has("sea", "shore", "ocean", "beach", "coast", "bay", "harbour", "harbor", "dragon palace", "island")) {
            sea(g, w, h, horizon, seed);
        } else {
            int grass = light == Light.NIGHT ? 0x2c4a3a : 0x7fbf6a;
            if (has("snow", "winter")) {
                grass = 0xeef2f8;
            } else if (has("road", "path", "market", "street")) {
                grass = 0xc8b48a;
            }
            g.setPaint(new GradientPaint(0, groundTop, new Color(Palette.mix(grass, skyBottom(), 0.35)), 0, h, new Color(Palette.shadow(grass, 0.8))));
            g.fillRect(0, groundTop, w, h - groundTop);
            if (has("river", "stream", "brook")) {
                river(g, w, h, horizon, seed);
            }
            if (has("field", "meadow", "garden", "rice", "farm")) {
                for (int i = 0; i < 60; i++) {
                    double x = w * Seed.unit(seed, 300 + i), y = horizon + (h - horizon) * Seed.unit(seed, 400 + i);
                    double r = 4 + 10 * (y - horizon) / (h - horizon);
                    g.setColor(new Color(i % 3 == 0 ? 0xf6c3d0 : i % 3 == 1 ? 0xfaf0d2 : 0xf5d742));
                    g.fill(new Ellipse2D.Double(x, y, r, r));
                }
            }
        }
        if (era != Era.JAPANESE_PERIOD) {
            new PeriodSets(this, g, seed).buildings(w, horizon);
        } else {
            if (has("village", "house", "hut", "cottage", "farm", "town", "home", "inn")) {
                houses(g, w, horizon, seed);
            }
            if (has("palace", "castle", "temple", "shrine")) {
                palace(g, w, horizon, seed, has("shrine") && !has("palace", "castle"));
            }
        }
        if (has("bamboo")) {
            bamboo(g, w, h, seed);
        } else if (has("forest", "wood", "grove", "tree", "orchard", "pine")) {
            forest(g, w, h, horizon, seed);
        }
        if (era != Era.JAPANESE_PERIOD) {
            new PeriodSets(this, g, seed).lamps(w, h);
        }
    }

    int skyTop() {
        return switch (light) {
            case DAY -> 0x4f9de0;
            case DAWN -> 0x6a7bc0;
            case DUSK -> 0x3b3f8c;
            case NIGHT -> 0x070b24;
        };
    }

    int skyBottom() {
        return switch (light) {
            case DAY -> 0xd4ecf8;
            case DAWN -> 0xfbd2a8;
            case DUSK -> 0xf5a05a;
            case NIGHT -> 0x2a3468;
        };
    }

    private void sky(Graphics2D g, int w, int h, double horizon, long seed) {
        g.setPaint(new GradientPaint(0, 0, new Color(skyTop()), 0, (float) horizon, new Color(skyBottom())));
        g.fillRect(0, 0, w, (int) horizon + 2);
        if (light == Light.NIGHT) {
            for (int i = 0; i < 140; i++) {
                double x = w * Seed.unit(seed, i), y = horizon * 0.95 * Seed.unit(seed, 1000 + i);
                double r = 1.5 + 3.5 * Seed.unit(seed, 2000 + i);
                g.setColor(new Color(255, 255, 240, 120 + (int) (135 * Seed.unit(seed, 3000 + i))));
                g.fill(new Ellipse2D.Double(x, y, r, r));
            }
            double mx = w * (0.2 + 0.6 * Seed.unit(seed, 5)), my = horizon * 0.22;
            g.setPaint(new RadialGradientPaint((float) mx, (float) my, 200f, new float[] {0f, 1f},
                    new Color[] {new Color(255, 250, 220, 90), new Color(255, 250, 220, 0)}));
            g.fill(new Ellipse2D.Double(mx - 200, my - 200, 400, 400));
            g.setColor(new Color(0xfdf6d8));
            g.fill(new Ellipse2D.Double(mx - 60, my - 60, 120, 120));
        } else if (light != Light.DAY) {
            double sx = w * (0.25 + 0.5 * Seed.unit(seed, 6)), sy = horizon - 60;
            g.setPaint(new RadialGradientPaint((float) sx, (float) sy, 320f, new float[] {0f, 1f},
                    new Color[] {new Color(255, 230, 170, 160), new Color(255, 200, 150, 0)}));
            g.fill(new Ellipse2D.Double(sx - 320, sy - 320, 640, 640));
            g.setColor(new Color(0xfff1c8));
            g.fill(new Ellipse2D.Double(sx - 80, sy - 80, 160, 160));
        }
        int clouds = light == Light.NIGHT ? 2 : 4;
        for (int i = 0; i < clouds; i++) {
            cloud(g, w * Seed.unit(seed, 10 + i), horizon * (0.12 + 0.6 * Seed.unit(seed, 20 + i)), w * (0.22 + 0.18 * Seed.unit(seed, 30 + i)),
                    light == Light.NIGHT ? 0.25 : 0.85);
        }
    }

    private void cloud(Graphics2D g, double x, double y, double width, double opacity) {
        int base = light == Light.DUSK ? 0xfbd0c0 : light == Light.DAWN ? 0xfde4e4 : 0xffffff;
        Color c = new Color((base >> 16) & 0xff, (base >> 8) & 0xff, base & 0xff, (int) (255 * opacity));
        Color shade = new Color(Palette.mix(base, skyTop(), 0.25) | ((int) (255 * opacity) << 24), true);
        double r = width / 4;
        g.setColor(shade);
        g.fill(new RoundRectangle2D.Double(x - width / 2, y - r * 0.2, width, r * 0.9, r, r));
        g.setColor(c);
        g.fill(new Ellipse2D.Double(x - width / 2 + r * 0.2, y - r * 0.9, r * 1.6, r * 1.4));
        g.fill(new Ellipse2D.Double(x - r * 0.6, y - r * 1.4, r * 1.8, r * 1.8));
        g.fill(new Ellipse2D.Double(x + r * 0.5, y - r * 0.9, r * 1.4, r * 1.2));
        g.fill(new RoundRectangle2D.Double(x - width / 2 + r * 0.1, y - r * 0.4, width - r * 0.2, r * 0.8, r * 0.8, r * 0.8));
    }

    private void mountains(Graphics2D g, int w, double horizon, long seed) {
        for (int layer = 0; layer < 3; layer++) {
            int rock = Palette.mix(layer == 0 ? 0x5a6478 : layer == 1 ? 0x4d6a58 : 0x3c5a44, skyBottom(), 0.55 - layer * 0.2);
            Path2D p = new Path2D.Double();
            double base = horizon + layer * 30;
            p.moveTo(0, base);
            int peaks = 2 + layer;
            for (int i = 0; i <= peaks; i++) {
                double px = w * (i + 0.5 * Seed.unit(seed, 100 + layer * 10 + i)) / peaks;
                double py = base - (0.18 + 0.22 * Seed.unit(seed, 200 + layer * 10 + i)) * horizon * (1 - layer * 0.25);
                p.lineTo(px - 60, py + 40);
                p.lineTo(px, py);
                p.lineTo(px + 70, py + 50);
            }
            p.lineTo(w, base);
            p.closePath();
            g.setColor(new Color(rock));
            g.fill(p);
            if (layer == 0) {
                g.setColor(new Color(255, 255, 255, 150));
                g.setStroke(new BasicStroke(14f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.draw(p);
            }
        }
    }

    private void sea(Graphics2D g, int w, int h, double horizon, long seed) {
        int top = light == Light.NIGHT ? 0x1c2a5a : light == Light.DUSK ? 0x4a5a9a : 0x3f8fd0;
        int bottom = light == Light.NIGHT ? 0x0b1533 : 0x1f5a9a;
        double shore = h * 0.76;
        g.setPaint(new GradientPaint(0, (float) horizon, new Color(top), 0, (float) shore, new Color(bottom)));
        g.fill(new Rectangle2D.Double(0, horizon, w, h - horizon));
        g.setStroke(new BasicStroke(5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (int i = 0; i < 26; i++) {
            double y = horizon + (shore - horizon) * Seed.unit(seed, 500 + i);
            double x = w * Seed.unit(seed, 600 + i);
            double len = 40 + 120 * (y - horizon) / (shore - horizon);
            g.setColor(new Color(255, 255, 255, 110 + (int) (80 * Seed.unit(seed, 700 + i))));
            Path2D wave = new Path2D.Double();
            wave.moveTo(x - len, y);
            wave.quadTo(x - len / 2, y - len * 0.12, x, y);
            wave.quadTo(x + len / 2, y - len * 0.12, x + len, y);
            g.draw(wave);
        }
        Path2D sand = new Path2D.Double();
        sand.moveTo(0, shore + 20);
        for (int i = 0; i <= 6; i++) {
            sand.lineTo(w * i / 6.0, shore + 30 * Seed.unit(seed, 800 + i));
        }
        sand.lineTo(w, h);
        sand.lineTo(0, h);
        sand.closePath();
        int sandRgb = light == Light.NIGHT ? 0x8a7e66 : 0xe8d4a8;
        g.setColor(new Color(sandRgb));
        g.fill(sand);
        g.setColor(new Color(255, 255, 255, 170));
        g.setStroke(new BasicStroke(10f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new Line2D.Double(0, shore + 12, w, shore + 4));
    }

    private void river(Graphics2D g, int w, int h, double horizon, long seed) {
        double x0 = w * (0.3 + 0.4 * Seed.unit(seed, 900));
        Path2D r = new Path2D.Double();
        r.moveTo(x0 - 10, horizon);
        r.curveTo(x0 - 300, horizon + 200, x0 + 200, h * 0.8, w * 0.1, h);
        r.lineTo(w * 0.75, h);
        r.curveTo(x0 + 450, h * 0.8, x0 - 60, horizon + 200, x0 + 10, horizon);
        r.closePath();
        g.setPaint(new GradientPaint(0, (float) horizon, new Color(light == Light.NIGHT ? 0x22305a : 0x8cc8ea), 0, h,
                new Color(light == Light.NIGHT ? 0x101a3a : 0x3a86c8)));
        g.fill(r);
        g.setColor(new Color(255, 255, 255, 120));
        g.setStroke(new BasicStroke(4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (int i = 0; i < 10; i++) {
            double t = Seed.unit(seed, 950 + i);
            double y = horizon + (h - horizon) * t;
            double x = x0 + (w * 0.25 - x0) * t * t + 60 * (Seed.unit(seed, 970 + i) - 0.5);
            g.draw(new Line2D.Double(x - 20 - 60 * t, y, x + 20 + 60 * t, y));
        }
    }

    private void houses(Graphics2D g, int w, double horizon, long seed) {
        int n = 3;
        for (int i = 0; i < n; i++) {
            double x = w * (0.1 + 0.8 * (i + Seed.unit(seed, 1100 + i) * 0.6) / n);
            double s = 130 + 50 * Seed.unit(seed, 1200 + i);
            double y = horizon + 40 + 60 * Seed.unit(seed, 1300 + i);
            g.setColor(new Color(0x9a7a58));
            g.fill(new Rectangle2D.Double(x - s * 0.5, y - s * 0.55, s, s * 0.55));
            g.setColor(new Color(0xf1e6cc));
            g.fill(new Rectangle2D.Double(x - s * 0.35, y - s * 0.45, s * 0.25, s * 0.35));
            g.fill(new Rectangle2D.Double(x + s * 0.08, y - s * 0.45, s * 0.25, s * 0.35));
            Path2D roof = new Path2D.Double();
            roof.moveTo(x - s * 0.7, y - s * 0.5);
            roof.lineTo(x - s * 0.2, y - s * 1.05);
            roof.lineTo(x + s * 0.2, y - s * 1.05);
            roof.lineTo(x + s * 0.7, y - s * 0.5);
            roof.closePath();
            g.setColor(new Color(light == Light.NIGHT ? 0x5a4a30 : 0xb8a068));
            g.fill(roof);
            g.setColor(new Color(0x4a3a24));
            g.setStroke(new BasicStroke(4f));
            g.draw(roof);
            if (light == Light.NIGHT || light == Light.DUSK) {
                g.setColor(new Color(255, 200, 110, 200));
                g.fill(new Rectangle2D.Double(x - s * 0.35, y - s * 0.45, s * 0.25, s * 0.35));
            }
        }
    }

    void palace(Graphics2D g, int w, double horizon, long seed, boolean shrine) {
        double cx = w * (0.35 + 0.3 * Seed.unit(seed, 1400));
        double base = horizon + 30;
        if (shrine) {
            int red = 0xd0302a;
            g.setColor(new Color(red));
            g.fill(new Rectangle2D.Double(cx - 180, base - 420, 36, 420));
            g.fill(new Rectangle2D.Double(cx + 144, base - 420, 36, 420));
            g.fill(new Rectangle2D.Double(cx - 210, base - 360, 420, 28));
            Path2D top = new Path2D.Double();
            top.moveTo(cx - 260, base - 450);
            top.quadTo(cx, base - 420, cx + 260, base - 450);
            top.lineTo(cx + 250, base - 415);
            top.quadTo(cx, base - 390, cx - 250, base - 415);
            top.closePath();
            g.setColor(new Color(0x2a1e1e));
            g.fill(top);
            return;
        }
        int wall = light == Light.NIGHT ? 0x9a8a9a : 0xf5efe2;
        int roof = has("dragon", "sea") ? 0x208080 : 0x36454f;
        for (int tier = 0; tier < 3; tier++) {
            double tw = 520 - tier * 140, th = 120 - tier * 15;
            double y = base - tier * 150;
            g.setColor(new Color(wall));
            g.fill(new Rectangle2D.Double(cx - tw / 2, y - th, tw, th));
            g.setColor(new Color(0xc8283c));
            for (int p = 0; p < 5; p++) {
                g.fill(new Rectangle2D.Double(cx - tw / 2 + 10 + p * (tw - 30) / 4, y - th, 10, th));
            }
            Path2D r = new Path2D.Double();
            r.moveTo(cx - tw / 2 - 70, y - th + 10);
            r.quadTo(cx - tw / 2, y - th - 20, cx - tw / 2 + 40, y - th - 60);
            r.lineTo(cx + tw / 2 - 40, y - th - 60);
            r.quadTo(cx + tw / 2, y - th - 20, cx + tw / 2 + 70, y - th + 10);
            r.closePath();
            g.setColor(new Color(roof));
            g.fill(r);
            g.setColor(new Color(0xe6be3c));
            g.fill(new Ellipse2D.Double(cx - 12, y - th - 70, 24, 24));
        }
    }

    private void bamboo(Graphics2D g, int w, int h, long seed) {
        for (int i = 0; i < 16; i++) {
            double depth = Seed.unit(seed, 1500 + i);
            double x = w * Seed.unit(seed, 1600 + i);
            double width = 18 + 36 * depth;
            int green = Palette.mix(0x3c9a50, skyBottom(), 0.5 * (1 - depth));
            if (light == Light.NIGHT) {
                green = Palette.shadow(green, 0.5);
            }
            g.setColor(new Color(green));
            g.fill(new Rectangle2D.Double(x, 0, width, h));
            g.setColor(new Color(Palette.shadow(green, 0.7)));
            for (double y = 80 * depth; y < h; y += 170 + 60 * depth) {
                g.fill(new Rectangle2D.Double(x - 2, y, width + 4, 8));
            }
            g.setColor(new Color(Palette.mix(green, 0xffffff, 0.3)));
            g.fill(new Rectangle2D.Double(x + width * 0.2, 0, width * 0.15, h));
        }
    }

    private void forest(Graphics2D g, int w, int h, double horizon, long seed) {
        for (int i = 0; i < 14; i++) {
            double depth = i / 14.0;
            double x = w * Seed.unit(seed, 1700 + i);
            double y = horizon + 20 + (h * 0.2) * depth;
            double s = 140 + 160 * depth;
            int leaf = Palette.mix(i % 2 == 0 ? 0x2a7a48 : 0x3c9a50, skyBottom(), 0.5 * (1 - depth));
            if (light == Light.NIGHT) {
                leaf = Palette.shadow(leaf, 0.5);
            }
            g.setColor(new Color(0x6e4628));
            g.fill(new Rectangle2D.Double(x - s * 0.06, y - s * 0.6, s * 0.12, s * 0.6));
            g.setColor(new Color(leaf));
            Path2D pine = new Path2D.Double();
            pine.moveTo(x, y - s * 1.6);
            pine.lineTo(x + s * 0.45, y - s * 0.45);
            pine.lineTo(x - s * 0.45, y - s * 0.45);
            pine.closePath();
            g.fill(pine);
            g.fill(new Ellipse2D.Double(x - s * 0.4, y - s * 1.1, s * 0.8, s * 0.7));
        }
    }

    private void interior(Graphics2D g, int w, int h, long seed) {
        boolean grand = has("palace", "castle", "temple", "hall");
        int wall = grand ? 0xf0e0c0 : 0xe8d8b8;
        double floor = h * 0.66;
        g.setPaint(new GradientPaint(0, 0, new Color(Palette.shadow(wall, 0.85)), 0, (float) floor, new Color(wall)));
        g.fillRect(0, 0, w, (int) floor + 1);
        // an open shoji shows the sky at this time of day
        double wx = w * (0.15 + 0.4 * Seed.unit(seed, 1800)), wy = h * 0.18, ww = w * 0.38, wh = h * 0.3;
        g.setPaint(new GradientPaint(0, (float) wy, new Color(skyTop()), 0, (float) (wy + wh), new Color(skyBottom())));
        g.fill(new Rectangle2D.Double(wx, wy, ww, wh));
        if (light == Light.NIGHT) {
            g.setColor(new Color(0xfdf6d8));
            g.fill(new Ellipse2D.Double(wx + ww * 0.6, wy + wh * 0.2, 70, 70));
        }
        int wood = grand ? 0xa8282c : 0x7a5232;
        g.setColor(new Color(wood));
        g.setStroke(new BasicStroke(14f));
        g.draw(new Rectangle2D.Double(wx, wy, ww, wh));
        // shoji panels on the rest of the wall
        g.setColor(new Color(0xfbf6ea));
        double px = wx + ww + 40;
        if (px < w - 120) {
            g.fill(new Rectangle2D.Double(px, wy, w - px - 40, wh));
            g.setColor(new Color(0xb89a70));
            g.setStroke(new BasicStroke(4f));
            for (double x = px; x < w - 40; x += 70) {
                g.draw(new Line2D.Double(x, wy, x, wy + wh));
            }
            for (double y = wy; y < wy + wh; y += 90) {
                g.draw(new Line2D.Double(px, y, w - 40, y));
            }
        }
        g.setColor(new Color(wood));
        for (int i = 0; i < 3; i++) {
            g.fill(new Rectangle2D.Double(w * (0.05 + 0.45 * i), 0, 38, floor));
        }
        g.fill(new Rectangle2D.Double(0, h * 0.1, w, 30));
        int mat = grand ? 0xc8a060 : 0xc8c08a;
        g.setPaint(new GradientPaint(0, (float) floor, new Color(Palette.shadow(mat, 0.85)), 0, h, new Color(mat)));
        g.fill(new Rectangle2D.Double(0, floor, w, h - floor));
        g.setColor(new Color(Palette.shadow(mat, 0.7)));
        g.setStroke(new BasicStroke(5f));
        for (int i = -4; i <= 8; i++) {
            g.draw(new Line2D.Double(w / 2.0 + i * 60, floor, w / 2.0 + i * 260, h));
        }
        g.draw(new Line2D.Double(0, floor + (h - floor) * 0.45, w, floor + (h - floor) * 0.45));
        if (light == Light.NIGHT || light == Light.DUSK) {
            double lx = w * (0.7 + 0.2 * Seed.unit(seed, 1900)), ly = h * 0.55;
            g.setPaint(new RadialGradientPaint((float) lx, (float) ly, 520f, new float[] {0f, 1f},
                    new Color[] {new Color(255, 190, 110, 120), new Color(255, 190, 110, 0)}));
            g.fill(new Ellipse2D.Double(lx - 520, ly - 520, 1040, 1040));
            g.setColor(new Color(0xfbe0a0));
            g.fill(new RoundRectangle2D.Double(lx - 45, ly - 70, 90, 130, 40, 40));
        }
    }

    private static void tint(Graphics2D g, int w, int h, int rgb, int alpha) {
        g.setColor(new Color((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff, Math.max(0, Math.min(255, alpha))));
        g.fillRect(0, 0, w, h);
    }
}
