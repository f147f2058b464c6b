package dev.tsuzuku.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {
    /** A clock the test moves by hand. */
    static final class SettableClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final SettableClock clock = new SettableClock();

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void in_a_log_it_prints_a_line_with_percentage_and_eta_at_most_every_five_seconds() {
        Progress progress = new ConsoleProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), clock, false);
        try (Progress.Task t = progress.start("render", 100)) {
            clock.now = clock.now.plus(Duration.ofSeconds(2));
            t.advance(10);
            clock.now = clock.now.plus(Duration.ofSeconds(8));
            t.advance(40);
        }

        assertThat(printed().lines()).containsExactly(
                "  render      50%  50/100  ETA 10.0s",
                "  render     done in 10.0s");
    }

    @Test
    void on_a_terminal_it_redraws_one_bar_in_place() {
        Progress progress = new ConsoleProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), clock, true);
        try (Progress.Task t = progress.start("render", 100)) {
            clock.now = clock.now.plus(Duration.ofSeconds(1));
            t.advance(25);
        }

        assertThat(printed()).startsWith("\r  render     [#####...............]  25%  25/100  ETA 3.0s");
        assertThat(printed()).endsWith("  render     done in 1.0s\n");
        assertThat(printed().chars().filter(c -> c == '\n').count()).isEqualTo(1);
    }
}
