package dev.tsuzuku.render;

import static dev.tsuzuku.render.Boards.board;
import static dev.tsuzuku.render.Boards.momotaro;
import static dev.tsuzuku.render.Boards.shot;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.Framing;
import dev.tsuzuku.model.Look;
import dev.tsuzuku.model.Place;
import dev.tsuzuku.model.Setting;
import dev.tsuzuku.model.Storyboard;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The animatic's sets and costumes follow the bible's era; an unspecified era keeps the old look. */
class EraSetsTest {
    private static final int W = 1080;
    private static final int H = 1920;
    private static final int SHOJI_PAPER = 0xfbf6ea;
    private static final int SASH_FRAME = 0xf2eee4;

    private static BufferedImage paint(Backdrop b) {
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = img.createGraphics();
        b.paint(g, W, H);
        g.dispose();
        return img;
    }

    private static int count(BufferedImage img, int rgb) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xffffff) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }

    /** Mean absolute channel difference of two images over rows y0..y1. */
    private static double difference(BufferedImage a, BufferedImage b, int y0, int y1) {
        long sum = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y), q = b.getRGB(x, y);
                for (int s = 0; s <= 16; s += 8) {
                    sum += Math.abs(((p >> s) & 0xff) - ((q >> s) & 0xff));
                }
            }
        }
        return sum / (3.0 * a.getWidth() * (y1 - y0));
    }

    private static Backdrop room(Era era) {
        return Backdrop.of("Sitting Room", "interior", "a quiet room", "day", 0, era);
    }

    @Test
    void only_the_japanese_period_room_has_shoji() {
        assertThat(count(paint(room(Era.JAPANESE_PERIOD)), SHOJI_PAPER)).isGreaterThan(20_000);
        BufferedImage western = paint(room(Era.WESTERN_PERIOD));
        assertThat(count(western, SHOJI_PAPER)).isZero();
        assertThat(count(paint(room(Era.MODERN)), SHOJI_PAPER)).isZero();
        // the western room has its white sash window instead
        assertThat(count(western, SASH_FRAME)).isGreaterThan(10_000);
    }

    @Test
    void a_modern_street_differs_from_a_japanese_period_one_above_and_on_the_horizon() {
        Backdrop japanese = Backdrop.of("Market Street", "exterior", "a busy street in town", "day", 0, Era.JAPANESE_PERIOD);
        Backdrop modern = Backdrop.of("Market Street", "exterior", "a busy street in town", "day", 0, Era.MODERN);
        Backdrop western = Backdrop.of("Market Street", "exterior", "a busy street in town", "day", 0, Era.WESTERN_PERIOD);
        BufferedImage j = paint(japanese), m = paint(modern), w = paint(western);
        int horizon = (int) (H * 0.56);
        // the sky over the roofs: city blocks stand where the Japanese town has only sky
        assertThat(difference(j, m, horizon / 2, horizon)).isGreaterThan(15);
        assertThat(difference(j, w, horizon / 2, horizon)).isGreaterThan(15);
        assertThat(difference(m, w, horizon / 2, horizon)).isGreaterThan(15);
        // the sky at the top is the same sky in every era
        assertThat(difference(j, m, 0, 60)).isLessThan(1);
    }

    private static BufferedImage figure(String silhouette, Era era) {
        CharacterModel m = CharacterModel.of(Boards.character("Tester", new Look("black", "brown", "crimson", "fair", silhouette)),
                Boards.momotaro().style(), era);
        BufferedImage img = new BufferedImage(600, 900, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = img.createGraphics();
        m.draw(g, 300, 880, 120, View.FRONT, Expression.NEUTRAL, 0, 0, false);
        g.dispose();
        return img;
    }

    @Test
    void people_wear_trousers_in_the_west_jeans_now_and_neither_in_a_kimono() {
        assertThat(count(figure("young man", Era.WESTERN_PERIOD), Costume.TROUSERS)).isGreaterThan(2_000);
        assertThat(count(figure("young man", Era.MODERN), Costume.JEANS)).isGreaterThan(2_000);
        for (Era e : new Era[] {Era.JAPANESE_PERIOD}) {
            BufferedImage kimono = figure("young man", e);
            assertThat(count(kimono, Costume.TROUSERS) + count(kimono, Costume.JEANS)).isZero();
        }
        // a western woman's long dress reaches the floor: no trousers, a lace collar
        BufferedImage dress = figure("young woman", Era.WESTERN_PERIOD);
        assertThat(count(dress, Costume.TROUSERS)).isZero();
        assertThat(count(dress, Costume.LINEN)).isGreaterThan(200);
    }

    @Test
    void animals_look_the_same_in_every_era() {
        BufferedImage a = figure("a loyal dog", Era.JAPANESE_PERIOD);
        BufferedImage b = figure("a loyal dog", Era.MODERN);
        assertThat(difference(a, b, 0, a.getHeight())).isZero();
    }

    @Test
    void eras_map_to_the_nearest_sets() {
        assertThat(Era.of(Setting.UNSPECIFIED)).isEqualTo(Era.JAPANESE_PERIOD);
        assertThat(Era.of(null)).isEqualTo(Era.JAPANESE_PERIOD);
        assertThat(Era.of(new Setting("japanese-period", "", "", ""))).isEqualTo(Era.JAPANESE_PERIOD);
        assertThat(Era.of(new Setting("chinese-period", "", "", ""))).isEqualTo(Era.JAPANESE_PERIOD);
        assertThat(Era.of(new Setting("western-period", "1890s", "England", ""))).isEqualTo(Era.WESTERN_PERIOD);
        assertThat(Era.of(new Setting("fantasy", "", "", ""))).isEqualTo(Era.WESTERN_PERIOD);
        assertThat(Era.of(new Setting("modern", "", "", ""))).isEqualTo(Era.MODERN);
    }

    // ------------------------------------------------------------------ the real renderer, one shot per era

    private static Bible withTown(Bible b) {
        List<Place> places = new ArrayList<>(b.places());
        places.add(new Place("Market Street", "exterior", "a busy street in town"));
        return new Bible(b.id(), b.title(), b.logline(), b.language(), b.genre(), b.style(), b.cast(), places,
                b.episodeSeconds(), b.schedule(), b.monetization(), b.routing());
    }

    private static final Storyboard ROOM = board(shot(1).framing(Framing.WIDE).at("Cottage", "evening")
            .with("Old Man", "happy", "left").with("Old Woman", "neutral", "right").build());
    private static final Storyboard STREET = board(shot(1).framing(Framing.WIDE).at("Market Street", "day")
            .with("Momotaro", "happy", "center").build());

    private static BufferedImage frame(Bible bible, Storyboard sb) {
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_3BYTE_BGR);
        new AnimaticRenderer(bible, sb).shot(1).render(10, img);
        return img;
    }

    private static byte[] bytes(BufferedImage img) {
        return ((java.awt.image.DataBufferByte) img.getRaster().getDataBuffer()).getData();
    }

    @ParameterizedTest
    @EnumSource(Era.class)
    void the_renderer_draws_a_shot_in_each_era_and_a_changed_setting_redraws(Era era) throws IOException {
        Bible plain = withTown(momotaro());
        String name = switch (era) {
            case JAPANESE_PERIOD -> "japanese-period";
            case WESTERN_PERIOD -> "western-period";
            case MODERN -> "modern";
        };
        Bible set = plain.withSetting(new Setting(name, "", "", ""));
        Path out = Path.of("target", "era-frames");
        Files.createDirectories(out);
        for (Storyboard sb : List.of(ROOM, STREET)) {
            BufferedImage before = frame(plain, sb);   // fills the shared layer caches with the default sets
            BufferedImage after = frame(set, sb);
            String what = sb == ROOM ? "room" : "street";
            ImageIO.write(after, "png", out.resolve(name + "-" + what + ".png").toFile());
            AnimaticRenderer r = new AnimaticRenderer(set, sb);
            AnimaticRenderer d = new AnimaticRenderer(plain, sb);
            if (era == Era.JAPANESE_PERIOD) {
                assertThat(Arrays.equals(bytes(before), bytes(after))).as("japanese-period is today's look").isTrue();
                assertThat(r.fingerprint(1)).isEqualTo(d.fingerprint(1));
            } else {
                assertThat(difference(before, after, 0, H)).as(what + " in " + era).isGreaterThan(10);
                assertThat(r.fingerprint(1)).isNotEqualTo(d.fingerprint(1)).contains("sets=" + era);
            }
        }
    }

    @Test
    void japanese_and_chinese_place_names_draw_the_set_they_name() {
        Backdrop temple = Backdrop.of("山寺", "exterior", "昔、山の奥に古い山寺がありました。", "day", 0, Era.JAPANESE_PERIOD);
        Backdrop forest = Backdrop.of("森林", "exterior", "他在森林里迷了路。", "day", 0, Era.JAPANESE_PERIOD);

        assertThat(temple.has("temple")).isTrue();
        assertThat(temple.has("mountain")).isTrue();
        assertThat(forest.has("forest")).isTrue();
        assertThat(forest.has("temple", "sea", "village")).isFalse();
    }
}
