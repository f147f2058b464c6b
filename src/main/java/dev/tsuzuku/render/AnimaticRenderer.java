package dev.tsuzuku.render;

import dev.tsuzuku.model.BadInputException;
import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.Character;
import dev.tsuzuku.model.Framing;
import dev.tsuzuku.model.Look;
import dev.tsuzuku.model.Place;
import dev.tsuzuku.model.Problem;
import dev.tsuzuku.model.Shot;
import dev.tsuzuku.model.ShotCast;
import dev.tsuzuku.model.ShotKind;
import dev.tsuzuku.model.ShotLine;
import dev.tsuzuku.model.Storyboard;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Draws a storyboard as an anime-flavoured animatic: painted backdrops per place and time of day,
 * the cast from their {@link CharacterModel}s (blinking, talking while their line is on), camera
 * moves, an entrance transition per shot, burned-in captions inside the {@link SafeZone}, title
 * card, cold-open letterbox, hook freeze and the "つづく" end card.
 *
 * <p>Every shot pre-renders its static layers once (backdrop, figures, the face patches for each
 * blink/mouth state, captions); a frame is then byte copies and a few small blends. Backdrops and
 * figures are shared between renderers ({@link LayerCache}), so a shot in a place and set-up seen
 * before skips their painting. The same inputs always give the same pixels. Not thread-safe: use
 * one instance per thread.
 */
public final class AnimaticRenderer {
    static final int FREEZE_FLASH_FRAMES = 8;
    static final int FREEZE_SHAKE_FRAMES = 12;

    private final Bible bible;
    private final Storyboard sb;
    private final int width;
    private final int height;
    private final SafeZone zone;
    private final Map<String, CharacterModel> models = new HashMap<>();
    // Shared by all renderers: produce makes one renderer per shot, and shots repeat places and set-ups.
    // The keys hold every input of the painting, so a layer can never be taken for another bible's.
    private static final LayerCache<BackdropKey, BufferedImage> BACKDROPS = new LayerCache<>(6);
    private static final LayerCache<FigureKey, Figure> FIGURES = new LayerCache<>(24);

    private record BackdropKey(Backdrop backdrop, int width, int height) {}

    private record FigureKey(Character character, dev.tsuzuku.model.ArtStyle style, Era era, View view, Expression expr, boolean mirrored,
                             double x, double y, double scale, int cw, int ch, boolean talks) {}

    public AnimaticRenderer(Bible bible, Storyboard sb) {
        this.bible = bible;
        this.sb = sb;
        this.width = sb.width() > 0 ? sb.width() : Storyboard.MASTER_WIDTH;
        this.height = sb.height() > 0 ? sb.height() : Storyboard.MASTER_HEIGHT;
        this.zone = SafeZone.of(width, height);
        validate(sb);
    }

    /** Frame counts and sizes the renderer cannot draw, all reported at once. */
    private static void validate(Storyboard sb) {
        List<Problem> problems = new ArrayList<>();
        String file = "episodes/" + String.format(Locale.ROOT, "%03d", sb.episode()) + "/storyboard.json";
        if (sb.width() < 0 || sb.height() < 0 || sb.width() > 4096 || sb.height() > 4096) {
            problems.add(Problem.of(file, "frame size " + sb.width() + "x" + sb.height() + " is outside 1..4096",
                    "use 1080x1920 (the vertical master) or re-run `tsuzuku board`"));
        }
        for (Shot s : sb.shots()) {
            if (s.frames() < 1) {
                problems.add(Problem.of(file, "shot " + s.index() + " has " + s.frames() + " frames; a shot needs at least 1",
                        "re-run `tsuzuku board` for episode " + sb.episode()));
            }
        }
        if (!problems.isEmpty()) {
            throw new BadInputException(problems);
        }
    }

    /** Frames of the shot whose {@link Shot#index()} is {@code shotIndex}. */
    public FrameSource shot(int shotIndex) {
        return new ShotFrames(this, find(shotIndex));
    }

    /** All shots back to back, in storyboard order. */
    public FrameSource episode() {
        return new EpisodeFrames();
    }

    /** Changes whenever the same inputs would be drawn differently; part of every cache key. */
    public static final String VERSION = "animatic-2";

