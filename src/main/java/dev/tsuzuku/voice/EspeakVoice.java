package dev.tsuzuku.voice;

import dev.tsuzuku.model.BadInputException;
import dev.tsuzuku.model.TsuzukuException;
import dev.tsuzuku.model.VoiceSpec;
import dev.tsuzuku.process.ProcessRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Offline speech through the {@code espeak-ng} program. The text goes in on stdin, so no
 * quoting or shell is involved; the duration comes from the WAV it writes.
 */
public final class EspeakVoice implements Voice {
    /** espeak-ng's own bounds for -s; outside them it silently clamps, so we clamp visibly. */
    static final int MIN_WPM = 80;
    static final int MAX_WPM = 450;
    private static final Pattern VOICE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_+./-]*");
    private static final int STDERR_TAIL = 600;

    private final ProcessRunner runner;
    private final String executable;
    private final Duration timeout;

    public EspeakVoice(ProcessRunner runner, String executable, Duration timeout) {
        this.runner = runner;
        this.executable = executable;
        this.timeout = timeout;
    }

    /** espeak-ng from the PATH through a real process runner. */
    public static EspeakVoice local() {
        return new EspeakVoice(ProcessRunner.local(), "espeak-ng", Duration.ofSeconds(60));
    }

    /** Whether an {@code espeak-ng} executable is on the PATH. */
    public static boolean available() {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "espeak-ng"))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String name() {
        return "espeak-ng";
    }

    /** The exact argument list for one line; the text itself is written to stdin. */
    List<String> command(VoiceSpec spec, Path wavOut) {
        if (spec.voice() == null || !VOICE_ID.matcher(spec.voice()).matches()) {
            throw new BadInputException("series.yaml",
                    "voice '" + spec.voice() + "' is not an espeak-ng voice id",
                    "use an id such as en-us, en-us+f3 or en-gb+m2 (list them with: espeak-ng --voices)");
        }
        int pitch = Math.max(0, Math.min(99, spec.pitch()));
        int wpm = Math.max(MIN_WPM, Math.min(MAX_WPM, spec.wordsPerMinute()));
        return List.of(executable,
                "-v", spec.voice(),
                "-p", Integer.toString(pitch),
                "-s", Integer.toString(wpm),
                "-b", "1", // stdin is UTF-8
                "-w", wavOut.toString(),
                "--stdin");
    }

    @Override
    public Speech speak(String text, VoiceSpec voice, Path wavOut) {
        List<String> cmd = command(voice, wavOut);
        try {
            Files.createDirectories(wavOut.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new TsuzukuException("cannot create " + wavOut.getParent() + ": " + e.getMessage(), e);
        }
        ProcessRunner.Result r = runner.run(cmd, (text + "\n").getBytes(StandardCharsets.UTF_8), timeout);
        if (r.exitCode() != 0 || !Files.isRegularFile(wavOut)) {
            throw new TsuzukuException("espeak-ng failed (exit " + r.exitCode() + ") for voice '" + voice.voice()
                    + "'\n  command: " + String.join(" ", cmd) + "\n  stderr: " + tail(r.stderr()));
        }
        return new Speech(wavOut, WavFile.seconds(wavOut));
    }

    private static String tail(String stderr) {
        String s = stderr == null ? "" : stderr.strip();
        if (s.isEmpty()) {
            return "(empty)";
        }
        return s.length() <= STDERR_TAIL ? s : "…" + s.substring(s.length() - STDERR_TAIL);
    }
}
