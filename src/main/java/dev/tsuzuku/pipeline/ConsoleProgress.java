package dev.tsuzuku.pipeline;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;

/**
 * Prints progress lines to a stream (stderr in the CLI): at most one line a second per task,
 * with percentage and ETA, and a closing line with the elapsed time.
 */
public final class ConsoleProgress implements Progress {
    private final PrintStream out;
    private final Clock clock;

    public ConsoleProgress(PrintStream out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    @Override
    public Task start(String label, long total) {
        long started = clock.millis();
        return new Task() {
            long done;
            long lastPrint = started;

            @Override
            public synchronized void advance(long units) {
                done += units;
                long now = clock.millis();
                if (now - lastPrint >= 1000 && total > 0 && done < total) {
                    lastPrint = now;
                    long elapsed = now - started;
                    long eta = done == 0 ? 0 : elapsed * (total - done) / done;
                    out.printf("  %-10s %3d%%  %d/%d  ETA %s%n", label, done * 100 / total, done, total,
                            format(Duration.ofMillis(eta)));
                }
            }

            @Override
            public void close() {
                out.printf("  %-10s done in %s%n", label, format(Duration.ofMillis(clock.millis() - started)));
            }
        };
    }

    @Override
    public void note(String message) {
        out.println("  " + message);
    }

    static String format(Duration d) {
        long s = d.toSeconds();
        if (s < 60) {
            return String.format("%.1fs", d.toMillis() / 1000.0);
        }
        return String.format("%dm%02ds", s / 60, s % 60);
    }
}
