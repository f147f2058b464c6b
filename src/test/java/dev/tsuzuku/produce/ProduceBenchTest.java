package dev.tsuzuku.produce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tsuzuku.model.Shot;
import dev.tsuzuku.model.ShotKind;
import dev.tsuzuku.model.Storyboard;
import dev.tsuzuku.pipeline.Progress;
import dev.tsuzuku.render.EncodeSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The bench's own arithmetic: which shots make the clip, how steps are timed, what is printed. */
class ProduceBenchTest {

    private static Storyboard board(int... frames) {
        List<Shot> shots = new ArrayList<>();
        for (int i = 0; i < frames.length; i++) {
            shots.add(new Shot(i + 1, ShotKind.STORY, frames[i], null, null, "village", "day", List.of(), "", List.of(), List.of(), ""));
        }
        return new Storyboard(1, 30, 1080, 1920, "calm", "", shots);
    }

    @Test
    void the_clip_takes_shots_spread_over_the_episode_up_to_its_length() {
        // ten shots of 4 s: a 12 s clip takes three of them, from across the episode, in order
        List<Shot> clip = ProduceBench.pick(board(120, 120, 120, 120, 120, 120, 120, 120, 120, 120), 12);
        assertThat(clip).extracting(Shot::index).containsExactly(2, 5, 8);
        // a clip longer than the episode takes every shot once
        assertThat(ProduceBench.pick(board(30, 60, 90), 60)).extracting(Shot::index).containsExactly(1, 2, 3);
    }

    @Test
    void steps_add_up_wall_and_cpu_time_per_label_and_start_over_after_each_take() {
        AtomicLong nanos = new AtomicLong();
        double[] cpu = {0};
        List<String> shown = new ArrayList<>();
        Progress console = new Progress() {
            @Override
            public Task start(String label, long total) {
                shown.add(label);
                return new Task() {
                    @Override
                    public void advance(long units) {}

                    @Override
                    public void close() {}
                };
            }

            @Override
            public void note(String message) {}
        };
        ProduceBench.StepTimer steps = new ProduceBench.StepTimer(console, nanos::get, () -> cpu[0]);
        try (var t = steps.start("render", 10)) {
            nanos.addAndGet(3_000_000_000L);
            cpu[0] += 5.5;
        }
        try (var t = steps.start("cut", 1)) {
            nanos.addAndGet(1_000_000_000L);
            cpu[0] += 0.5;
        }
        try (var t = steps.start("render", 10)) {
            nanos.addAndGet(1_000_000_000L);
            cpu[0] += 1.5;
        }
        ProduceBench.Steps first = steps.take();
        assertThat(first.seconds()).containsExactly(Map.entry("render", 4.0), Map.entry("cut", 1.0));
        assertThat(first.cpu()).containsExactly(Map.entry("render", 7.0), Map.entry("cut", 0.5));
        assertThat(shown).containsExactly("render", "cut", "render");
        assertThat(steps.take().seconds()).isEmpty();
    }

    @Test
    void the_report_judges_each_figure_by_its_target() {
        ProduceBench.Clip clip = new ProduceBench.Clip(600, 5, 40, 30, 2.0, 1.5, 0.3, 40, 42, 20, 21, 2, 2.5);
        ProduceBench.Steps steps = new ProduceBench.Steps(Map.of("shots", 60.0), Map.of("shots", 110.0));
        ProduceBench.Result r = new ProduceBench.Result(150, 4500, 70, 130, steps, 8, 12, steps, "reused 39/40", clip,
                EncodeSettings.DEFAULT, 2, true);
        assertThat(r.produceShare()).isCloseTo(70 / 150.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(r.reproduceShare()).isCloseTo(8 / 70.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(r.idleProduce()).isEqualTo(65);
        assertThat(clip.ratio()).isEqualTo(1.05);
        assertThat(String.join("\n", r.lines()))
                .contains("70.0 s (130.0)  0.47× its runtime, target ≤ 0.5×  ok  → 51 episodes/hour")
                .contains("8.0 s (12.0)  11% of full (CPU 9%), target ≤ 10%  MISSED")
                .contains("ratio               1.05  wall, 1.05 CPU")
                .contains("1 x264 threads each (master only, no rungs), libx264 in this process")
                .contains("copying frames to libx264 in this process");
        ProduceBench.Result piped = new ProduceBench.Result(150, 4500, 70, 130, steps, 8, 12, steps, "reused 39/40", clip,
                EncodeSettings.DEFAULT, 2, false);
        assertThat(String.join("\n", piped.lines())).contains("an ffmpeg process per shot (TSUZUKU_ENCODE=process)")
                .contains("the pipe to each shot's ffmpeg");
    }
}
