package dev.tsuzuku.render;

import dev.tsuzuku.render.Backdrop.Light;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RadialGradientPaint;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;

/**
 * The western period and modern sets of a {@link Backdrop}: rooms, windows, buildings and street
 * lamps of the {@link Era}. Seeded by the place like the rest of the backdrop, so a place looks the
 * same in every shot. The Japanese period sets stay in {@link Backdrop} itself.
 */
final class PeriodSets {
    private final Backdrop b;
    private final Graphics2D g;
    private final long seed;
    private final boolean western;
    private final boolean lit;

    PeriodSets(Backdrop b, Graphics2D g, long seed) {
        this.b = b;
        this.g = g;
        this.seed = seed;
        this.western = b.era() == Era.WESTERN_PERIOD;
        this.lit = b.light() == Light.NIGHT || b.light() == Light.DUSK;
    }

    // ------------------------------------------------------------------ interiors

    void interior(int w, int h) {
        if (western) {
            westernRoom(w, h);
        } else {
            modernRoom(w, h);
        }
    }

    /** Wallpaper over a panelled dado, a sash window with drapes, a gas lamp, floorboards and a rug. */
    private void westernRoom(int w, int h) {
        boolean grand = b.has("palace", "castle", "hall", "manor", "mansion");
        double floor = h * 0.66, dado = h * 0.47;
        int[] papers = {0x4f6e55, 0x7a3340, 0x3f4f74};
        int paper = papers[(int) (Seed.unit(seed, 2100) * papers.length) % papers.length];
        g.setPaint(new GradientPaint(0, 0, new Color(Palette.shadow(paper, 0.8)), 0, (float) dado, new Color(paper)));
        g.fill(new Rectangle2D.Double(0, 0, w, dado));
        // striped and sprigged paper
        int stripe = Palette.mix(paper, 0xf0e0b0, 0.18);
        g.setColor(new Color(stripe));
        for (double x = 0; x < w; x += 90) {
            g.fill(new Rectangle2D.Double(x, 0, 22, dado));
        }
        g.setColor(new Color(Palette.mix(paper, 0xf0d890, 0.45)));
        for (double y = 60; y < dado; y += 110) {
            for (double x = 56; x < w; x += 90) {
                g.fill(new Ellipse2D.Double(x - 7, y + ((int) (x / 90) % 2) * 55 - 7, 14, 14));
            }
        }
        int wood = grand ? 0x5a2e1c : 0x6b4428;
        // cornice and dado rail
        g.setColor(new Color(grand ? 0xd8b860 : 0xe8dcc4));
        g.fill(new Rectangle2D.Double(0, 0, w, h * 0.05));
        g.setColor(new Color(wood));
        g.fill(new Rectangle2D.Double(0, dado - 14, w, 22));
        // panelled wainscot
        g.setPaint(new GradientPaint(0, (float) dado, new Color(wood), 0, (float) floor, new Color(Palette.shadow(wood, 0.75))));
        g.fill(new Rectangle2D.Double(0, dado + 8, w, floor - dado - 8));
        g.setColor(new Color(Palette.shadow(wood, 0.6)));
        g.setStroke(new BasicStroke(6f));
        for (double x = 30; x + 150 < w; x += 190) {
            g.draw(new Rectangle2D.Double(x, dado + 50, 150, floor - dado - 100));
        }
        // sash window, six panes over six, with drapes
        double wx = w * (0.12 + 0.3 * Seed.unit(seed, 1800)), wy = h * 0.1, ww = w * 0.34, wh = h * 0.32;
        g.setPaint(new GradientPaint(0, (float) wy, new Color(b.skyTop()), 0, (float) (wy + wh), new Color(b.skyBottom())));
        g.fill(new Rectangle2D.Double(wx, wy, ww, wh));
        if (b.light() == Light.NIGHT) {
            g.setColor(new Color(0xfdf6d8));
            g.fill(new Ellipse2D.Double(wx + ww * 0.6, wy + wh * 0.15, 60, 60));
        }
        g.setColor(new Color(0xf2eee4));
        g.setStroke(new BasicStroke(18f));
        g.draw(new Rectangle2D.Double(wx, wy, ww, wh));
        g.setStroke(new BasicStroke(14f));
        g.draw(new Line2D.Double(wx, wy + wh / 2, wx + ww, wy + wh / 2));
        g.setStroke(new BasicStroke(6f));
        for (int i = 1; i < 3; i++) {
            g.draw(new Line2D.Double(wx + ww * i / 3, wy, wx + ww * i / 3, wy + wh));
        }
        g.draw(new Line2D.Double(wx, wy + wh / 4, wx + ww, wy + wh / 4));
        g.draw(new Line2D.Double(wx, wy + wh * 3 / 4, wx + ww, wy + wh * 3 / 4));
        g.setColor(new Color(0xe8e2d4));
        g.fill(new Rectangle2D.Double(wx - 30, wy + wh + 6, ww + 60, 24));
        int drape = grand ? 0x8a1e2a : 0x6a2a3a;
        for (int s = 0; s < 2; s++) {
            double dx = s == 0 ? wx - 70 : wx + ww - 10;
            Path2D d = new Path2D.Double();
            d.moveTo(dx, wy - 40);
            d.lineTo(dx + 80, wy - 40);
            d.quadTo(dx + (s == 0 ? 90 : -10), wy + wh * 0.6, dx + 80, wy + wh + 60);
            d.lineTo(dx, wy + wh + 60);
            d.closePath();
            g.setColor(new Color(drape));
            g.fill(d);
            g.setColor(new Color(Palette.shadow(drape, 0.7)));
            g.setStroke(new BasicStroke(5f));
            g.draw(new Line2D.Double(dx + 26, wy - 30, dx + 26, wy + wh + 50));
            g.draw(new Line2D.Double(dx + 54, wy - 30, dx + 54, wy + wh + 50));
        }
        g.setColor(new Color(0xc8a040));
        g.fill(new Rectangle2D.Double(wx - 90, wy - 52, ww + 180, 14));
        // a gilt-framed picture on the other side of the room
        double fx = wx + ww / 2 < w / 2.0 ? w * 0.72 : w * 0.12, fy = h * 0.17;
        g.setColor(new Color(0xc8a040));
        g.fill(new Rectangle2D.Double(fx, fy, 190, 150));
        g.setPaint(new GradientPaint(0, (float) fy, new Color(0x8aa8b8), 0, (float) fy + 150, new Color(0x5a7a48)));
        g.fill(new Rectangle2D.Double(fx + 16, fy + 16, 158, 118));
        // gas lamp on a bracket, lit at dusk and night
        double lx = fx + 95, ly = h * 0.33;
        gasLamp(lx, ly, false);
        // floorboards and a rug
        int boards = grand ? 0x6a3e22 : 0x8a5a34;
        g.setPaint(new GradientPaint(0, (float) floor, new Color(Palette.shadow(boards, 0.8)), 0, h, new Color(boards)));
        g.fill(new Rectangle2D.Double(0, floor, w, h - floor));
        g.setColor(new Color(Palette.shadow(boards, 0.65)));
        g.setStroke(new BasicStroke(4f));
        for (int i = -6; i <= 10; i++) {
            g.draw(new Line2D.Double(w / 2.0 + i * 50, floor, w / 2.0 + i * 200, h));
        }
        double ry = floor + (h - floor) * 0.35;
        g.setColor(new Color(0x7a2028));
        g.fill(new RoundRectangle2D.Double(w * 0.1, ry, w * 0.8, (h - floor) * 0.5, 30, 30));
        g.setColor(new Color(0xc89a48));
        g.setStroke(new BasicStroke(10f));
        g.draw(new RoundRectangle2D.Double(w * 0.13, ry + 20, w * 0.74, (h - floor) * 0.5 - 40, 24, 24));
        if (lit) {
            glow(lx, ly, 560, 130);
        }
    }

