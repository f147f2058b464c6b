package dev.tsuzuku.voice;

import dev.tsuzuku.model.VoiceSpec;
import java.nio.file.Path;

/**
 * The best installed offline voice for each line: Japanese voice ids (ja…) go to the voice that
 * reads kanji ({@link JapaneseVoice}), English ones to flite when it is installed, everything
 * else (and English without flite) to espeak-ng. The engines' silence around a line is trimmed.
 */
final class LanguageVoices implements Voice {
    private final Voice espeak;
    private final Voice japanese;
    private final Voice english;

    LanguageVoices(Voice espeak, Voice japanese, Voice english) {
        this.espeak = espeak;
        this.japanese = japanese;
        this.english = english;
    }

    @Override
    public String name() {
        return english.name() + "/" + japanese.name() + "/" + espeak.name() + " trimmed";
    }

    /** The voice a spec goes to. */
    Voice of(VoiceSpec spec) {
        String v = spec.voice() == null ? "" : spec.voice().toLowerCase(java.util.Locale.ROOT);
        if (v.startsWith("ja")) {
            return japanese;
        }
        if (v.startsWith("en")) {
            return english;
        }
        return espeak;
    }

    @Override
    public Speech speak(String text, VoiceSpec voice, Path wavOut) {
        Speech s = of(voice).speak(text, voice, wavOut);
        return trim(s);
    }

    /** Silence kept before and after the speech of a line: the breath between lines is the storyboard's. */
    static final double KEEP_SECONDS = 0.05;

    /**
     * The line without the engines' own silence before and after it (espeak-ng and flite add
     * 0.2–0.3 s each side), so the runtime is voice and the storyboard's breaths, not padding.
     */
    static Speech trim(Speech s) {
        Pcm pcm = WavFile.read(s.wav());
        float[] x = pcm.samples();
        int ch = pcm.channels();
        int frames = pcm.frames();
        int first = 0;
        while (first < frames && quiet(x, first, ch)) {
            first++;
        }
        int last = frames - 1;
        while (last > first && quiet(x, last, ch)) {
            last--;
        }
        if (first >= last) {
            return s;
        }
        int keep = (int) Math.round(KEEP_SECONDS * pcm.sampleRate());
        int from = Math.max(0, first - keep);
        int to = Math.min(frames, last + 1 + keep);
        if (from == 0 && to == frames) {
            return s;
        }
        float[] out = java.util.Arrays.copyOfRange(x, from * ch, to * ch);
        WavFile.write(s.wav(), new Pcm(pcm.sampleRate(), ch, out));
        return new Speech(s.wav(), WavFile.seconds(s.wav()));
    }

    private static boolean quiet(float[] x, int frame, int ch) {
        for (int c = 0; c < ch; c++) {
            if (Math.abs(x[frame * ch + c]) > 0.003f) {
                return false;
            }
        }
        return true;
    }
}
