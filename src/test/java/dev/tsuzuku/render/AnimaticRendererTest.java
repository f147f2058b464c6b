package dev.tsuzuku.render;

import static dev.tsuzuku.render.Boards.board;
import static dev.tsuzuku.render.Boards.momotaro;
import static dev.tsuzuku.render.Boards.shot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.CameraMove;
import dev.tsuzuku.model.Framing;
import dev.tsuzuku.model.ShotKind;
import dev.tsuzuku.model.Storyboard;
import java.awt.Rectangle;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AnimaticRendererTest {
    private final Bible bible = momotaro();

    private static BufferedImage frame() {
        return new BufferedImage(1080, 1920, BufferedImage.TYPE_3BYTE_BGR);
    }

    private static byte[] bytes(BufferedImage img) {
        return ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
    }

    private static int rgb(BufferedImage img, Point2D p) {
        return img.getRGB((int) p.getX(), (int) p.getY()) & 0xffffff;
    }

    private static boolean close(int a, int b, int tolerance) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs(((a >> shift) & 0xff) - ((b >> shift) & 0xff)) > tolerance) {
                return false;
            }
        }
        return true;
    }

    @Test
    void the_same_frame_from_two_renderers_has_identical_bytes() {
        Storyboard sb = board(shot(1).framing(Framing.MEDIUM_WIDE).camera(CameraMove.PAN).at("Riverbank", "dusk")
                .with("Momotaro", "happy", "left").with("Dog", "surprised", "right")
                .line("Dog", "A peach dumpling? I'll follow you anywhere!", 10, 80).build());
        BufferedImage a = frame(), b = frame();
        new AnimaticRenderer(bible, sb).shot(1).render(45, a);
        new AnimaticRenderer(bible, sb).shot(1).render(45, b);
        assertThat(bytes(a)).isEqualTo(bytes(b));
        assertThat(distinctColours(a)).as("a painted frame, not a flat fill").isGreaterThan(50);
    }

    @Test
    void the_episode_is_the_shots_back_to_back() {
        Storyboard sb = board(
                shot(1).kind(ShotKind.TITLE).frames(40).action("Title card: Episode 1 — The Peach").build(),
                shot(2).frames(50).with("Momotaro", "neutral", "center").build(),
                shot(3).kind(ShotKind.END_CARD).frames(30).build());
        AnimaticRenderer r = new AnimaticRenderer(bible, sb);
        FrameSource episode = r.episode();
        assertThat(episode.frameCount()).isEqualTo(sb.totalFrames()).isEqualTo(120);
        assertThat(episode.width()).isEqualTo(1080);
        assertThat(episode.height()).isEqualTo(1920);
        BufferedImage fromEpisode = frame(), fromShot = frame();
        episode.render(40 + 25, fromEpisode);
        r.shot(2).render(25, fromShot);
        assertThat(bytes(fromEpisode)).isEqualTo(bytes(fromShot));
        assertThatThrownBy(() -> episode.render(120, fromEpisode)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> r.shot(9)).hasMessageContaining("no shot 9");
    }

    @Test
    void a_shots_fingerprint_changes_with_its_inputs_only() {
        Storyboard before = board(shot(1).with("Momotaro", "happy", "left").line("Momotaro", "Hello", 0, 30).build(),
                shot(2).with("Dog", "neutral", "center").build());
        Storyboard after = board(shot(1).with("Momotaro", "happy", "left").line("Momotaro", "Hello", 0, 30).build(),
                shot(2).with("Dog", "angry", "center").build());
        AnimaticRenderer a = new AnimaticRenderer(bible, before), b = new AnimaticRenderer(bible, after);
        assertThat(a.fingerprint(1)).isEqualTo(b.fingerprint(1)).contains(AnimaticRenderer.VERSION, "crimson");
        assertThat(a.fingerprint(2)).isNotEqualTo(b.fingerprint(2));
    }

    @Test
    void a_shot_without_frames_is_bad_input_naming_the_file_and_the_fix() {
        Storyboard sb = board(shot(1).frames(0).build(), shot(2).frames(-3).build());
        assertThatThrownBy(() -> new AnimaticRenderer(bible, sb))
                .isInstanceOf(dev.tsuzuku.model.BadInputException.class)
                .hasMessageContaining("episodes/001/storyboard.json")
                .hasMessageContaining("shot 1 has 0 frames")
                .hasMessageContaining("shot 2 has -3 frames")
                .hasMessageContaining("tsuzuku board");
    }

    @Test
    void a_shot_renders_again_after_its_last_frame_freed_the_layers() {
        Storyboard sb = board(shot(1).frames(20).with("Momotaro", "neutral", "center").line("Momotaro", "Again!", 0, 20).build());
        FrameSource frames = new AnimaticRenderer(bible, sb).shot(1);
        BufferedImage a = frame(), b = frame();
        frames.render(15, a);
        frames.render(19, b);
        frames.render(15, b);
        assertThat(bytes(b)).isEqualTo(bytes(a));
    }

    @Test
    void a_character_blinks_every_few_seconds_with_the_eyes_shut_for_two_frames() {
        Storyboard sb = board(shot(1).frames(300).with("Momotaro", "neutral", "center").build());
        AnimaticRenderer r = new AnimaticRenderer(bible, sb);
        int closed = 0, blinks = 0;
        double previous = 0;
        for (int f = 0; f < 300; f++) {
            double b = r.blink(1, "Momotaro", f);
            assertThat(b).isIn(0.0, 0.5, 1.0);
            if (b == 1.0) {
                closed++;
            }
            if (b > 0 && previous == 0) {
                blinks++;
            }
            previous = b;
        }
        assertThat(blinks).as("blinks in 10 s").isBetween(2, 4);
        assertThat(closed).isEqualTo(2 * blinks);
    }

    @Test
    void closed_eyes_change_only_pixels_inside_the_face() {
        Storyboard sb = board(shot(1).frames(300).framing(Framing.CLOSE_UP).with("Momotaro", "neutral", "center").build());
        AnimaticRenderer r = new AnimaticRenderer(bible, sb);
        int shut = -1, open = -1;
        for (int f = 20; f < 300 && (shut < 0 || open < 0); f++) {
            if (r.blink(1, "Momotaro", f) == 1.0 && shut < 0) {
                shut = f;
            }
            if (r.blink(1, "Momotaro", f) == 0.0 && open < 0) {
                open = f;
            }
        }
        BufferedImage eyesOpen = frame(), eyesShut = frame();
        FrameSource frames = r.shot(1);
        frames.render(shut, eyesShut);
        frames.render(open, eyesOpen);
        Rectangle changed = diff(eyesOpen, eyesShut);
        assertThat(changed).as("blinking changes pixels").isNotNull();
        // the head of a close-up is centred at 40% of the height, ~620 px tall
        Rectangle head = new Rectangle(540 - 330, 768 - 330, 660, 660);
        assertThat(head.contains(changed)).as("changed %s inside head %s", changed, head).isTrue();
        frames.render(open, eyesShut);
        assertThat(bytes(eyesShut)).as("re-rendering a frame restores the open eyes").isEqualTo(bytes(eyesOpen));
    }

    @Test
    void the_mouth_flaps_at_about_nine_hertz_only_while_the_speakers_line_is_on() {
        Storyboard sb = board(shot(1).frames(120).with("Momotaro", "neutral", "left").with("Old Woman", "happy", "right")
                .line("Peach Boy", "We leave at dawn.", 30, 90).build());
        AnimaticRenderer r = new AnimaticRenderer(bible, sb);
        for (int f : new int[] {0, 29, 90, 119}) {
            assertThat(r.mouth(1, "Momotaro", f)).as("frame %d, no line", f).isZero();
        }
        int openings = 0;
        for (int f = 30; f < 90; f++) {
            assertThat(r.mouth(1, "Old Woman", f)).as("listener at %d", f).isZero();
            if (r.mouth(1, "Momotaro", f) == 1 && (f == 30 || r.mouth(1, "Momotaro", f - 1) == 0)) {
                openings++;
            }
        }
        assertThat(openings).as("mouth openings in 2 s (alias 'Peach Boy' speaks for Momotaro)").isBetween(16, 20);
        assertThat(r.mouth(1, "Momotaro", 30)).isEqualTo(1);
        assertThat(r.mouth(1, "Momotaro", 32)).isZero();
    }

    @Test
    void hair_keeps_the_palette_colour_in_different_shots_places_and_framings() {
        Storyboard sb = board(
                shot(1).framing(Framing.MEDIUM).at("Riverbank", "day").with("Momotaro", "happy", "left").with("Dog", "neutral", "right").build(),
                shot(2).framing(Framing.CLOSE_UP).at("Cottage", "night").with("Momotaro", "sad", "right").build(),
                shot(3).framing(Framing.WIDE).at("Ogre Island", "dawn").with("Dog", "angry", "center").with("Momotaro", "determined", "left").build());
        AnimaticRenderer r = new AnimaticRenderer(bible, sb);
        int hair = CharacterModel.of(bible.character("Momotaro").orElseThrow(), bible.style()).palette().hair();
        int fur = CharacterModel.of(bible.character("Dog").orElseThrow(), bible.style()).palette().hair();
        for (int s = 1; s <= 3; s++) {
            BufferedImage img = frame();
            r.shot(s).render(40, img);
            Point2D p = r.hairPixel(s, "Momotaro", 40).orElseThrow();
            assertThat(close(rgb(img, p), hair, 6)).as("shot %d hair %06x vs palette %06x", s, rgb(img, p), hair).isTrue();
            int shot = s;
            r.hairPixel(s, "Dog", 40).ifPresent(q ->
                    assertThat(close(rgb(img, q), fur, 6)).as("shot %d fur %06x vs %06x", shot, rgb(img, q), fur).isTrue());
        }
    }

    @Test
    void cards_and_cover_are_full_frames() {
        Storyboard sb = board(
                shot(1).kind(ShotKind.TITLE).frames(60).action("Title card: Episode 1 — 桃から生まれた").build(),
                shot(2).kind(ShotKind.HOOK).framing(Framing.CLOSE_UP).camera(CameraMove.SHAKE).with("Momotaro", "surprised", "center")
                        .line("Momotaro", "The gate is open!", 0, 40).build(),
                shot(3).kind(ShotKind.END_CARD).frames(90).build());
        AnimaticRenderer r = new AnimaticRenderer(bible, sb);
        BufferedImage cover = r.cover("The Gate");
        assertThat(cover.getWidth()).isEqualTo(1080);
        assertThat(cover.getHeight()).isEqualTo(1920);
        assertThat(distinctColours(cover)).isGreaterThan(50);
        BufferedImage a = frame(), b = frame();
        r.shot(3).render(30, a);
        r.shot(3).render(80, b);
        assertThat(bytes(a)).as("the end card holds still").isEqualTo(bytes(b));
        int freeze = AnimaticRenderer.freezeFrame(r.find(2));
        FrameSource hook = r.shot(2);
        hook.render(freeze + AnimaticRenderer.FREEZE_SHAKE_FRAMES, a);
        hook.render(89, b);
        assertThat(bytes(a)).as("the hook freezes after its stinger").isEqualTo(bytes(b));
        hook.render(freeze, b);
        assertThat(meanLuma(b)).as("the stinger flashes white").isGreaterThan(meanLuma(a) + 60);
    }

    @Test
    void the_first_frames_of_a_shot_come_in_from_black() {
        Storyboard sb = board(shot(1).with("Momotaro", "neutral", "center").build());
        AnimaticRenderer r = new AnimaticRenderer(bible, sb);
        BufferedImage first = frame(), later = frame();
        r.shot(1).render(0, first);
        r.shot(1).render(30, later);
        assertThat(meanLuma(first)).isLessThan(meanLuma(later) / 4);
    }

    @Test
    void a_frame_can_be_drawn_into_an_image_of_another_type() {
        Storyboard sb = board(shot(1).with("Momotaro", "neutral", "center").build());
        BufferedImage rgb = new BufferedImage(540, 960, BufferedImage.TYPE_INT_RGB);
        new AnimaticRenderer(bible, sb).shot(1).render(30, rgb);
        assertThat(rgb.getRGB(270, 100) & 0xffffff).isNotZero();
    }

    static Rectangle diff(BufferedImage a, BufferedImage b) {
        byte[] x = bytes(a), y = bytes(b);
        int minX = Integer.MAX_VALUE, minY = Integer.MAX_VALUE, maxX = -1, maxY = -1;
        int w = a.getWidth();
        for (int i = 0; i < x.length; i++) {
            if (x[i] != y[i]) {
                int px = (i / 3) % w, py = (i / 3) / w;
                minX = Math.min(minX, px);
                minY = Math.min(minY, py);
                maxX = Math.max(maxX, px);
                maxY = Math.max(maxY, py);
            }
        }
        return maxX < 0 ? null : new Rectangle(minX, minY, maxX - minX + 1, maxY - minY + 1);
    }

    static long distinctColours(BufferedImage img) {
        return Arrays.stream(img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth())).distinct().count();
    }

    static double meanLuma(BufferedImage img) {
        byte[] b = bytes(img);
        long sum = 0;
        for (int i = 0; i < b.length; i += 3 * 7) {
            sum += (b[i] & 0xff) + (b[i + 1] & 0xff) + (b[i + 2] & 0xff);
        }
        return sum / (b.length / 21.0) / 3;
    }
}
