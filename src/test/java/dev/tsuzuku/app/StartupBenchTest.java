package dev.tsuzuku.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tsuzuku.model.TsuzukuException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The startup bench opens a real workspace again and again; its times come from counters here. */
class StartupBenchTest {
    @TempDir
    Path dir;

    @Test
    void the_first_open_creates_the_state_and_the_best_of_the_next_three_is_reported() {
        AtomicLong wall = new AtomicLong();
        AtomicLong step = new AtomicLong(900_000_000);
        // the probes take 900, 800, 700 and 600 ms of "wall time"
        StartupBench bench = new StartupBench(d -> StartupBench.openAndClose(d,
                () -> wall.getAndAdd(step.getAndAdd(-50_000_000)), () -> 0));

        StartupBench.Report report = bench.run(dir);

        assertThat(Files.isDirectory(dir.resolve(".tsuzuku"))).isTrue();
        assertThat(report.probes()).extracting(StartupBench.Probe::wallMs).containsExactly(900L, 800L, 700L, 600L);
        assertThat(report.bestMs()).isEqualTo(600);
        assertThat(report.lines()).last().asString().contains("600 ms against the 1500 ms budget: ok");
    }

    @Test
    void a_probe_that_answers_something_else_is_an_error_naming_the_answer() {
        StartupBench bench = new StartupBench(d -> "Exception in thread main");

        assertThatThrownBy(() -> bench.run(dir)).isInstanceOf(TsuzukuException.class)
                .hasMessageContaining("Exception in thread main");
    }
}