    /**
     * Everything the pixels of shot {@code shotIndex} depend on, as text, for content-addressed
     * caching: the shot, the looks of who is in it or speaks in it, the place, the style, and the
     * few episode facts cards use. A change elsewhere in the episode leaves it unchanged.
     */
    public String fingerprint(int shotIndex) {
        Shot shot = find(shotIndex);
        StringBuilder f = new StringBuilder(VERSION).append('\n').append(width).append('x').append(height).append('\n');
        f.append(shot).append('\n').append(bible.style()).append('\n');
        java.util.Set<String> names = new java.util.TreeSet<>();
        shot.cast().forEach(c -> names.add(c.name()));
        shot.lines().forEach(l -> {
            if (l.speaker() != null) {
                names.add(l.speaker());
            }
        });
        for (String n : names) {
            f.append(n).append(" = ").append(bible.character(n).map(c -> c.name() + " " + c.role() + " " + c.look()).orElse("?")).append('\n');
        }
        bible.places().stream().filter(p -> p.name() != null && p.name().equalsIgnoreCase(shot.place())).forEach(p -> f.append(p).append('\n'));
        boolean first = !sb.shots().isEmpty() && sb.shots().get(0).index() == shotIndex;
        f.append("first=").append(first).append('\n');
        if (era() != Era.JAPANESE_PERIOD) {
            f.append("sets=").append(era()).append('\n'); // the default sets add nothing, so their caches stay valid
        }
        if (!Cards.kicker(bible.language(), 1).startsWith("EPISODE")) {
            f.append("captions=even\n"); // Japanese and Chinese caption rows are balanced; English caches stay valid
        }
        switch (shot.kind()) {
            case TITLE -> {
                f.append("series=").append(bible.title()).append(" episode=").append(sb.episode());
                String kicker = Cards.kicker(bible.language(), sb.episode());
                if (!kicker.startsWith("EPISODE")) {
                    f.append(" kicker=").append(kicker); // English cards keep their cached segments
                }
            }
            case END_CARD -> f.append("endCard=").append(sb.endCard());
            case COLD_OPEN -> f.append("language=").append(bible.language());
            default -> { }
        }
        return f.toString();
    }

    /** The safe zone captions are kept in. */
    public SafeZone safeZone() {
        return zone;
    }

    // ------------------------------------------------------------------ schedule (public so tests and tools can ask)

    /** Eyelid closure of {@code name} at {@code frame} of a shot: 0 open, 0.5 half, 1 closed. */
    public double blink(int shotIndex, String name, int frame) {
        Shot shot = find(shotIndex);
        if (shot.kind() == ShotKind.HOOK && frame >= freezeFrame(shot)) {
            return 0;
        }
        return blinkSchedule(name, shotIndex, frame);
    }

    /** How open the mouth of {@code name} is at {@code frame}: cycles at ~9 Hz during their lines, else 0. */
    public double mouth(int shotIndex, String name, int frame) {
        Shot shot = find(shotIndex);
        if (shot.kind() == ShotKind.HOOK && frame >= freezeFrame(shot)) {
            return 0;
        }
        for (ShotLine l : shot.lines()) {
            if (frame >= l.startFrame() && frame < l.endFrame() && speaks(l.speaker(), name)) {
                // 3 open/close cycles every 10 frames at 30 fps: 9 Hz, the pace of a flap-style lip sync
                return ((frame - l.startFrame()) * 3 / 5) % 2 == 0 ? 1 : 0;
            }
        }
        return 0;
    }

    /** Where the caption box sits at {@code frame} of a shot, if a line is on. */
    public Optional<Rectangle> captionBounds(int shotIndex, int frame) {
        Shot shot = find(shotIndex);
        ShotLine l = activeLine(shot, frame);
        return l == null ? Optional.empty() : Optional.of(caption(l).bounds());
    }

    /**
     * A pixel of {@code name}'s hair (fur for animals) in the frame at {@code frame}, or empty when
     * the character is not drawn in that shot or the point is outside the frame.
     */
    public Optional<Point2D> hairPixel(int shotIndex, String name, int frame) {
        ShotFrames frames = new ShotFrames(this, find(shotIndex));
        return frames.hairPixel(name, frame);
    }

    static double blinkSchedule(String name, int shotIndex, int frame) {
        long s = Seed.of("blink", name == null ? "" : name.toLowerCase(Locale.ROOT));
        int period = 90 + (int) Math.floorMod(s, 61L);
        int offset = (int) Math.floorMod(Seed.mix(s + shotIndex), (long) period);
        int phase = Math.floorMod(frame + offset, period);
        return switch (phase) {
            case 0, 3 -> 0.5;
            case 1, 2 -> 1.0;
            default -> 0.0;
        };
    }