    /** A plain wall, a big picture window onto the city, downlights and a light floor. */
    private void modernRoom(int w, int h) {
        double floor = h * 0.68;
        int wall = b.has("office", "hospital", "school", "station") ? 0xe4e8ec : 0xf0ebe3;
        g.setPaint(new GradientPaint(0, 0, new Color(Palette.shadow(wall, 0.9)), 0, (float) floor, new Color(wall)));
        g.fill(new Rectangle2D.Double(0, 0, w, floor));
        double wx = w * 0.1, wy = h * 0.12, ww = w * 0.8, wh = h * 0.44;
        g.setPaint(new GradientPaint(0, (float) wy, new Color(b.skyTop()), 0, (float) (wy + wh), new Color(b.skyBottom())));
        g.fill(new Rectangle2D.Double(wx, wy, ww, wh));
        java.awt.Shape clip = g.getClip();
        g.clip(new Rectangle2D.Double(wx, wy, ww, wh));
        towers(wx - 40, wx + ww + 40, wy + wh, wh * 0.75, 2200);
        g.setClip(clip);
        g.setColor(new Color(0x3a4048));
        g.setStroke(new BasicStroke(12f));
        g.draw(new Rectangle2D.Double(wx, wy, ww, wh));
        g.setStroke(new BasicStroke(7f));
        for (int i = 1; i < 3; i++) {
            g.draw(new Line2D.Double(wx + ww * i / 3, wy, wx + ww * i / 3, wy + wh));
        }
        // glass sheen
        g.setColor(new Color(255, 255, 255, 40));
        Path2D sheen = new Path2D.Double();
        sheen.moveTo(wx + ww * 0.05, wy + wh);
        sheen.lineTo(wx + ww * 0.25, wy);
        sheen.lineTo(wx + ww * 0.33, wy);
        sheen.lineTo(wx + ww * 0.13, wy + wh);
        sheen.closePath();
        g.fill(sheen);
        // downlights
        for (int i = 0; i < 4; i++) {
            double x = w * (0.14 + 0.24 * i);
            g.setColor(new Color(lit ? 0xfff4d0 : 0xd8d8d8));
            g.fill(new Ellipse2D.Double(x - 22, h * 0.035, 44, 14));
        }
        // skirting and floor
        int boards = 0xc8b496;
        g.setPaint(new GradientPaint(0, (float) floor, new Color(Palette.shadow(boards, 0.85)), 0, h, new Color(boards)));
        g.fill(new Rectangle2D.Double(0, floor, w, h - floor));
        g.setColor(new Color(0xfafafa));
        g.fill(new Rectangle2D.Double(0, floor - 16, w, 18));
        g.setColor(new Color(Palette.shadow(boards, 0.8)));
        g.setStroke(new BasicStroke(3f));
        for (int i = -8; i <= 12; i++) {
            g.draw(new Line2D.Double(w / 2.0 + i * 45, floor, w / 2.0 + i * 170, h));
        }
        // a potted plant by the window
        double px = w * (Seed.unit(seed, 2300) < 0.5 ? 0.06 : 0.86);
        g.setColor(new Color(0xf4f4f4));
        g.fill(new Rectangle2D.Double(px - 40, floor - 110, 80, 100));
        g.setColor(new Color(0x3c8a50));
        for (int i = 0; i < 6; i++) {
            g.fill(new Ellipse2D.Double(px - 70 + 25 * i, floor - 260 + 30 * (i % 2), 40, 150));
        }
        if (lit) {
            for (int i = 0; i < 4; i++) {
                glow(w * (0.14 + 0.24 * i), h * 0.05, 300, 60);
            }
        }
    }

