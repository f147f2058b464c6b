package dev.tsuzuku.produce;

import dev.tsuzuku.model.Shot;
import dev.tsuzuku.model.ShotLine;
import dev.tsuzuku.model.TsuzukuException;
import dev.tsuzuku.model.VoiceSpec;
import dev.tsuzuku.pipeline.ArtifactCache;
import dev.tsuzuku.pipeline.InputHash;
import dev.tsuzuku.pipeline.Progress;
import dev.tsuzuku.pipeline.Step;
import dev.tsuzuku.voice.Speech;
import dev.tsuzuku.voice.Voice;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/** {@code voices}: every distinct spoken line of the storyboard, synthesised once and cached by text and voice. */
final class VoicesStep implements Step<Production> {
    /** Bump when the way a line is voiced changes, so cached lines are spoken again. */
    static final int VERSION = 1;

    private final Voice voice;
    private final Casting casting;
    private final ArtifactCache cache;

    VoicesStep(Voice voice, Casting casting, ArtifactCache cache) {
        this.voice = voice;
        this.casting = casting;
        this.cache = cache;
    }

    @Override
    public String name() {
        return "voices";
    }

    @Override
    public long units(Production p) {
        return lines(p).size();
    }

    private static Map<String, ShotLine> lines(Production p) {
        Map<String, ShotLine> todo = new LinkedHashMap<>();
        for (Shot s : p.board.shots()) {
            for (ShotLine l : s.lines()) {
                if (Voices.spoken(l)) {
                    todo.putIfAbsent(Voices.id(l), l);
                }
            }
        }
        return todo;
    }

    @Override
    public void run(Production p, Progress.Task task) {
        Voices v = new Voices();
        Map<String, ShotLine> todo = lines(p);
        v.total = todo.size();
        for (Map.Entry<String, ShotLine> e : todo.entrySet()) {
            ShotLine l = e.getValue();
            VoiceSpec spec = casting.specFor(l.speaker(), p.bible);
            String key = InputHash.of("voice", VERSION).add(l.text()).add(spec).add(voice.name()).hex();
            Optional<Path> cached = p.fresh ? Optional.empty() : cache.get(key, "wav");
            Path wav;
            if (cached.isPresent()) {
                wav = cached.get();
                v.reused++;
            } else {
                Speech speech = voice.speak(l.text(), spec, cache.scratch("wav"));
                wav = cache.put(key, "wav", speech.wav());
            }
            v.wavs.put(e.getKey(), wav);
            v.keys.put(e.getKey(), key);
            v.seconds.put(e.getKey(), wavSeconds(wav));
            task.advance(1);
        }
        p.voices = v;
    }

    static double wavSeconds(Path wav) {
        try {
            AudioFileFormat f = AudioSystem.getAudioFileFormat(wav.toFile());
            int frameSize = f.getFormat().getFrameSize();
            long frames = f.getFrameLength();
            long size = Files.size(wav);
            if (frames <= 0 || (frameSize > 0 && frames * frameSize > size)) {
                // a WAV streamed from a pipe carries a placeholder length; the file size tells the truth
                frames = (size - 44) / Math.max(1, frameSize);
            }
            return frames / (double) f.getFormat().getFrameRate();
        } catch (UnsupportedAudioFileException | IOException e) {
            throw new TsuzukuException("cannot read the length of " + wav + ": " + e.getMessage(), e);
        }
    }
}
