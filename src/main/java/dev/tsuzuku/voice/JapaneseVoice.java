package dev.tsuzuku.voice;

import dev.tsuzuku.model.TsuzukuException;
import dev.tsuzuku.model.VoiceSpec;
import dev.tsuzuku.process.ProcessRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A Japanese voice that reads kanji. espeak-ng's Japanese voice reads only kana (a kanji comes
 * out as "Chinese letter" in English), so a line is spoken by Open JTalk when a Japanese HTS
 * voice is installed (Debian's open-jtalk, open-jtalk-mecab-naist-jdic and a voice such as
 * hts-voice-nitech-jp-atr503-m001), else turned into hiragana by kakasi (the readings of
 * the book's ruby first) and spoken by espeak-ng. Each character keeps its espeak pitch and
 * speed, which Open JTalk takes as a half-tone shift and a speed ratio.
 */
public final class JapaneseVoice implements Voice {
    /** Where Debian puts the dictionary and the voices Open JTalk needs. */
    static final Path NAIST_JDIC = Path.of("/var/lib/mecab/dic/open-jtalk/naist-jdic");
    static final Path HTS_VOICES = Path.of("/usr/share/hts-voice");

    private final ProcessRunner runner;
    private final Voice espeak;
    private final Optional<Path> htsVoice;
    private final Path dictionary;
    private final Duration timeout;

    JapaneseVoice(ProcessRunner runner, Voice espeak, Optional<Path> htsVoice, Path dictionary, Duration timeout) {
        this.runner = runner;
        this.espeak = espeak;
        this.htsVoice = htsVoice;
        this.dictionary = dictionary;
        this.timeout = timeout;
    }

    /** What is installed here: Open JTalk with its dictionary and a Japanese voice, else kakasi before espeak-ng. */
    static JapaneseVoice local(Voice espeak) {
        Optional<Path> hts = Programs.onPath("open_jtalk") && Files.isDirectory(NAIST_JDIC)
                ? Programs.find(HTS_VOICES, ".htsvoice") : Optional.empty();
        return new JapaneseVoice(ProcessRunner.local(), espeak, hts, NAIST_JDIC, Duration.ofSeconds(60));
    }

    /** Whether this machine can read kanji aloud at all (Open JTalk with a voice, or kakasi). */
    static boolean readsKanji() {
        return Programs.onPath("kakasi") || Programs.onPath("open_jtalk") && Programs.find(HTS_VOICES, ".htsvoice").isPresent();
    }

    /**
     * What a Japanese voice is given for a line: each word the bible's {@code readings:} lists
     * (the book's ruby) replaced by its kana, so kakasi and Open JTalk say the book's reading and
     * not their dictionary's (鈴守 → すずもり). Other voices get the line as written.
     */
    public static String withReadings(String line, VoiceSpec voice, Map<String, String> readings) {
        boolean japanese = voice != null && voice.voice() != null && voice.voice().toLowerCase(Locale.ROOT).startsWith("ja");
        if (!japanese || readings == null || readings.isEmpty()) {
            return line;
        }
        // In katakana, so kakasi -w keeps the reading one word (a hiragana run merges with the
        // particles around it: のすずもり); -KH and Open JTalk read katakana as they would hiragana.
        Map<String, String> katakana = new java.util.LinkedHashMap<>();
        readings.forEach((word, kana) -> katakana.put(word, katakana(kana)));
        return dev.tsuzuku.text.Readings.apply(line, katakana);
    }

    /** Hiragana turned into katakana; everything else kept. */
    static String katakana(String kana) {
        StringBuilder b = new StringBuilder(kana.length());
        for (char ch : kana.toCharArray()) {
            b.append(ch >= 'ぁ' && ch <= 'ゖ' ? (char) (ch + 0x60) : ch);
        }
        return b.toString();
    }

    @Override
    public String name() {
        return htsVoice.isPresent() ? "open-jtalk" : "kakasi+" + espeak.name();
    }

    @Override
    public Speech speak(String text, VoiceSpec voice, Path wavOut) {
        if (htsVoice.isPresent()) {
            return openJtalk(text, voice, wavOut);
        }
        return espeak.speak(kana(text), voice, wavOut);
    }

    /** The open_jtalk command: -r speed ratio and -fm half-tones from the character's espeak speed and pitch. */
    List<String> openJtalkCommand(VoiceSpec voice, Path wavOut) {
        double speed = Math.max(0.6, Math.min(1.6, voice.wordsPerMinute() / 165.0));
        double halfTones = Math.max(-8, Math.min(8, (voice.pitch() - 50) / 5.0));
        boolean female = voice.voice() != null && voice.voice().contains("+f");
        return List.of("open_jtalk", "-x", dictionary.toString(), "-m", htsVoice.orElseThrow().toString(),
                "-r", String.format(java.util.Locale.ROOT, "%.2f", speed),
                "-fm", String.format(java.util.Locale.ROOT, "%.1f", halfTones + (female ? 5 : 0)),
                "-ow", wavOut.toString());
    }

    private Speech openJtalk(String text, VoiceSpec voice, Path wavOut) {
        mkdirs(wavOut);
        List<String> cmd = openJtalkCommand(voice, wavOut);
        ProcessRunner.Result r = runner.run(cmd, (text + "\n").getBytes(StandardCharsets.UTF_8), timeout);
        if (r.exitCode() != 0 || !Files.isRegularFile(wavOut)) {
            throw new TsuzukuException("open_jtalk failed (exit " + r.exitCode() + ")\n  command: " + String.join(" ", cmd)
                    + "\n  stderr: " + r.stderr().strip());
        }
        return new Speech(wavOut, WavFile.seconds(wavOut));
    }

    /**
     * The line in hiragana for espeak-ng's Japanese voice: kakasi splits it into words (-w), then
     * reads kanji and katakana as hiragana, and the particles are said as particles.
     */
    String kana(String text) {
        String words = kakasi(List.of("kakasi", "-i", "utf8", "-o", "utf8", "-w"), text);
        return particles(kakasi(List.of("kakasi", "-i", "utf8", "-o", "utf8", "-JH", "-KH"), words));
    }

    private String kakasi(List<String> cmd, String text) {
        ProcessRunner.Result r = runner.run(cmd, (text + "\n").getBytes(StandardCharsets.UTF_8), timeout);
        if (r.exitCode() != 0) {
            throw new TsuzukuException("kakasi failed (exit " + r.exitCode() + ") reading a line for the voice: "
                    + r.stderr().strip() + "\n  fix: apt-get install kakasi (bash scripts/setup.sh)");
        }
        return r.stdout().strip();
    }

    /**
     * Words (space-separated, as kakasi -w gives them) joined back, with the topic particle は
     * said "wa" and the direction particle へ said "e" (kakasi writes the letters, not the sounds).
     */
    static String particles(String spacedKana) {
        StringBuilder b = new StringBuilder(spacedKana.length());
        for (String w : spacedKana.strip().split("\\s+")) {
            b.append(switch (w) {
                case "は" -> "わ";
                case "へ" -> "え";
                case "には" -> "にわ";
                case "では" -> "でわ";
                case "とは" -> "とわ";
                default -> w;
            });
        }
        return b.toString();
    }

    private static void mkdirs(Path wavOut) {
        try {
            Files.createDirectories(wavOut.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new TsuzukuException("cannot create " + wavOut.getParent() + ": " + e.getMessage(), e);
        }
    }
}
