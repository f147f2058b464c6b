package dev.tsuzuku.voice;

import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.Shot;
import dev.tsuzuku.model.ShotLine;
import dev.tsuzuku.model.Storyboard;
import dev.tsuzuku.model.VoiceSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Speaks every line of a storyboard in its speaker's voice. Each WAV is named by the hash of
 * engine, voice and text, so re-running after one line changed speaks only that line again.
 * The real lengths ({@link Speech#seconds()}) are what the storyboard is re-timed from.
 */
public final class VoiceTrack {
    private final Voice voice;

    public VoiceTrack(Voice voice) {
        this.voice = voice;
    }

    /** A line of shot {@code shot} (its index) at position {@code line} in that shot, as spoken. */
    public record SpokenLine(int shot, int line, ShotLine source, VoiceSpec voice, Speech speech) {}

    /** Speaks all lines into {@code dir}, reusing WAVs already there for the same engine, voice and text. */
    public List<SpokenLine> speak(Storyboard sb, Bible bible, Path dir) {
        List<SpokenLine> out = new ArrayList<>();
        for (Shot shot : sb.shots()) {
            for (int i = 0; i < shot.lines().size(); i++) {
                ShotLine line = shot.lines().get(i);
                VoiceSpec spec = VoiceCasting.specFor(line.speaker(), bible);
                Path wav = dir.resolve(fileName(voice.name(), spec, line.text()));
                Speech speech = Files.isRegularFile(wav)
                        ? new Speech(wav, WavFile.seconds(wav))
                        : voice.speak(line.text(), spec, wav);
                out.add(new SpokenLine(shot.index(), i, line, spec, speech));
            }
        }
        return out;
    }

    /** The spoken lines at their global start frames: shot start plus the line's start in the shot. */
    public static List<PlacedSpeech> place(Storyboard sb, List<SpokenLine> lines) {
        List<PlacedSpeech> out = new ArrayList<>(lines.size());
        for (SpokenLine l : lines) {
            out.add(new PlacedSpeech(sb.firstFrameOf(l.shot()) + l.source().startFrame(), l.speech().wav()));
        }
        return out;
    }

    static String fileName(String engine, VoiceSpec spec, String text) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            String key = engine + "\u0000" + spec.voice() + "\u0000" + spec.pitch() + "\u0000" + spec.wordsPerMinute()
                    + "\u0000" + text;
            byte[] h = sha.digest(key.getBytes(StandardCharsets.UTF_8));
            return "line-" + HexFormat.of().formatHex(h, 0, 10) + ".wav";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
