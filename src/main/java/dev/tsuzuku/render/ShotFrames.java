package dev.tsuzuku.render;

import dev.tsuzuku.model.CameraMove;
import dev.tsuzuku.model.Shot;
import dev.tsuzuku.model.ShotKind;
import dev.tsuzuku.model.ShotLine;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The frames of one shot. The first render pre-renders the stage (backdrop plus every figure in
 * its resting state) on a canvas a little larger than the frame so the camera can move, and one
 * opaque face patch per figure and blink/mouth state. Each frame then patches the faces that
 * changed, copies the camera window into the target and blends captions and transitions.
 */
final class ShotFrames implements YuvFrameSource {
    private static final int FADE_FRAMES = 10;
    private static final int FLASH_FRAMES = 6;
    private static final int WIPE_FRAMES = 8;

    private enum Entrance { FADE_BLACK, FLASH_WHITE, WIPE }

    private final AnimaticRenderer r;
    private final Shot shot;
    private final int w;
    private final int h;
    private final int mx;
    private final int my;
    private final int cw;
    private final int ch;
    private final long seed;
    private final Entrance entrance;
    private final int[] cols;
    private final byte[] lut = new byte[768];
    private final double[] cam = new double[3];
    // the caption over a still camera is the same blend frame after frame: copied, not recomputed
    private Pixels.BlendMemo captionMemo = new Pixels.BlendMemo();

    private boolean prepared;
    private byte[] card;
    private byte[] canvas;
    private List<Member> members = List.of();
    private Sprite punch;
    private BufferedImage scratch;
    // yuv420p output: the stage converted once (a camera at whole pixels, or a zoom); else frames converted
    private YuvCanvas yuvCanvas;
    private Yuv420 converter;
    // the caption of the current cue in yuv420p terms, blended straight into the frame
    private YuvSprite yuvCaption;
    // where the last frame's camera window was: the same window again is a still camera, whose caption blend is memoized
    private final int[] lastWindow = {-1, -1};
    // a title or end card as yuv420p
    private byte[] cardYuv;
    // fades left to fadeYuv: the frame under a fade is converted (mostly unchanged rows) and faded in yuv420p
    private boolean deferFades;

    /** A figure on stage: its patches per state and which one the working canvas shows now. */
    private static final class Member {
        final Placement place;
        final Rectangle face;
        final byte[][] patches = new byte[6][];
        final byte[] blink;
        final byte[] mouth;
        int shown;

        Member(Placement place, Rectangle face, int frames) {
            this.place = place;
            this.face = face;
            this.blink = new byte[frames];
            this.mouth = new byte[frames];
        }
    }

    ShotFrames(AnimaticRenderer r, Shot shot) {
        this.r = r;
        this.shot = shot;
        this.w = r.width();
        this.h = r.height();
        CameraMove cam = shot.camera() == null ? CameraMove.STATIC : shot.camera();
        int marginX = cam == CameraMove.PAN ? Math.round(w * 0.1f) : 0;
        int marginY = cam == CameraMove.TILT ? Math.round(h * 0.06f) : 0;
        if (cam == CameraMove.SHAKE || shot.kind() == ShotKind.HOOK) {
            marginX = Math.max(marginX, 40);
            marginY = Math.max(marginY, 40);
        }
        this.mx = marginX;
        this.my = marginY;
        this.cw = w + 2 * mx;
        this.ch = h + 2 * my;
        this.seed = Seed.of("shot", String.valueOf(shot.index()), shot.place(), String.valueOf(shot.kind()));
        this.cols = new int[3 * w + 3];
        boolean first = !r.storyboard().shots().isEmpty() && r.storyboard().shots().get(0).index() == shot.index();
        this.entrance = switch (shot.kind()) {
            case TITLE, END_CARD, COLD_OPEN -> Entrance.FADE_BLACK;
            case HOOK -> Entrance.FLASH_WHITE;
            case STORY -> first ? Entrance.FADE_BLACK : Entrance.values()[(int) Math.floorMod(seed, 3L)];
        };
    }

    @Override
    public int width() {
        return w;
    }

    @Override
    public int height() {
        return h;
    }

    @Override
    public int frameCount() {
        return shot.frames();
    }