    // ------------------------------------------------------------------ exteriors

    private static final String[] STREET_WORDS = {"village", "house", "hut", "cottage", "farm", "town", "home", "inn",
        "street", "city", "square", "lane", "market", "road", "london"};

    /** The era's buildings for the place's words: a brick terrace or city blocks, a castle, a church. */
    void buildings(int w, double horizon) {
        boolean castle = b.has("palace", "castle");
        boolean temple = b.has("temple", "shrine", "church", "chapel", "abbey");
        if (b.has(STREET_WORDS)) {
            if (western) {
                terrace(w, horizon);
            } else {
                towers(-40, w + 40, horizon + 70, horizon * 0.55, 2400);
            }
        }
        if (castle) {
            if (western) {
                castle(w, horizon);
            } else {
                towers(w * 0.3, w * 0.7, horizon + 80, horizon * 0.8, 2500);
            }
        } else if (temple) {
            // a church is a church in both eras; a modern shrine or temple keeps its torii
            if (western || b.has("church", "chapel", "abbey")) {
                church(w, horizon);
            } else {
                b.palace(g, w, horizon, seed, true);
            }
        }
    }

    /** Gas lamps or street lights along a street, in front of the trees. */
    void lamps(int w, int h) {
        if (b.has(STREET_WORDS) || b.has("palace", "castle")) {
            for (int i = 0; i < 2; i++) {
                double x = w * (i == 0 ? 0.12 : 0.88);
                if (western) {
                    lampPost(x, h * 0.86);
                } else {
                    streetLight(x, h * 0.86, i == 0);
                }
            }
        }
    }