    boolean speaks(String speaker, String castName) {
        if (speaker == null || castName == null) {
            return false;
        }
        if (speaker.equalsIgnoreCase(castName)) {
            return true;
        }
        return bible.character(speaker).map(c -> c.name().equalsIgnoreCase(castName)
                || bible.character(castName).map(o -> o.name().equals(c.name())).orElse(false)).orElse(false);
    }

    static int freezeFrame(Shot shot) {
        return Math.max(1, (int) Math.round(shot.frames() * 0.62));
    }

    static ShotLine activeLine(Shot shot, int frame) {
        for (ShotLine l : shot.lines()) {
            if (frame >= l.startFrame() && frame < l.endFrame() && l.text() != null && !l.text().isBlank()) {
                return l;
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ shared caches and lookups

    Shot find(int shotIndex) {
        for (Shot s : sb.shots()) {
            if (s.index() == shotIndex) {
                return s;
            }
        }
        throw new IllegalArgumentException("storyboard of episode " + sb.episode() + " has no shot " + shotIndex);
    }

    Bible bible() {
        return bible;
    }

    Storyboard storyboard() {
        return sb;
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    SafeZone zone() {
        return zone;
    }

    CharacterModel model(String name) {
        String key = name == null ? "" : name;
        return models.computeIfAbsent(key.toLowerCase(Locale.ROOT), k -> CharacterModel.of(character(key), bible.style(), era()));
    }

    /** The bible's character of that name, or a stand-in with no look words (a model needs one). */
    private Character character(String name) {
        String key = name == null ? "" : name;
        return bible.character(key).orElse(new Character(key, List.of(), Character.Role.MINOR,
                new Look(null, null, null, null, null), null));
    }

    private final Map<ShotLine, Sprite> captions = new HashMap<>();

    Sprite caption(ShotLine l) {
        return captions.computeIfAbsent(l, line -> {
            String speaker = null;
            int rgb = 0xf0d78c;
            if (line.speaker() != null && !line.speaker().isBlank()) {
                Optional<Character> c = bible.character(line.speaker());
                speaker = c.map(Character::name).orElse(line.speaker());
                if (c.isPresent() && c.get().role() == Character.Role.NARRATOR) {
                    speaker = null;
                } else {
                    rgb = model(speaker).palette().hair();
                    if (luminance(rgb) < 90) {
                        rgb = model(speaker).palette().outfit();
                    }
                }
            }
            return Caption.render(Character.shown(speaker), rgb, line.text(), zone);
        });
    }

    static int luminance(int rgb) {
        return (int) (0.299 * ((rgb >> 16) & 0xff) + 0.587 * ((rgb >> 8) & 0xff) + 0.114 * (rgb & 0xff));
    }

    /** The sets and costumes of the bible's setting. */
    Era era() {
        return Era.of(bible.setting());
    }

    double pastel() {
        String preset = bible.style() == null || bible.style().preset() == null ? "" : bible.style().preset().toLowerCase(Locale.ROOT);
        return preset.contains("pastel") ? 0.1 : preset.contains("watercolor") ? 0.06 : 0;
    }

    /** The painted backdrop for a shot, at the canvas size, shared across shots of the same place and light. */
    BufferedImage backdrop(Shot shot, int w, int h) {
        Place place = bible.places().stream().filter(p -> p.name() != null && p.name().equalsIgnoreCase(shot.place()))
                .findFirst().orElse(null);
        Backdrop b = Backdrop.of(shot.place(), place == null ? null : place.kind(), place == null ? null : place.description(),
                shot.timeOfDay(), pastel(), era());
        return BACKDROPS.get(new BackdropKey(b, w, h), () -> {
            BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
            Graphics2D g = img.createGraphics();
            b.paint(g, w, h);
            g.dispose();
            return img;
        });
    }

    /** A figure at one placement with its face patches, cached because shots repeat set-ups. */
    record Figure(Sprite body, Rectangle face, Sprite[] states) {}

    Figure figure(CharacterModel m, View view, Expression expr, boolean mirrored, double x, double y, double scale,
                  int cw, int ch, boolean talks) {
        FigureKey key = new FigureKey(character(m.name()), bible.style(), era(), view, expr, mirrored, x, y, scale, cw, ch, talks);
        return FIGURES.get(key, () -> {
            Rectangle canvas = new Rectangle(0, 0, cw, ch);
            Rectangle bounds = m.bounds(x, y, scale).getBounds().intersection(canvas);
            if (bounds.isEmpty()) {
                return null;
            }
            Sprite body = Sprite.paint(bounds, g -> m.draw(g, x, y, scale, view, expr, 0, 0, mirrored));
            Rectangle face = m.faceBounds(x, y, scale, mirrored).getBounds();
            face.grow(4, 4);
            face = face.intersection(bounds);
            Sprite[] states = new Sprite[6];
            if (!face.isEmpty() && view != View.BACK) {
                // state 0 is rendered the same clipped way as the others, so swapping patches
                // changes only the eyes and mouth, never the anti-aliasing along the patch edge
                for (int s = 0; s < 6; s++) {
                    double blink = (s / 2) * 0.5;
                    double mouth = s % 2;
                    if (mouth > 0 && !talks) {
                        continue;
                    }
                    Rectangle f = face;
                    states[s] = Sprite.paint(f, g -> {
                        g.clipRect(f.x, f.y, f.width, f.height);
                        m.draw(g, x, y, scale, view, expr, blink, mouth, mirrored);
                    });
                }
            }
            return new Figure(body, face, states);
        });
    }

    /** State index of a face patch: blink 0/0.5/1 → 0/1/2, times two, plus mouth open. */
    static int state(double blink, double mouth) {
        int b = blink >= 0.75 ? 2 : blink >= 0.25 ? 1 : 0;
        return b * 2 + (mouth > 0.5 ? 1 : 0);
    }

    // ------------------------------------------------------------------ cover

    /** A 1080×1920 key-art frame: the hook shot's cast over its backdrop with the title big on top. */
    public BufferedImage cover(String title) {
        Shot key = sb.shots().stream().filter(s -> s.kind() == ShotKind.HOOK).findFirst()
                .or(() -> sb.shots().stream().filter(s -> !s.cast().isEmpty()).reduce((a, b) -> b))
                .orElse(sb.shots().isEmpty() ? null : sb.shots().get(0));
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        if (key != null) {
            g.drawImage(backdrop(key, width, height), 0, 0, null);
            List<ShotCast> cast = key.cast();
            // faces sit higher than in a shot so the title block below them leaves them clear
            List<Placement> placed = Placement.layout(this, cast, Framing.MEDIUM_CLOSE_UP, width, height, 0, -Math.round(height * 0.1f));
            for (Placement p : placed) {
                p.model().draw(g, p.x(), p.y(), p.scale(), p.view(), Expression.parse(p.cast().expression()), 0, 0, p.mirrored());
            }
        } else {
            g.setPaint(new GradientPaint(0, 0, new Color(0x3b3f8c), 0, height, new Color(0x1e1428)));
            g.fillRect(0, 0, width, height);
        }
        g.setPaint(new GradientPaint(0, height * 0.45f, new Color(10, 8, 20, 0), 0, height * 0.8f, new Color(10, 8, 20, 215)));
        g.fillRect(0, (int) (height * 0.45), width, height - (int) (height * 0.45));
        Cards.titleBlock(g, zone, bible.title(), title == null || title.isBlank() ? "Episode " + sb.episode() : title,
                Cards.kicker(bible.language(), sb.episode()), zone.maxY() - 40, true);
        g.dispose();
        return img;
    }

    // ------------------------------------------------------------------ episode

    private final class EpisodeFrames implements FrameSource {
        private final int[] starts;
        private ShotFrames current;
        private int currentShot = -1;

        EpisodeFrames() {
            starts = new int[sb.shots().size() + 1];
            for (int i = 0; i < sb.shots().size(); i++) {
                starts[i + 1] = starts[i] + sb.shots().get(i).frames();
            }
        }

        @Override
        public int width() {
            return width;
        }

        @Override
        public int height() {
            return height;
        }

        @Override
        public int frameCount() {
            return starts[starts.length - 1];
        }

        @Override
        public void render(int index, BufferedImage target) {
            if (index < 0 || index >= frameCount()) {
                throw new IndexOutOfBoundsException("frame " + index + " of " + frameCount());
            }
            int i = currentShot >= 0 && index >= starts[currentShot] && index < starts[currentShot + 1] ? currentShot : locate(index);
            if (i != currentShot) {
                current = new ShotFrames(AnimaticRenderer.this, sb.shots().get(i));
                currentShot = i;
            }
            current.render(index - starts[i], target);
        }

        private int locate(int index) {
            int lo = 0, hi = sb.shots().size() - 1;
            while (lo < hi) {
                int mid = (lo + hi + 1) >>> 1;
                if (starts[mid] <= index) {
                    lo = mid;
                } else {
                    hi = mid - 1;
                }
            }
            return lo;
        }
    }
}
