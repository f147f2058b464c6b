package dev.tsuzuku.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The bench's arithmetic and its real drawing; the time source is a counter, so no figure depends on the machine. */
class AnimaticBenchTest {

    @Test
    void each_reading_one_millisecond_apart_gives_exact_per_frame_figures_and_real_pixels() {
        AtomicLong ticks = new AtomicLong();
        AnimaticBench.Report report = new AnimaticBench(() -> ticks.addAndGet(1_000_000)).run(5);

        assertThat(report.shots()).hasSize(2);
        assertThat(report.shots()).allSatisfy(s -> {
            assertThat(s.frames()).isEqualTo(5);
            assertThat(s.prepareMs()).isEqualTo(1.0);
            // one millisecond between two readings, spread over the 4 timed frames
            assertThat(s.firstPassMsPerFrame()).isEqualTo(0.25);
            assertThat(s.secondPassMsPerFrame()).isEqualTo(0.25);
        });
        assertThat(report.centrePixel()).as("the close-up draws something at the centre").isNotZero();
        assertThat(report.lines()).hasSize(3).allSatisfy(l -> assertThat(l).doesNotContain("OVER"));
    }

    @Test
    void a_warm_frame_over_the_budget_is_marked() {
        AtomicLong ticks = new AtomicLong();
        // 9 ms per reading: 9 ms over 1 timed frame
        AnimaticBench.Report report = new AnimaticBench(() -> ticks.addAndGet(9_000_000)).run(2);

        assertThat(report.lines().get(0)).endsWith("OVER");
    }

    @Test
    void fewer_than_two_frames_per_shot_is_refused() {
        assertThatThrownBy(() -> new AnimaticBench(System::nanoTime).run(1)).hasMessageContaining("at least 2");
    }
}
