package dev.tsuzuku.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tsuzuku.model.BadInputException;
import dev.tsuzuku.model.TsuzukuException;
import dev.tsuzuku.model.VoiceSpec;
import dev.tsuzuku.process.FakeProcessRunner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The espeak-ng adapter with a fake process runner: the command line and failures, no real process. */
class EspeakVoiceTest {
    @TempDir
    Path dir;

    /** espeak-ng as a fake program: records what it was asked and, like espeak-ng, writes a WAV to the -w path. */
    static final class FakeEspeak {
        final List<List<String>> commands = new ArrayList<>();
        final List<String> stdins = new ArrayList<>();
        int exitCode = 0;
        String stderr = "";
        double seconds = 1.25;
        final FakeProcessRunner runner = new FakeProcessRunner().program("/usr/bin/espeak-ng", (command, env, stdin) -> {
            commands.add(command);
            stdins.add(new String(stdin, StandardCharsets.UTF_8));
            if (exitCode == 0) {
                Path out = Path.of(command.get(command.indexOf("-w") + 1));
                WavFile.write(out, new Pcm(22_050, 1, new float[(int) Math.round(seconds * 22_050)]));
            }
            return new FakeProcessRunner.Exit(exitCode, "", stderr);
        });
    }

    final FakeEspeak fake = new FakeEspeak();
    final EspeakVoice voice = new EspeakVoice(fake.runner, "/usr/bin/espeak-ng", Duration.ofSeconds(5));

    @Test
    void runs_espeak_with_voice_pitch_rate_and_output_and_passes_the_text_on_stdin() {
        Path out = dir.resolve("line.wav");

        voice.speak("\"Don't\" — she said; $(rm -rf /)", new VoiceSpec("en-us+f3", 62, 170), out);

        assertThat(fake.commands).containsExactly(List.of("/usr/bin/espeak-ng",
                "-v", "en-us+f3", "-p", "62", "-s", "170", "-b", "1", "-w", out.toString(), "--stdin"));
        assertThat(fake.stdins).containsExactly("\"Don't\" — she said; $(rm -rf /)\n");
    }

    @Test
    void the_duration_is_read_from_the_wav_espeak_wrote() {
        fake.seconds = 2.5;

        Speech s = voice.speak("Hello.", new VoiceSpec("en-us", 50, 160), dir.resolve("x.wav"));

        assertThat(s.seconds()).isEqualTo(2.5);
    }

    @Test
    void pitch_and_rate_outside_espeaks_ranges_are_clamped() {
        List<String> cmd = voice.command(new VoiceSpec("en", 140, 20), dir.resolve("x.wav"));

        assertThat(cmd.subList(3, 7)).containsExactly("-p", "99", "-s", "80");
    }

    @Test
    void a_voice_id_that_could_be_read_as_an_option_is_bad_input_with_a_fix() {
        assertThatThrownBy(() -> voice.speak("Hi", new VoiceSpec("--help", 50, 160), dir.resolve("x.wav")))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("series.yaml")
                .hasMessageContaining("'--help' is not an espeak-ng voice id")
                .hasMessageContaining("espeak-ng --voices");
        assertThat(fake.commands).isEmpty();
    }

    @Test
    void a_failing_espeak_is_reported_with_the_command_and_the_tail_of_its_stderr() {
        fake.exitCode = 1;
        fake.stderr = "x".repeat(2000) + "\nError: The specified espeak-ng voice does not exist.\n";

        assertThatThrownBy(() -> voice.speak("Hi", new VoiceSpec("xx-nope", 50, 160), dir.resolve("x.wav")))
                .isInstanceOf(TsuzukuException.class)
                .hasMessageContaining("espeak-ng failed (exit 1) for voice 'xx-nope'")
                .hasMessageContaining("command: /usr/bin/espeak-ng -v xx-nope")
                .hasMessageContaining("Error: The specified espeak-ng voice does not exist.")
                .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(1000));
    }
}
