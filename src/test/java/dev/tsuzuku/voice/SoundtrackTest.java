package dev.tsuzuku.voice;

import static dev.tsuzuku.voice.StoryboardBuilder.aStoryboard;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tsuzuku.model.Storyboard;
import dev.tsuzuku.model.TsuzukuException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SoundtrackTest {
    static final int RATE = 48_000;

    @TempDir
    Path dir;

    final Soundtrack soundtrack = new Soundtrack();

    @ParameterizedTest
    @ValueSource(ints = {1, 29, 47, 301})
    void the_wav_is_16_bit_stereo_48_khz_and_exactly_total_frames_times_1600_samples_long(int frames) throws Exception {
        Storyboard sb = aStoryboard().story(frames / 2).hook(frames - frames / 2).build();
        Path out = dir.resolve("episode.wav");

        soundtrack.mix(sb, List.of(), out);

        WavFile.Header h = WavFile.header(out, Files.readAllBytes(out));
        assertThat(h.sampleRate()).isEqualTo(RATE);
        assertThat(h.channels()).isEqualTo(2);
        assertThat(h.bitsPerSample()).isEqualTo(16);
        assertThat(h.frames()).isEqualTo(frames * 1600L);
        assertThat(Files.size(out)).isEqualTo(44 + frames * 1600L * 4);
    }

    @Test
    void the_music_ducks_about_12_db_under_speech_and_comes_back_after_it() {
        Path line = Audio.tone(dir.resolve("line.wav"), 22_050, 220, 3.0, 0.5);
        Storyboard sb = aStoryboard().story(300).line("Taro", "…", 90, 180).build();

        Soundtrack.Mix ducked = soundtrack.render(sb, List.of(new PlacedSpeech(90, line)));
        Soundtrack.Mix dry = soundtrack.render(sb, List.of());

        // Speech runs from 3 s to 6 s.
        double under = Audio.db(Audio.rms(ducked.bed(), 3.5, 5.5) / Audio.rms(dry.bed(), 3.5, 5.5));
        assertThat(under).isBetween(-13.0, -11.0);
        double after = Audio.db(Audio.rms(ducked.bed(), 7.5, 9.5) / Audio.rms(dry.bed(), 7.5, 9.5));
        assertThat(after).isGreaterThan(-0.5);
        // The gain glides: no step larger than a smooth 60 ms attack allows.
        float[] g = ducked.duck();
        double largestStep = 0;
        for (int i = 1; i < g.length; i++) {
            largestStep = Math.max(largestStep, Math.abs(g[i] - g[i - 1]));
        }
        assertThat(largestStep).isLessThan(0.001);
        // Ducking starts shortly before the voice, so the first word is not masked.
        assertThat(g[(int) (2.98 * RATE)]).isLessThan(0.9f);
        assertThat(g[(int) (2.7 * RATE)]).isEqualTo(1f);
    }

    @Test
    void a_voice_at_22_khz_is_resampled_levelled_and_placed_at_its_frame() {
        Path line = Audio.tone(dir.resolve("line.wav"), 22_050, 440, 1.0, 0.9);
        Storyboard sb = aStoryboard().story(120).build();

        Soundtrack.Mix mix = soundtrack.render(sb, List.of(new PlacedSpeech(45, line)));

        float[] voice = difference(mix.master(), mix.bed());
        assertThat(Audio.rms(voice, 0.5, 1.49)).isLessThan(0.01); // before frame 45 (1.5 s)
        assertThat(Audio.db(Audio.rms(voice, 1.55, 2.45))).isBetween(-18.5, -17.5); // levelled to -18 dBFS
        assertThat(Audio.rms(voice, 2.55, 3.9)).isLessThan(0.01); // one second later it is over
    }

    @Test
    void the_stinger_hits_on_the_hook_shot() {
        Storyboard withHook = aStoryboard().story(150).hook(90).build();
        Storyboard withoutHook = aStoryboard().story(150).story(90).build();

        float[] hook = soundtrack.render(withHook, List.of()).master();
        float[] plain = soundtrack.render(withoutHook, List.of()).master();

        // The hook shot starts at frame 150: 5 s.
        double before = Audio.rms(hook, 4.9, 5.0);
        double after = Audio.rms(hook, 5.0, 5.1);
        assertThat(Audio.db(after / before)).isGreaterThan(12);
        assertThat(Audio.db(Audio.rms(plain, 5.0, 5.1) / Audio.rms(plain, 4.9, 5.0))).isLessThan(6);
        assertThat(Audio.rms(hook, 4.0, 4.99)).isEqualTo(Audio.rms(plain, 4.0, 4.99));
    }

    @Test
    void effects_start_with_the_shot_that_asks_for_them_and_unknown_cues_are_ignored() {
        Storyboard thunder = aStoryboard().story(60).story(120, "distant thunder", "a mood").build();
        Storyboard quiet = aStoryboard().story(60).story(120, "a mood").build();

        float[] fx = difference(soundtrack.render(thunder, List.of()).master(), soundtrack.render(quiet, List.of()).master());

        assertThat(Audio.rms(fx, 0, 1.99)).isZero();
        assertThat(Audio.rms(fx, 2.0, 3.0)).isGreaterThan(0.02);
    }

    @Test
    void the_same_storyboard_and_voices_give_the_same_bytes() throws Exception {
        Path line = new SynthVoice().speak("The sea was calm.", VoiceContract.OTOHIME, dir.resolve("l.wav")).wav();
        Storyboard sb = aStoryboard().story(100, "birds").line(null, "…", 10, 60).hook(80)
                .build();

        soundtrack.mix(sb, List.of(new PlacedSpeech(10, line)), dir.resolve("a.wav"));
        soundtrack.mix(sb, List.of(new PlacedSpeech(10, line)), dir.resolve("b.wav"));

        assertThat(Files.readAllBytes(dir.resolve("b.wav"))).isEqualTo(Files.readAllBytes(dir.resolve("a.wav")));
    }

    @Test
    void the_mood_changes_the_bed() {
        float[] tender = soundtrack.render(aStoryboard().mood("tender").story(150).build(), List.of()).bed();
        float[] playful = soundtrack.render(aStoryboard().mood("playful").story(150).build(), List.of()).bed();

        assertThat(tender).isNotEqualTo(playful);
    }

    @Test
    void the_limiter_turns_a_peak_down_to_minus_1_dbfs_smoothly_and_leaves_the_rest_alone() {
        float[] stereo = new float[2 * RATE];
        for (int i = 0; i < RATE; i++) {
            float level = i >= RATE / 2 && i < RATE / 2 + 480 ? 1.6f : 0.3f; // a 10 ms burst at 0.5 s
            stereo[2 * i] = (float) (level * Math.sin(2 * Math.PI * 200 * i / RATE));
            stereo[2 * i + 1] = stereo[2 * i];
        }
        float[] before = stereo.clone();

        Soundtrack.limit(stereo, new float[RATE]);

        assertThat(Audio.peak(stereo)).isGreaterThan(0.85).isLessThanOrEqualTo(Soundtrack.LIMIT + 1e-6);
        assertThat(Arrays.copyOfRange(stereo, 0, RATE - 2 * 300)).isEqualTo(Arrays.copyOfRange(before, 0, RATE - 2 * 300));
        assertThat(Audio.rms(stereo, 0.51, 0.6)).isLessThan(Audio.rms(before, 0.51, 0.6)); // recovering ...
        assertThat(Audio.rms(stereo, 0.8, 1.0)).isEqualTo(Audio.rms(before, 0.8, 1.0)); // ... and recovered
    }

    @Test
    void quiet_and_loud_voices_are_levelled_to_the_same_speaking_level() {
        float[] quiet = new float[RATE];
        float[] loud = new float[RATE];
        for (int i = RATE / 4; i < RATE; i++) {
            quiet[i] = (float) (0.05 * Math.sin(2 * Math.PI * 180 * i / RATE));
            loud[i] = (float) (0.6 * Math.sin(2 * Math.PI * 180 * i / RATE));
        }

        assertThat(Soundtrack.levelling(quiet) * 0.05).isCloseTo(Soundtrack.levelling(loud) * 0.6, within(1e-9));
        assertThat(Soundtrack.levelling(new float[RATE])).isEqualTo(1.0);
    }

    @Test
    void a_missing_voice_file_is_named_in_the_error() {
        Storyboard sb = aStoryboard().story(30).build();

        assertThatThrownBy(() -> soundtrack.mix(sb, List.of(new PlacedSpeech(0, dir.resolve("gone.wav"))),
                dir.resolve("out.wav")))
                .isInstanceOf(TsuzukuException.class)
                .hasMessageContaining("gone.wav does not exist");
    }

    @Test
    void speech_that_runs_past_the_end_is_cut_at_the_end() {
        Path line = Audio.tone(dir.resolve("line.wav"), 22_050, 220, 3.0, 0.5);
        Storyboard sb = aStoryboard().story(45).build();

        assertThat(soundtrack.render(sb, List.of(new PlacedSpeech(30, line))).frames()).isEqualTo(45 * 1600);
    }

    @Test
    void an_empty_storyboard_mixes_to_an_empty_wav() throws Exception {
        Path out = soundtrack.mix(aStoryboard().build(), List.of(), dir.resolve("empty.wav"));

        assertThat(Files.size(out)).isEqualTo(44);
    }

    @Test
    void a_line_placed_before_the_first_frame_is_refused_with_the_value() {
        assertThatThrownBy(() -> new PlacedSpeech(-3, dir.resolve("l.wav")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("startFrame must be >= 0, was -3");
    }

    private static float[] difference(float[] a, float[] b) {
        float[] d = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i] - b[i];
        }
        return d;
    }
}
