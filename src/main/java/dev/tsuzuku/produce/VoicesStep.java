package dev.tsuzuku.produce;

import dev.tsuzuku.model.Shot;
import dev.tsuzuku.model.ShotLine;
import dev.tsuzuku.model.VoiceSpec;
import dev.tsuzuku.pipeline.ArtifactCache;
import dev.tsuzuku.pipeline.InputHash;
import dev.tsuzuku.pipeline.Progress;
import dev.tsuzuku.pipeline.Step;
import dev.tsuzuku.voice.Speech;
import dev.tsuzuku.voice.Voice;
import dev.tsuzuku.voice.WavFile;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** {@code voices}: every distinct spoken line of the storyboard, synthesised once and cached by text and voice. */
final class VoicesStep implements Step<Production> {
    /** Bump when the way a line is voiced changes, so cached lines are spoken again (2: flite's pace, issue 9). */
    static final int VERSION = 2;

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
            // The book's readings (series.yaml readings:) reach a Japanese voice as kana; a line they do
            // not touch hashes as before, so its cached recording stays.
            String said = dev.tsuzuku.voice.JapaneseVoice.withReadings(l.text(), spec, p.bible.readings());
            String key = InputHash.of("voice", VERSION).add(said).add(spec).add(voice.name()).hex();
            Optional<Path> cached = p.fresh ? Optional.empty() : cache.get(key, "wav", "the voice line '" + l.text() + "'");
            Path wav;
            if (cached.isPresent()) {
                wav = cached.get();
                v.reused++;
            } else {
                Speech speech = voice.speak(said, spec, cache.scratch("wav"));
                wav = cache.put(key, "wav", speech.wav());
            }
            v.wavs.put(e.getKey(), wav);
            v.keys.put(e.getKey(), key);
            v.seconds.put(e.getKey(), WavFile.seconds(wav));
            task.advance(1);
        }
        p.voices = v;
    }
}
