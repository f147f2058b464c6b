package dev.tsuzuku.render;

import dev.tsuzuku.model.Storyboard;
import java.awt.Rectangle;
import java.awt.geom.Rectangle2D;

/**
 * The part of a vertical frame that TikTok, Reels and Shorts leave uncovered: clear of the top
 * 8% (status/search bar), the bottom 20% (caption, music ticker) and the right 12% (like/share
 * column). Burned-in captions and card text stay inside it.
 */
public record SafeZone(int x, int y, int width, int height) {

    /** The safe zone of the vertical master ({@link Storyboard#MASTER_WIDTH}×{@link Storyboard#MASTER_HEIGHT}). */
    public static final SafeZone VERTICAL_1080 = of(Storyboard.MASTER_WIDTH, Storyboard.MASTER_HEIGHT);

    public static SafeZone of(int frameWidth, int frameHeight) {
        int top = (int) Math.ceil(frameHeight * 0.08);
        int bottom = (int) Math.floor(frameHeight * 0.80);
        int right = (int) Math.floor(frameWidth * 0.88);
        // a small left margin too, so text never touches the edge of the phone
        int left = (int) Math.ceil(frameWidth * 0.04);
        return new SafeZone(left, top, right - left, bottom - top);
    }

    public Rectangle toRectangle() {
        return new Rectangle(x, y, width, height);
    }

    public int maxX() {
        return x + width;
    }

    public int maxY() {
        return y + height;
    }

    public boolean contains(Rectangle2D r) {
        return r.getMinX() >= x && r.getMinY() >= y && r.getMaxX() <= maxX() && r.getMaxY() <= maxY();
    }
}