    @Override
    public void render(int index, BufferedImage target) {
        if (index < 0 || index >= shot.frames()) {
            throw new IndexOutOfBoundsException("frame " + index + " of shot " + shot.index() + " (" + shot.frames() + " frames)");
        }
        boolean direct = target.getType() == BufferedImage.TYPE_3BYTE_BGR && target.getWidth() == w && target.getHeight() == h;
        BufferedImage out = direct ? target : scratch();
        byte[] dst = Pixels.bgr(out);
        prepare();
        if (card != null) {
            System.arraycopy(card, 0, dst, 0, card.length);
        } else {
            patchFaces(index);
            camera(index);
            Pixels.window(canvas, cw, ch, cam[0], cam[1], cam[2], dst, w, h, cols);
            if (shot.kind() == ShotKind.COLD_OPEN) {
                int bar = Math.round(h * 0.07f);
                Pixels.fill(dst, w, h, 0, 0, w, bar, 0x000000);
                Pixels.fill(dst, w, h, 0, h - bar, w, bar, 0x000000);
            }
        }
        ShotLine line = AnimaticRenderer.activeLine(shot, index);
        if (line != null) {
            captionMemo.blend(r.caption(line), dst, w, h, 256);
        }
        if (punch != null && index < 90) {
            int opacity = index < 12 ? (index + 1) * 256 / 13 : index > 75 ? (90 - index) * 256 / 15 : 256;
            Pixels.blend(punch, dst, w, h, opacity);
        }
        entrance(index, dst);
        if (!deferFades) {
            for (int[] f : fades(index)) {
                Pixels.fade(dst, f[0], f[1], lut);
            }
        }
        if (!direct) {
            Graphics2D g = target.createGraphics();
            g.drawImage(out, 0, 0, target.getWidth(), target.getHeight(), null);
            g.dispose();
        }
        if (index == shot.frames() - 1) {
            release();
        }
    }

    /** Puts on the canvas the face patches of this frame's blink and mouth states. */
    private void patchFaces(int index) {
        boolean frozen = frozen(index);
        for (Member m : members) {
            int s = frozen ? 0 : AnimaticRenderer.state(m.blink[index] * 0.5, m.mouth[index]);
            if (m.patches[s] == null) {
                s = (s / 2) * 2;
            }
            if (m.patches[s] == null) {
                s = 0;
            }
            if (s != m.shown && m.patches[s] != null) {
                Pixels.blit(m.patches[s], m.face.width, m.face.height, canvas, cw, m.face.x, m.face.y);
                m.shown = s;
                if (yuvCanvas != null) {
                    yuvCanvas.update(canvas, m.face.x, m.face.y, m.face.width, m.face.height);
                }
            }
        }
    }

    /**
     * The frame as yuv420p. A frame of a card or of a camera (still, pan, tilt, shake, the hook's
     * freeze, a push-in or pull-out) with no wipe over it is cut from the stage or card converted
     * once per shot ({@link YuvCanvas}) and its caption blended in yuv420p ({@link YuvSprite}); the
     * scratch image is not drawn. Any other frame (a wipe, the cold open's bars and title) is
     * drawn by {@link #render} and converted, unchanged rows skipped.
     */
    @Override
    public void renderYuv(int index, BufferedImage target, byte[] yuv) {
        if (index < 0 || index >= shot.frames()) {
            throw new IndexOutOfBoundsException("frame " + index + " of shot " + shot.index() + " (" + shot.frames() + " frames)");
        }
        if (target.getType() != BufferedImage.TYPE_3BYTE_BGR || target.getWidth() != w || target.getHeight() != h) {
            throw new IllegalArgumentException("the scratch image must be TYPE_3BYTE_BGR at " + w + "x" + h);
        }
        prepare();
        int[][] fades = fades(index);
        if (!fromStage(index)) {
            deferFades = true;
            try {
                render(index, target);
            } finally {
                deferFades = false;
            }
            if (converter == null) {
                converter = new Yuv420(w, h);
            }
            byte[] out = converter.convert(Pixels.bgr(target));
            System.arraycopy(out, 0, yuv, 0, out.length);
            for (int[] f : fades) {
                fadeYuv(yuv, f[0], f[1]);
            }
            if (index == shot.frames() - 1) {
                converter = null;
            }
            return;
        }
        if (converter != null) {
            converter.reset(); // it did not see this frame
        }
        boolean still;
        if (card != null) {
            still = true;
            if (cardYuv == null) {
                cardYuv = new Yuv420(w, h).convert(card).clone();
            }
            System.arraycopy(cardYuv, 0, yuv, 0, cardYuv.length);
        } else if (zooms()) {
            if (yuvCanvas == null) {
                yuvCanvas = YuvCanvas.zoomed(canvas, cw, ch);
            }
            patchFaces(index);
            camera(index);
            yuvCanvas.zoom(cam[0], cam[1], cam[2], w, h, yuv);
            still = false;
        } else {
            if (yuvCanvas == null) {
                yuvCanvas = new YuvCanvas(canvas, cw, ch);
            }
            patchFaces(index);
            camera(index);
            int ix = Math.max(0, Math.min(cw - w, (int) Math.round(cam[0])));
            int iy = Math.max(0, Math.min(ch - h, (int) Math.round(cam[1])));
            yuvCanvas.window(ix, iy, w, h, 0, h, yuv);
            still = ix == lastWindow[0] && iy == lastWindow[1];
            lastWindow[0] = ix;
            lastWindow[1] = iy;
        }
        ShotLine line = AnimaticRenderer.activeLine(shot, index);
        if (line != null) {
            Sprite c = r.caption(line);
            if (yuvCaption == null || yuvCaption.sprite() != c) {
                yuvCaption = new YuvSprite(c, w, h);
            }
            yuvCaption.blend(yuv, w, h, still);
        }
        for (int[] f : fades) {
            fadeYuv(yuv, f[0], f[1]);
        }
        if (index == shot.frames() - 1) {
            release();
        }
    }

