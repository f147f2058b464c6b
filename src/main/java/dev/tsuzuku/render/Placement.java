package dev.tsuzuku.render;

import dev.tsuzuku.model.Framing;
import dev.tsuzuku.model.ShotCast;
import java.awt.geom.Point2D;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Where a cast member stands in a shot. */
record Placement(ShotCast cast, CharacterModel model, double x, double y, double scale, View view, boolean mirrored) {

    static List<Placement> layout(AnimaticRenderer r, List<ShotCast> cast, Framing framing, int w, int h, int ox, int oy) {
        List<Placement> out = new ArrayList<>();
        int n = cast.size();
        if (n == 0) {
            return out;
        }
        Framing f = framing == null ? Framing.MEDIUM : framing;
        double head = switch (f) {
            case EXTREME_CLOSE_UP -> 0.85 * w;
            case CLOSE_UP -> 0.58 * w;
            case MEDIUM_CLOSE_UP -> 0.42 * w;
            case MEDIUM -> 0.3 * w;
            case MEDIUM_WIDE -> 0.2 * w;
            case WIDE -> 0.14 * w;
            case EXTREME_WIDE -> 0.088 * w;
        };
        boolean close = f.ordinal() <= Framing.MEDIUM.ordinal();
        if (n > 1) {
            // two or three faces must fit side by side
            head = Math.min(head, w * 0.86 / (n * 1.12));
        }
        Map<String, Integer> seen = new HashMap<>();
        Map<String, Integer> total = new HashMap<>();
        for (ShotCast c : cast) {
            total.merge(slot(c.position()), 1, Integer::sum);
        }
        for (int i = 0; i < n; i++) {
            ShotCast c = cast.get(i);
            CharacterModel m = r.model(c.name());
            String slot = slot(c.position());
            // three on screen need the outer thirds, or neighbouring heads overlap
            double spread = n >= 3 ? 0.31 : 0.22;
            double base = switch (slot) {
                case "left" -> 0.5 - spread;
                case "right" -> 0.5 + spread;
                case "center" -> 0.5;
                default -> (i + 1.0) / (n + 1.0);
            };
            int k = seen.merge(slot, 1, Integer::sum) - 1;
            int same = total.get(slot);
            if (same > 1 && !slot.equals("auto")) {
                base += (k - (same - 1) / 2.0) * (0.9 / n);
            }
            if (n > 1 && slot.equals("center") && total.size() == 1) {
                base = (i + 1.0) / (n + 1.0);
            }
            boolean mirrored = base > 0.55;
            View view = n == 1 || Math.abs(base - 0.5) < 0.05 ? View.FRONT : View.THREE_QUARTER;
            Point2D hc = m.headCenter();
            double scale = head;
            double x, y;
            if (close) {
                double headY = h * switch (f) {
                    case EXTREME_CLOSE_UP -> 0.42;
                    case CLOSE_UP -> 0.40;
                    case MEDIUM_CLOSE_UP -> 0.38;
                    default -> 0.34;
                };
                double headX = w * base;
                y = headY - hc.getY() * scale;
                x = headX - (mirrored ? -hc.getX() : hc.getX()) * scale;
            } else {
                double ground = h * switch (f) {
                    case MEDIUM_WIDE -> 0.92;
                    case WIDE -> 0.86;
                    default -> 0.80;
                };
                y = ground;
                x = w * base;
            }
            out.add(new Placement(c, m, x + ox, y + oy, scale, view, mirrored));
        }
        return out;
    }

    private static String slot(String position) {
        String p = position == null ? "" : position.trim().toLowerCase(Locale.ROOT);
        return switch (p) {
            case "left", "right", "center" -> p;
            case "centre", "middle" -> "center";
            default -> "auto";
        };
    }
}
