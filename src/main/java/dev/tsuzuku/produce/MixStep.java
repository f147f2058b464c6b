package dev.tsuzuku.produce;

import dev.tsuzuku.model.Shot;
import dev.tsuzuku.model.ShotLine;
import dev.tsuzuku.model.ShotKind;
import dev.tsuzuku.model.Storyboard;
import dev.tsuzuku.model.VoiceShare;
import dev.tsuzuku.model.TsuzukuException;
import dev.tsuzuku.pipeline.ArtifactCache;
import dev.tsuzuku.pipeline.InputHash;
import dev.tsuzuku.pipeline.Progress;
import dev.tsuzuku.pipeline.Step;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code mix}: the voiced lines placed on the timed board's timeline, mixed with music and effects. */
final class MixStep implements Step<Production> {
    /** Bump when the way a mix is put together changes, so cached mixes are made again. */
    static final int VERSION = 1;

    private final Mixing mixing;
    private final ArtifactCache cache;

    MixStep(Mixing mixing, ArtifactCache cache) {
        this.mixing = mixing;
        this.cache = cache;
    }

    /** The frames of the title and end cards, silent by design. */
    static boolean[] cards(Storyboard board) {
        boolean[] excused = new boolean[board.totalFrames()];
        int at = 0;
        for (Shot s : board.shots()) {
            if (s.kind() == ShotKind.TITLE || s.kind() == ShotKind.END_CARD) {
                java.util.Arrays.fill(excused, at, at + s.frames(), true);
            }
            at += s.frames();
        }
        return excused;
    }

    @Override
    public String name() {
        return "mix";
    }

    @Override
    public void run(Production p, Progress.Task task) {
        if (p.mix != null) {
            return; // mixed already, alongside the shots (ShotsStep)
        }
        Storyboard board = p.timed;
        List<Mixing.Placed> placed = new ArrayList<>();
        InputHash h = InputHash.of("mix", VERSION).add(mixing.version()).add(board);
        int shotStart = 0;
        for (Shot s : board.shots()) {
            for (ShotLine l : s.lines()) {
                if (Voices.spoken(l)) {
                    Path wav = p.voices.wav(l).orElseThrow(() -> new TsuzukuException(
                            "the retimed storyboard has a line that was not voiced: " + l.text()));
                    placed.add(new Mixing.Placed(shotStart + l.startFrame(), wav));
                    h.add(shotStart + l.startFrame() + ":" + p.voices.keys.get(Voices.id(l)));
                }
            }
            shotStart += s.frames();
        }
        String key = h.hex();
        p.voiceShare = mixing.voiced(board, placed).map(v -> VoiceShare.of(v, cards(board), board.fps())).orElse(null);
        Optional<Path> cached = p.fresh ? Optional.empty() : cache.get(key, "wav", "the mix");
        if (cached.isPresent()) {
            p.mix = cached.get();
            return;
        }
        Path tmp = cache.scratch("wav");
        try {
            mixing.mix(board, placed, tmp);
            task.advance(1);
            p.mix = cache.put(key, "wav", tmp);
        } finally {
            ShotsStep.deleteQuietly(tmp);
        }
    }
}