    /** Whether the camera zooms (push-in, pull-out): its frames are gathered from the stage by {@link YuvCanvas#zoom}. */
    private boolean zooms() {
        CameraMove move = shot.camera() == null ? CameraMove.STATIC : shot.camera();
        return move == CameraMove.PUSH_IN || move == CameraMove.PULL_OUT;
    }

    /**
     * Whether frame {@code index} is the stage through the camera (still, whole pixels, or a
     * zoom) or a card, with nothing but a caption over it (no cold-open bars and title, no wipe).
     * A still camera costs a copy of the converted stage, not a draw, a compare and a copy in BGR.
     */
    private boolean fromStage(int index) {
        if (shot.kind() == ShotKind.COLD_OPEN || punch != null) {
            return false;
        }
        // fades and flashes are applied to the yuv420p frame (fadeYuv); a wipe is drawn
        return entrance != Entrance.WIPE || index >= WIPE_FRAMES;
    }

    /**
     * Frees the pre-rendered layers after the last frame: an encoder walks frames in order, and a
     * producer may hold every shot of an episode at once. Rendering again simply prepares again.
     */
    private void release() {
        prepared = false;
        card = null;
        canvas = null;
        members = List.of();
        punch = null;
        scratch = null;
        yuvCanvas = null;
        converter = null;
        yuvCaption = null;
        lastWindow[0] = -1;
        lastWindow[1] = -1;
        cardYuv = null;
        captionMemo = new Pixels.BlendMemo();
    }

    private boolean frozen(int index) {
        return shot.kind() == ShotKind.HOOK && index >= AnimaticRenderer.freezeFrame(shot);
    }

    private BufferedImage scratch() {
        if (scratch == null) {
            scratch = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        }
        return scratch;
    }

    /** Camera window for a frame: cam = {x0, y0, zoom} in canvas pixels. */
    private void camera(int index) {
        int f = frozen(index) ? AnimaticRenderer.freezeFrame(shot) : index;
        double t = shot.frames() > 1 ? f / (shot.frames() - 1.0) : 0;
        t = t * t * (3 - 2 * t);
        double zoom = 1, x0 = mx, y0 = my;
        CameraMove move = shot.camera() == null ? CameraMove.STATIC : shot.camera();
        switch (move) {
            case PUSH_IN -> zoom = 1 + 0.12 * t;
            case PULL_OUT -> zoom = 1.12 - 0.12 * t;
            case PAN -> x0 = (seed & 1) == 0 ? 2 * mx * t : 2 * mx * (1 - t);
            case TILT -> y0 = 2 * my * (1 - t);
            case SHAKE -> {
                int k = f / 2;
                x0 = mx + (Seed.unit(seed, k) - 0.5) * 1.4 * mx;
                y0 = my + (Seed.unit(seed, k + 7919) - 0.5) * 1.4 * my;
            }
            default -> { }
        }
        if (zoom != 1) {
            x0 = mx + (w - w / zoom) / 2;
            y0 = my + (h - h / zoom) / 2;
        }
        if (frozen(index)) {
            int since = index - AnimaticRenderer.freezeFrame(shot);
            if (since < AnimaticRenderer.FREEZE_SHAKE_FRAMES) {
                double amp = 34.0 * (AnimaticRenderer.FREEZE_SHAKE_FRAMES - since) / AnimaticRenderer.FREEZE_SHAKE_FRAMES;
                x0 += (Seed.unit(seed, 50_000 + since) - 0.5) * 2 * Math.min(amp, mx);
                y0 += (Seed.unit(seed, 60_000 + since) - 0.5) * 2 * Math.min(amp, my);
            }
        }
        if (zoom == 1) {
            x0 = Math.round(x0);
            y0 = Math.round(y0);
        }
        cam[0] = x0;
        cam[1] = y0;
        cam[2] = zoom;
    }

