package dev.tsuzuku.voice;

import dev.tsuzuku.model.TsuzukuException;
import dev.tsuzuku.model.VoiceSpec;
import dev.tsuzuku.process.ProcessRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * English speech through Debian's {@code flite}: its clustergen voices (slt, a woman; rms, awb
 * and kal16, men) are recorded human voices, clearer and less buzzing than espeak-ng's formant
 * synthesis (decision 0026). A character's espeak spec picks the voice (+f… a woman, else one of
 * the men by pitch) and sets the mean pitch ({@code int_f0_target_mean}) and pace
 * ({@code duration_stretch}), so characters who share a flite voice still sound apart.
 */
public final class FliteVoice implements Voice {
    static final List<String> MEN = List.of("rms", "awb", "kal16");

    private final ProcessRunner runner;
    private final Duration timeout;

    FliteVoice(ProcessRunner runner, Duration timeout) {
        this.runner = runner;
        this.timeout = timeout;
    }

    static FliteVoice local() {
        return new FliteVoice(ProcessRunner.local(), Duration.ofSeconds(60));
    }

    @Override
    public String name() {
        return "flite";
    }

    /** The flite voice for a character's espeak spec. */
    static String voiceOf(VoiceSpec spec) {
        String v = spec.voice() == null ? "" : spec.voice();
        if (v.contains("+f")) {
            return "slt";
        }
        int variant = Math.floorMod(v.hashCode() * 31 + spec.pitch(), MEN.size());
        return MEN.get(variant);
    }

    /** The mean pitch in Hz: espeak pitch 0–99 over 150–230 Hz for a woman, 85–145 Hz for a man. */
    static int f0(VoiceSpec spec) {
        int p = Math.max(0, Math.min(99, spec.pitch()));
        return voiceOf(spec).equals("slt") ? 150 + p * 80 / 99 : 85 + p * 60 / 99;
    }

    /**
     * flite's own pace at {@code duration_stretch=1}, recordings included (its ~0.2 s of silence
     * before and after): 220–236 words a minute measured over its four voices. The stretch brings
     * a line to the spec's words a minute, the pace the script and storyboard were planned at;
     * with the old guess of 170 episodes came out about a fifth shorter than planned (issue 9).
     */
    static final double NATURAL_WPM = 225.0;

    static double stretch(VoiceSpec spec) {
        return Math.max(0.7, Math.min(1.6, NATURAL_WPM / Math.max(80, spec.wordsPerMinute())));
    }

    List<String> command(String text, VoiceSpec spec, Path wavOut) {
        double stretch = stretch(spec);
        return List.of("flite", "-voice", voiceOf(spec),
                "--setf", "int_f0_target_mean=" + f0(spec),
                "--setf", String.format(Locale.ROOT, "duration_stretch=%.2f", stretch),
                "-t", text.replace('\n', ' ').replaceFirst("^-+", ""),
                "-o", wavOut.toString());
    }

    @Override
    public Speech speak(String text, VoiceSpec voice, Path wavOut) {
        try {
            Files.createDirectories(wavOut.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new TsuzukuException("cannot create " + wavOut.getParent() + ": " + e.getMessage(), e);
        }
        List<String> cmd = command(text, voice, wavOut);
        ProcessRunner.Result r = runner.run(cmd, new byte[0], timeout);
        if (r.exitCode() != 0 || !Files.isRegularFile(wavOut)) {
            throw new TsuzukuException("flite failed (exit " + r.exitCode() + ") for voice '" + voiceOf(voice) + "': "
                    + r.stderr().strip());
        }
        return new Speech(wavOut, WavFile.seconds(wavOut));
    }
}