    /** A distant city on the horizon behind everything else of a modern exterior. */
    void skyline(int w, double horizon) {
        int far = Palette.mix(0x6a7890, b.skyBottom(), 0.45);
        for (int i = 0; i < 12; i++) {
            double x = w * (i / 12.0) + 30 * Seed.unit(seed, 2600 + i);
            double bw = 70 + 60 * Seed.unit(seed, 2620 + i);
            double bh = horizon * (0.08 + 0.22 * Seed.unit(seed, 2640 + i));
            g.setColor(new Color(far));
            g.fill(new Rectangle2D.Double(x, horizon - bh, bw, bh + 4));
            if (lit) {
                g.setColor(new Color(255, 220, 140, 180));
                for (double y = horizon - bh + 14; y < horizon - 10; y += 26) {
                    for (double wx = x + 10; wx < x + bw - 12; wx += 22) {
                        if (Seed.unit(seed, (long) (wx * 31 + y)) < 0.45) {
                            g.fill(new Rectangle2D.Double(wx, y, 8, 10));
                        }
                    }
                }
            }
        }
    }

    /** Brick terraced houses with sash windows, doors with fanlights, slate roofs and chimneys. */
    private void terrace(int w, double horizon) {
        double base = horizon + 90;
        int n = 4;
        double hw = (w + 120.0) / n;
        for (int i = 0; i < n; i++) {
            double x = -60 + i * hw;
            double top = base - 420 - 40 * Seed.unit(seed, 2700 + i);
            int brick = Palette.mix(0x9a4a36, 0x6a3a30, Seed.unit(seed, 2710 + i));
            if (b.light() == Light.NIGHT) {
                brick = Palette.shadow(brick, 0.6);
            }
            g.setColor(new Color(brick));
            g.fill(new Rectangle2D.Double(x, top, hw, base - top));
            g.setColor(new Color(Palette.shadow(brick, 0.8)));
            g.setStroke(new BasicStroke(2f));
            for (double y = top + 16; y < base; y += 16) {
                g.draw(new Line2D.Double(x, y, x + hw, y));
            }
            // slate roof and chimney
            Path2D roof = new Path2D.Double();
            roof.moveTo(x - 6, top);
            roof.lineTo(x + 24, top - 80);
            roof.lineTo(x + hw - 24, top - 80);
            roof.lineTo(x + hw + 6, top);
            roof.closePath();
            g.setColor(new Color(0x4a5060));
            g.fill(roof);
            g.setColor(new Color(Palette.shadow(brick, 0.9)));
            g.fill(new Rectangle2D.Double(x + hw * 0.7, top - 140, 44, 70));
            g.setColor(new Color(0x8a4a30));
            g.fill(new Rectangle2D.Double(x + hw * 0.7 + 6, top - 160, 12, 22));
            g.fill(new Rectangle2D.Double(x + hw * 0.7 + 26, top - 160, 12, 22));
            // two floors of sash windows, a door with a fanlight
            for (int floorNo = 0; floorNo < 2; floorNo++) {
                double wy = top + 40 + floorNo * 170;
                for (int k = 0; k < (floorNo == 0 ? 2 : 1); k++) {
                    double wx = floorNo == 0 ? x + 30 + k * (hw * 0.5) : x + hw * 0.55;
                    sashWindow(wx, wy, hw * 0.32, 120);
                }
            }
            double dx = x + hw * 0.15, dy = base - 150;
            g.setColor(new Color(i % 2 == 0 ? 0x1e3a2a : 0x2a2030));
            g.fill(new Rectangle2D.Double(dx, dy, 62, 150));
            g.setColor(new Color(lit ? 0xffd890 : 0xdde8f0));
            g.fill(new Ellipse2D.Double(dx, dy - 31, 62, 62));
            g.setColor(new Color(0xf2eee4));
            g.setStroke(new BasicStroke(5f));
            g.draw(new Line2D.Double(dx, dy, dx + 62, dy));
            g.setColor(new Color(0xd8cfc0));
            g.fill(new Rectangle2D.Double(dx - 14, base - 8, 90, 10));
        }
    }