    private void entrance(int index, byte[] dst) {
        switch (entrance) {
            case FADE_BLACK, FLASH_WHITE -> { } // fades(index)
            case WIPE -> {
                if (index < WIPE_FRAMES) {
                    double p = (index + 1.0) / (WIPE_FRAMES + 1);
                    int edge = (int) Math.round(w * p);
                    Pixels.fill(dst, w, h, edge, 0, w - edge, h, 0x0e0a1e);
                    Pixels.fill(dst, w, h, edge - 10, 0, 10, h, 0xfff3d6);
                }
            }
        }
    }

    private static final int[][] NO_FADES = new int[0][];

    /**
     * The fades over frame {@code index}, in order, each {rgb, alpha 0–255}: the entrance's fade
     * from black or flash from white, then the hook's freeze flash.
     */
    private int[][] fades(int index) {
        int[] entering = switch (entrance) {
            case FADE_BLACK -> {
                int n = shot.kind() == ShotKind.STORY ? FADE_FRAMES - 2 : FADE_FRAMES + 4;
                yield index < n ? new int[] {0x000000, 255 * (n - index) / (n + 1)} : null;
            }
            case FLASH_WHITE -> index < FLASH_FRAMES ? new int[] {0xffffff, 240 * (FLASH_FRAMES - index) / FLASH_FRAMES} : null;
            case WIPE -> null;
        };
        int[] flash = null;
        if (shot.kind() == ShotKind.HOOK) {
            int since = index - AnimaticRenderer.freezeFrame(shot);
            if (since >= 0 && since < AnimaticRenderer.FREEZE_FLASH_FRAMES) {
                flash = new int[] {0xffffff, 230 * (AnimaticRenderer.FREEZE_FLASH_FRAMES - since) / AnimaticRenderer.FREEZE_FLASH_FRAMES};
            }
        }
        if (entering == null && flash == null) {
            return NO_FADES;
        }
        if (entering == null || flash == null) {
            return new int[][] {entering == null ? flash : entering};
        }
        return new int[][] {entering, flash};
    }

    /**
     * A fade applied to a yuv420p frame: the RGB mix toward a colour is affine, so it is the same
     * mix of each plane toward that colour's Y, Cb and Cr (within a rounding step of fading in
     * RGB and converting).
     */
    private void fadeYuv(byte[] yuv, int rgb, int alpha) {
        if (alpha <= 0) {
            return;
        }
        int a = Math.min(255, alpha), inv = 255 - a;
        int r8 = (rgb >> 16) & 0xff, g8 = (rgb >> 8) & 0xff, b8 = rgb & 0xff;
        int[] target = {Yuv420.luma(r8, g8, b8) & 0xff, Yuv420.cb(4 * r8, 4 * g8, 4 * b8) & 0xff, Yuv420.cr(4 * r8, 4 * g8, 4 * b8) & 0xff};
        int lumaBytes = w * h, chromaBytes = (w / 2) * (h / 2);
        int[] from = {0, lumaBytes, lumaBytes + chromaBytes}, to = {lumaBytes, lumaBytes + chromaBytes, lumaBytes + 2 * chromaBytes};
        for (int p = 0; p < 3; p++) {
            for (int v = 0; v < 256; v++) {
                lut[v] = (byte) ((v * inv + target[p] * a + 127) / 255);
            }
            for (int i = from[p]; i < to[p]; i++) {
                yuv[i] = lut[yuv[i] & 0xff];
            }
        }
    }

