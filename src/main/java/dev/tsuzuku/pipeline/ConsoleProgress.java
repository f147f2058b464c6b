package dev.tsuzuku.pipeline;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;

/**
 * Prints progress to a stream (stderr in the CLI), with percentage and ETA, and a closing line
 * with the elapsed time. On a terminal one line is redrawn in place (a bar); in a log, a line at
 * most every five seconds per task.
 */
public final class ConsoleProgress implements Progress {
    private final PrintStream out;
    private final Clock clock;
    private final boolean terminal;

    public ConsoleProgress(PrintStream out, Clock clock) {
        this(out, clock, System.console() != null);
    }

    public ConsoleProgress(PrintStream out, Clock clock, boolean terminal) {
        this.out = out;
        this.clock = clock;
        this.terminal = terminal;
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
                if (now - lastPrint >= (terminal ? 200 : 5000) && total > 0 && done < total) {
                    lastPrint = now;
                    long elapsed = now - started;
                    long eta = done == 0 ? 0 : elapsed * (total - done) / done;
                    int percent = (int) (done * 100 / total);
                    if (terminal) {
                        String bar = "#".repeat(percent / 5) + ".".repeat(20 - percent / 5);
                        out.printf("\r  %-10s [%s] %3d%%  %d/%d  ETA %s   ", label, bar, percent, done, total,
                                format(Duration.ofMillis(eta)));
                    } else {
                        out.printf("  %-10s %3d%%  %d/%d  ETA %s%n", label, percent, done, total, format(Duration.ofMillis(eta)));
                    }
                }
            }

            @Override
            public void close() {
                out.printf("%s  %-10s done in %s%n", terminal ? "\r" + " ".repeat(70) + "\r" : "", label,
                        format(Duration.ofMillis(clock.millis() - started)));
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
