package dev.tsuzuku.render;

import static dev.tsuzuku.render.Boards.board;
import static dev.tsuzuku.render.Boards.momotaro;
import static dev.tsuzuku.render.Boards.shot;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.Character;
import dev.tsuzuku.model.Framing;
import dev.tsuzuku.model.Look;
import dev.tsuzuku.model.Place;
import dev.tsuzuku.model.Storyboard;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Backdrops and figures are shared between renderers: never across different inputs, and made once. */
class SharedLayersTest {
    private final Storyboard sb = board(shot(1).framing(Framing.MEDIUM).at("Riverbank", "day")
            .with("Momotaro", "happy", "center").build());

    private static Bible with(Bible b, String hair, String riverDescription) {
        List<Character> cast = new ArrayList<>();
        for (Character c : b.cast()) {
            cast.add(c.name().equals("Momotaro")
                    ? new Character(c.name(), c.aliases(), c.role(), new Look(hair, "brown", "crimson", "fair", "young boy, ponytail"), c.voice())
                    : c);
        }
        List<Place> places = b.places().stream()
                .map(p -> p.name().equals("Riverbank") ? new Place(p.name(), p.kind(), riverDescription) : p).toList();
        return new Bible(b.id(), b.title(), b.logline(), b.language(), b.genre(), b.style(), cast, places,
                b.episodeSeconds(), b.schedule(), b.monetization(), b.routing());
    }

    private static int rgb(BufferedImage img, Point2D p) {
        return img.getRGB((int) p.getX(), (int) p.getY()) & 0xffffff;
    }

    @Test
    void a_character_of_the_same_name_in_another_bible_is_drawn_from_its_own_look() {
        Bible black = with(momotaro(), "black", "a river under the mountains");
        Bible silver = with(momotaro(), "silver", "a river under the mountains");
        BufferedImage a = new BufferedImage(1080, 1920, BufferedImage.TYPE_3BYTE_BGR);
        BufferedImage b = new BufferedImage(1080, 1920, BufferedImage.TYPE_3BYTE_BGR);
        AnimaticRenderer ra = new AnimaticRenderer(black, sb);
        AnimaticRenderer rb = new AnimaticRenderer(silver, sb);
        ra.shot(1).render(20, a);
        rb.shot(1).render(20, b);
        Point2D p = ra.hairPixel(1, "Momotaro", 20).orElseThrow();
        assertThat(rgb(a, p)).isNotEqualTo(rgb(b, p));
        assertThat(rgb(b, p)).isEqualTo(CharacterModel.of(silver.character("Momotaro").orElseThrow(), silver.style()).palette().hair());
    }

    @Test
    void a_second_renderer_of_the_same_shot_draws_the_same_bytes_from_the_shared_layers() {
        Bible bible = momotaro();
        BufferedImage first = new BufferedImage(1080, 1920, BufferedImage.TYPE_3BYTE_BGR);
        BufferedImage second = new BufferedImage(1080, 1920, BufferedImage.TYPE_3BYTE_BGR);
        new AnimaticRenderer(bible, sb).shot(1).render(33, first);
        new AnimaticRenderer(bible, sb).shot(1).render(33, second);
        assertThat(Pixels.bgr(second)).isEqualTo(Pixels.bgr(first));
        // a different description is a different backdrop, even for the same place name
        BufferedImage other = new BufferedImage(1080, 1920, BufferedImage.TYPE_3BYTE_BGR);
        new AnimaticRenderer(with(bible, "black", "a stormy sea with waves"), sb).shot(1).render(33, other);
        assertThat(Pixels.bgr(other)).isNotEqualTo(Pixels.bgr(first));
    }

    @Test
    void threads_asking_for_the_same_missing_layer_make_it_once() throws Exception {
        LayerCache<String, int[]> cache = new LayerCache<>(2);
        AtomicInteger made = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        List<int[]> got = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        for (int i = 0; i < 4; i++) {
            Thread t = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                got.add(cache.get("k", () -> {
                    made.incrementAndGet();
                    return new int[] {7};
                }));
            });
            t.start();
            threads.add(t);
        }
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        assertThat(got).hasSize(4).allSatisfy(v -> assertThat(v).isSameAs(got.get(0)));
        // a thread may find the layer already made; the layer is never made twice while kept
        assertThat(made.get()).isEqualTo(1);
        cache.get("a", () -> new int[1]);
        cache.get("b", () -> new int[1]);
        assertThat(cache.get("k", () -> {
            made.incrementAndGet();
            return new int[] {8};
        })).containsExactly(8).as("the least recently used went first");
        assertThat(cache.get("x", () -> null)).isNull();
    }
}