    private void prepare() {
        if (prepared) {
            return;
        }
        prepared = true;
        if (shot.kind() == ShotKind.TITLE) {
            card = Pixels.bgr(Cards.titleCard(r, shot));
            return;
        }
        if (shot.kind() == ShotKind.END_CARD) {
            card = Pixels.bgr(Cards.endCard(r, shot));
            return;
        }
        byte[] backdrop = Pixels.bgr(r.backdrop(shot, cw, ch));
        canvas = backdrop.clone();
        List<Placement> placed = Placement.layout(r, shot.cast(), shot.framing(), w, h, mx, my);
        List<AnimaticRenderer.Figure> figs = new ArrayList<>();
        List<Member> ms = new ArrayList<>();
        for (Placement p : placed) {
            boolean talks = shot.lines().stream().anyMatch(l -> r.speaks(l.speaker(), p.cast().name()));
            AnimaticRenderer.Figure f = r.figure(p.model(), p.view(), Expression.parse(p.cast().expression()), p.mirrored(),
                    p.x(), p.y(), p.scale(), cw, ch, talks);
            figs.add(f);
            if (f != null) {
                Pixels.blend(f.body(), canvas, cw, ch, 256);
            }
        }
        for (int i = 0; i < placed.size(); i++) {
            AnimaticRenderer.Figure f = figs.get(i);
            if (f == null || f.face().isEmpty()) {
                continue;
            }
            Placement p = placed.get(i);
            Member m = new Member(p, f.face(), shot.frames());
            Rectangle face = f.face();
            for (int s = 0; s < 6; s++) {
                if (f.states()[s] == null) {
                    continue;
                }
                byte[] patch = crop(backdrop, face);
                for (int j = 0; j < figs.size(); j++) {
                    AnimaticRenderer.Figure o = figs.get(j);
                    if (o == null) {
                        continue;
                    }
                    Sprite layer = j == i ? f.states()[s] : o.body();
                    if (j != i && !layer.bounds().intersects(face)) {
                        continue;
                    }
                    Pixels.blend(layer, patch, face.width, face.height, face.x, face.y, 256);
                }
                m.patches[s] = patch;
            }
            if (m.patches[0] == null) {
                m.patches[0] = crop(canvas, face);
            }
            String name = p.cast().name();
            for (int k = 0; k < shot.frames(); k++) {
                m.blink[k] = (byte) Math.round(AnimaticRenderer.blinkSchedule(name, shot.index(), k) * 2);
                m.mouth[k] = (byte) Math.round(r.mouth(shot.index(), name, k));
            }
            ms.add(m);
        }
        for (Member m : ms) {
            Pixels.blit(m.patches[0], m.face.width, m.face.height, canvas, cw, m.face.x, m.face.y);
        }
        members = ms;
        if (shot.kind() == ShotKind.COLD_OPEN) {
            punch = punchText();
        }
    }

    private static byte[] crop(byte[] src, Rectangle r, int srcWidth) {
        byte[] out = new byte[r.width * r.height * 3];
        for (int y = 0; y < r.height; y++) {
            System.arraycopy(src, ((r.y + y) * srcWidth + r.x) * 3, out, y * r.width * 3, r.width * 3);
        }
        return out;
    }

    private byte[] crop(byte[] src, Rectangle r) {
        return crop(src, r, cw);
    }

    /** The cold open's "Tonight…" tag at the top of the safe zone, in the series language. */
    private Sprite punchText() {
        String lang = r.bible().language() == null ? "" : r.bible().language().toLowerCase(Locale.ROOT);
        String text = lang.startsWith("ja") ? "今夜…" : lang.startsWith("zh") ? "今晚…" : "Tonight…";
        SafeZone z = r.zone();
        float size = 64f;
        int tw = (int) Math.ceil(Fonts.width(text, true, size, Caption.FRC));
        Rectangle bounds = new Rectangle(z.x() + 24, z.y() + 40, tw + 40, (int) (size * 1.6));
        return Sprite.paint(bounds, g -> Caption.outlined(g, text, true, size, bounds.x + 20, bounds.y + size * 1.1, 0xfff3d6, 9f));
    }

    Optional<Point2D> hairPixel(String name, int frame) {
        List<Placement> placed = Placement.layout(r, shot.cast(), shot.framing(), w, h, mx, my);
        for (Placement p : placed) {
            if (!p.cast().name().equalsIgnoreCase(name)) {
                continue;
            }
            Point2D c = p.model().hairSample(p.x(), p.y(), p.scale(), p.mirrored());
            camera(frame);
            double fx = (c.getX() - cam[0]) * cam[2], fy = (c.getY() - cam[1]) * cam[2];
            if (fx >= 0 && fy >= 0 && fx < w && fy < h) {
                return Optional.of(new Point2D.Double(fx, fy));
            }
        }
        return Optional.empty();
    }
}