    private void sashWindow(double x, double y, double ww, double wh) {
        g.setColor(new Color(lit ? 0xffd890 : Palette.mix(b.skyBottom(), 0x334455, 0.45)));
        g.fill(new Rectangle2D.Double(x, y, ww, wh));
        g.setColor(new Color(0xf2eee4));
        g.setStroke(new BasicStroke(6f));
        g.draw(new Rectangle2D.Double(x, y, ww, wh));
        g.draw(new Line2D.Double(x, y + wh / 2, x + ww, y + wh / 2));
        g.setStroke(new BasicStroke(3f));
        g.draw(new Line2D.Double(x + ww / 2, y, x + ww / 2, y + wh));
        g.fill(new Rectangle2D.Double(x - 8, y + wh, ww + 16, 10));
    }

    /** A grey stone keep with crenellated towers. */
    private void castle(int w, double horizon) {
        double cx = w * (0.35 + 0.3 * Seed.unit(seed, 1400));
        double base = horizon + 30;
        int stone = b.light() == Light.NIGHT ? 0x6a6a78 : 0xa8a498;
        for (int t = -1; t <= 1; t++) {
            double tw = t == 0 ? 320 : 130, th = t == 0 ? 420 : 560;
            double x = cx + t * 250 - tw / 2;
            g.setColor(new Color(t == 0 ? stone : Palette.shadow(stone, 0.88)));
            g.fill(new Rectangle2D.Double(x, base - th, tw, th));
            for (double mx = x; mx < x + tw - 10; mx += 40) {
                g.fill(new Rectangle2D.Double(mx, base - th - 30, 24, 32));
            }
            g.setColor(new Color(Palette.shadow(stone, 0.75)));
            g.setStroke(new BasicStroke(2f));
            for (double y = base - th + 30; y < base; y += 34) {
                g.draw(new Line2D.Double(x, y, x + tw, y));
            }
            g.setColor(new Color(lit ? 0xffc870 : 0x2a2a34));
            g.fill(new RoundRectangle2D.Double(x + tw / 2 - 14, base - th + 70, 28, 60, 28, 28));
        }
        g.setColor(new Color(0x3a2a20));
        g.fill(new RoundRectangle2D.Double(cx - 50, base - 150, 100, 160, 100, 100));
    }

    /** A stone church with a spire and an arched window. */
    private void church(int w, double horizon) {
        double cx = w * (0.35 + 0.3 * Seed.unit(seed, 1400));
        double base = horizon + 30;
        int stone = b.light() == Light.NIGHT ? 0x6a6a78 : 0xc8c0ae;
        g.setColor(new Color(stone));
        g.fill(new Rectangle2D.Double(cx - 220, base - 260, 320, 260));
        g.fill(new Rectangle2D.Double(cx + 100, base - 420, 110, 420));
        Path2D spire = new Path2D.Double();
        spire.moveTo(cx + 90, base - 420);
        spire.lineTo(cx + 155, base - 700);
        spire.lineTo(cx + 220, base - 420);
        spire.closePath();
        g.setColor(new Color(0x4a5060));
        g.fill(spire);
        Path2D roof = new Path2D.Double();
        roof.moveTo(cx - 240, base - 260);
        roof.lineTo(cx - 60, base - 380);
        roof.lineTo(cx + 110, base - 260);
        roof.closePath();
        g.fill(roof);
        g.setColor(new Color(lit ? 0xffc870 : 0x5a6a8a));
        g.fill(new RoundRectangle2D.Double(cx - 100, base - 220, 80, 140, 80, 80));
        g.fill(new RoundRectangle2D.Double(cx + 135, base - 360, 40, 80, 40, 40));
    }

