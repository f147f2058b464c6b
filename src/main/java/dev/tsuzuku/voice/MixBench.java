package dev.tsuzuku.voice;

import dev.tsuzuku.model.CameraMove;
import dev.tsuzuku.model.Framing;
import dev.tsuzuku.model.Shot;
import dev.tsuzuku.model.ShotKind;
import dev.tsuzuku.model.Storyboard;
import dev.tsuzuku.model.VoiceSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * {@code tsuzuku bench mix}: what the soundtrack of one episode costs. A storyboard of 5 s shots
 * (rain and birds every few shots, a hook with its stinger near the end) is mixed with one spoken
 * line every 110 frames, three times; the best run is judged against the budget.
 */
public final class MixBench {
    /** Seconds of CPU a 150 s episode may take to mix. */
    public static final double BUDGET_SECONDS_PER_150 = 2.0;

    private final LongSupplier cpuNanos;

    /** {@code cpuNanos} is the time source (the CLI passes the thread's CPU time, which a busy machine does not stretch). */
    public MixBench(LongSupplier cpuNanos) {
        this.cpuNanos = cpuNanos;
    }

    /** Seconds of each run, the episode's length and line count, and the WAV the last run wrote. */
    public record Report(double episodeSeconds, int spokenLines, List<Double> runSeconds, Path wav) {
        public double best() {
            return runSeconds.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        }

        /** The budget scaled to this episode's length. */
        public double budget() {
            return BUDGET_SECONDS_PER_150 * episodeSeconds / 150;
        }

        public List<String> lines() {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < runSeconds.size(); i++) {
                out.add(String.format(Locale.ROOT, "mix %.0f s with %d lines, run %d: %.2f s CPU", episodeSeconds, spokenLines,
                        i + 1, runSeconds.get(i)));
            }
            out.add(String.format(Locale.ROOT, "best %.2f s CPU against the %.2f s budget: %s", best(), budget(),
                    best() <= budget() ? "ok" : "OVER"));
            return out;
        }
    }

    /** Mixes a {@code seconds}-long episode three times in {@code scratch} (a folder it may write). */
    public Report run(Path scratch, int seconds) {
        if (seconds < 5) {
            throw new IllegalArgumentException("seconds must be at least 5, got " + seconds);
        }
        Path line = new SynthVoice().speak("Long ago, a young fisherman named Urashima Taro lived by the sea.",
                new VoiceSpec("en-us+f3", 65, 160), scratch.resolve("line.wav")).wav();
        Storyboard sb = storyboard(seconds);
        List<PlacedSpeech> speech = new ArrayList<>();
        for (int start = 0; start < sb.totalFrames(); start += 110) {
            speech.add(new PlacedSpeech(start, line));
        }
        List<Double> runs = new ArrayList<>();
        Path wav = scratch.resolve("episode.wav");
        for (int run = 0; run < 3; run++) {
            long start = cpuNanos.getAsLong();
            new Soundtrack().mix(sb, speech, wav);
            runs.add((cpuNanos.getAsLong() - start) / 1e9);
        }
        return new Report(sb.totalFrames() / (double) sb.fps(), speech.size(), runs, wav);
    }

    static Storyboard storyboard(int seconds) {
        int frames = seconds * 30;
        List<Shot> shots = new ArrayList<>();
        for (int at = 0, i = 1; at < frames; at += 150, i++) {
            int length = Math.min(150, frames - at);
            boolean hook = at + 2 * 150 >= frames && at + 150 < frames;
            List<String> sfx = hook ? List.of() : List.of(i % 3 == 0 ? "rain" : "birds");
            shots.add(new Shot(i, hook ? ShotKind.HOOK : ShotKind.STORY, length, Framing.MEDIUM, CameraMove.STATIC,
                    "beach", "day", List.of(), "", List.of(), sfx, ""));
        }
        return new Storyboard(1, 30, 1080, 1920, "tender", "To be continued", shots);
    }
}
