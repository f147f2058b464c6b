package dev.tsuzuku.voice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tsuzuku.model.ShotKind;
import dev.tsuzuku.model.Storyboard;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bench mixes a real episode; its figures come from a counter, so no assertion depends on the machine. */
class MixBenchTest {
    @TempDir
    Path dir;

    @Test
    void the_episode_is_mixed_to_its_full_length_and_the_best_run_is_judged_against_the_scaled_budget() throws Exception {
        AtomicLong ticks = new AtomicLong();
        MixBench.Report report = new MixBench(() -> ticks.addAndGet(200_000_000)).run(dir, 12);

        assertThat(report.episodeSeconds()).isEqualTo(12.0);
        assertThat(report.spokenLines()).as("a line every 110 frames of 360").isEqualTo(4);
        assertThat(report.runSeconds()).containsExactly(0.2, 0.2, 0.2);
        assertThat(report.budget()).isEqualTo(2.0 * 12 / 150);
        assertThat(report.lines()).last().asString().endsWith("OVER");
        Pcm wav = WavFile.read(report.wav());
        assertThat(wav.frames()).isEqualTo(12 * Soundtrack.RATE);
    }

    @Test
    void the_storyboard_has_five_second_shots_and_one_hook_second_to_last() {
        Storyboard sb = MixBench.storyboard(150);

        assertThat(sb.totalFrames()).isEqualTo(4500);
        assertThat(sb.shots()).hasSize(30);
        assertThat(sb.shots().get(28).kind()).isEqualTo(ShotKind.HOOK);
        assertThat(sb.shots()).filteredOn(s -> s.kind() == ShotKind.HOOK).hasSize(1);
    }
}