    /** Distant city blocks with window grids, standing on {@code base}, filling {@code x0..x1}. */
    private void towers(double x0, double x1, double base, double maxH, int salt) {
        double x = x0;
        int i = 0;
        while (x < x1) {
            double bw = 110 + 120 * Seed.unit(seed, salt + i);
            double bh = maxH * (0.45 + 0.55 * Seed.unit(seed, salt + 100 + i));
            int[] facades = {0x8a9aac, 0xb8b0a0, 0x6a7a8c, 0xa0a8b0};
            int facade = facades[(int) (Seed.unit(seed, salt + 200 + i) * facades.length) % facades.length];
            if (b.light() == Light.NIGHT) {
                facade = Palette.shadow(facade, 0.45);
            }
            g.setColor(new Color(facade));
            g.fill(new Rectangle2D.Double(x, base - bh, bw, bh));
            for (double y = base - bh + 18; y < base - 30; y += 36) {
                for (double wx = x + 12; wx < x + bw - 24; wx += 30) {
                    boolean on = lit && Seed.unit(seed, (long) (wx * 17 + y * 3 + salt)) < 0.55;
                    g.setColor(new Color(on ? 0xffd890 : Palette.mix(facade, 0x20324a, 0.45)));
                    g.fill(new Rectangle2D.Double(wx, y, 18, 22));
                }
            }
            x += bw + 6;
            i++;
        }
    }

    /** A black cast-iron gas lamp on a post, glowing at dusk and night. */
    private void lampPost(double x, double foot) {
        g.setColor(new Color(0x1e2228));
        g.fill(new Rectangle2D.Double(x - 9, foot - 460, 18, 460));
        g.fill(new Rectangle2D.Double(x - 22, foot - 30, 44, 30));
        g.fill(new Rectangle2D.Double(x - 34, foot - 470, 68, 10));
        gasLamp(x, foot - 520, true);
        if (lit) {
            glow(x, foot - 520, 320, 150);
        }
    }

    /** A lantern of four glass panes under a little roof; {@code post} when it stands on a lamp post. */
    private void gasLamp(double x, double y, boolean post) {
        if (!post) {
            g.setColor(new Color(0x2a2420));
            g.setStroke(new BasicStroke(8f));
            g.draw(new Line2D.Double(x, y + 90, x, y + 40));
            g.draw(new Line2D.Double(x, y + 90, x + 30, y + 90));
        }
        Path2D glass = new Path2D.Double();
        glass.moveTo(x - 26, y - 40);
        glass.lineTo(x + 26, y - 40);
        glass.lineTo(x + 18, y + 40);
        glass.lineTo(x - 18, y + 40);
        glass.closePath();
        g.setColor(new Color(lit ? 0xffe2a0 : 0xd8dce0));
        g.fill(glass);
        g.setColor(new Color(0x1e2228));
        g.setStroke(new BasicStroke(5f));
        g.draw(glass);
        g.draw(new Line2D.Double(x, y - 40, x, y + 40));
        Path2D cap = new Path2D.Double();
        cap.moveTo(x - 34, y - 40);
        cap.lineTo(x, y - 70);
        cap.lineTo(x + 34, y - 40);
        cap.closePath();
        g.fill(cap);
    }

    /** A grey pole with a curved arm and a flat head. */
    private void streetLight(double x, double foot, boolean armRight) {
        int s = armRight ? 1 : -1;
        g.setColor(new Color(0x5a6068));
        g.setStroke(new BasicStroke(14f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        Path2D pole = new Path2D.Double();
        pole.moveTo(x, foot);
        pole.lineTo(x, foot - 520);
        pole.quadTo(x, foot - 580, x + s * 70, foot - 580);
        pole.lineTo(x + s * 110, foot - 580);
        g.draw(pole);
        g.setColor(new Color(lit ? 0xfff4d0 : 0xe8ecf0));
        g.fill(new RoundRectangle2D.Double(x + s * 110 - 40, foot - 580, 80, 16, 10, 10));
        if (lit) {
            glow(x + s * 110, foot - 570, 300, 140);
        }
    }

    private void glow(double x, double y, float r, int alpha) {
        g.setPaint(new RadialGradientPaint((float) x, (float) y, r, new float[] {0f, 1f},
                new Color[] {new Color(255, 200, 120, alpha), new Color(255, 200, 120, 0)}));
        g.fill(new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r));
    }
}
