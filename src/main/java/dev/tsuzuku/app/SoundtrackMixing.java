package dev.tsuzuku.app;

import dev.tsuzuku.model.Storyboard;
import dev.tsuzuku.produce.Mixing;
import dev.tsuzuku.voice.PlacedSpeech;
import dev.tsuzuku.voice.Soundtrack;
import dev.tsuzuku.voice.VoiceActivity;
import java.nio.file.Path;
import java.util.List;

/** produce's mix from the procedural soundtrack (music bed, stinger, effects, voices). */
final class SoundtrackMixing implements Mixing {
    static final String VERSION = "soundtrack-1";

    private final Soundtrack soundtrack;

    SoundtrackMixing(Soundtrack soundtrack) {
        this.soundtrack = soundtrack;
    }

    @Override
    public String version() {
        return VERSION;
    }

    @Override
    public void mix(Storyboard board, List<Placed> voices, Path outWav) {
        soundtrack.mix(board, voices.stream().map(p -> new PlacedSpeech(p.startFrame(), p.wav())).toList(), outWav);
    }

    @Override
    public java.util.Optional<boolean[]> voiced(Storyboard board, List<Placed> voices) {
        return java.util.Optional.of(VoiceActivity.of(voices.stream().map(p -> new PlacedSpeech(p.startFrame(), p.wav())).toList(),
                board.totalFrames(), board.fps()));
    }
}
