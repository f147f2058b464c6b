package dev.tsuzuku.render;

import static dev.tsuzuku.render.Boards.board;
import static dev.tsuzuku.render.Boards.momotaro;
import static dev.tsuzuku.render.Boards.shot;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.CameraMove;
import dev.tsuzuku.model.Framing;
import dev.tsuzuku.model.Shot;
import dev.tsuzuku.model.ShotKind;
import dev.tsuzuku.model.Storyboard;
import java.awt.image.BufferedImage;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Produce draws two shots at a time, each with its own renderer, sharing painted layers: the frames
 * must be the same bytes as when the shots are drawn one after another. The first round runs with
 * the shared layers not yet made (both threads make them), the later ones with them made; every
 * frame is compared as drawn (BGR) and as piped to ffmpeg (yuv420p through a {@link Yuv420}).
 */
class ConcurrentShotsTest {
    private static final int FRAMES = 24;

    private static Storyboard episode() {
        List<Shot> shots = new ArrayList<>();
        CameraMove[] moves = CameraMove.values();
        String[] places = {"Riverbank", "Cottage", "Ogre Island"};
        for (int i = 1; i <= 8; i++) {
            var b = shot(i).frames(FRAMES).framing(Framing.values()[i % 4]).camera(moves[i % moves.length])
                    .at(places[i % 3], i % 2 == 0 ? "day" : "night")
                    .with("Momotaro", "happy", "left").with(i % 2 == 0 ? "Dog" : "Old Woman", "surprised", "right")
                    .line("Momotaro", "Line " + i + " of the shot, long enough to wrap onto a second line of caption", 0, FRAMES);
            if (i == 1) {
                b.kind(ShotKind.COLD_OPEN);
            } else if (i == 2) {
                b.kind(ShotKind.TITLE);
            } else if (i == 5) {
                b.kind(ShotKind.HOOK);
            } else if (i == 8) {
                b.kind(ShotKind.END_CARD);
            }
            shots.add(b.build());
        }
        return board(shots.toArray(Shot[]::new));
    }

    /** SHA-256 of every frame of the shot, drawn the way the encoder draws: a ring of reused images, then yuv420p. */
    private static List<String> hashes(Bible bible, Storyboard sb, int shotIndex) throws Exception {
        FrameSource src = new AnimaticRenderer(bible, sb).shot(shotIndex);
        BufferedImage[] ring = new BufferedImage[3];
        for (int i = 0; i < ring.length; i++) {
            ring[i] = new BufferedImage(src.width(), src.height(), BufferedImage.TYPE_3BYTE_BGR);
        }
        Yuv420 yuv = new Yuv420(src.width(), src.height());
        List<String> out = new ArrayList<>();
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        for (int f = 0; f < src.frameCount(); f++) {
            BufferedImage img = ring[f % ring.length];
            src.render(f, img);
            md.update(Pixels.bgr(img));
            String bgr = HexFormat.of().formatHex(md.digest());
            md.update(yuv.convert(Pixels.bgr(img)));
            out.add(bgr + "/" + HexFormat.of().formatHex(md.digest()));
        }
        return out;
    }

    @Test
    void shots_drawn_two_at_a_time_are_the_bytes_of_shots_drawn_one_at_a_time() throws Exception {
        Bible bible = momotaro();
        Storyboard sb = episode();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Map<Integer, List<String>> alone = null;
        Map<Integer, List<String>> first = null;
        try {
            for (int round = 0; round < 3; round++) {
                if (round == 1) {
                    alone = new TreeMap<>();
                    for (Shot s : sb.shots()) {
                        alone.put(s.index(), hashes(bible, sb, s.index()));
                    }
                }
                Map<Integer, Future<List<String>>> together = new TreeMap<>();
                for (Shot s : sb.shots()) {
                    together.put(s.index(), pool.submit(() -> hashes(bible, sb, s.index())));
                }
                if (round == 0) {
                    first = new TreeMap<>();
                    for (var e : together.entrySet()) {
                        first.put(e.getKey(), e.getValue().get());
                    }
                    continue;
                }
                if (round == 1) {
                    for (var e : first.entrySet()) {
                        List<String> want = alone.get(e.getKey());
                        for (int f = 0; f < want.size(); f++) {
                            assertThat(e.getValue().get(f)).as("cold round, shot %d, frame %d", e.getKey(), f).isEqualTo(want.get(f));
                        }
                    }
                }
                for (var e : together.entrySet()) {
                    List<String> got = e.getValue().get();
                    List<String> want = alone.get(e.getKey());
                    for (int f = 0; f < want.size(); f++) {
                        assertThat(got.get(f)).as("round %d, shot %d, frame %d", round, e.getKey(), f).isEqualTo(want.get(f));
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
