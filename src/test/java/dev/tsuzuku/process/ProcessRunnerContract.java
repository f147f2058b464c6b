package dev.tsuzuku.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tsuzuku.model.TsuzukuException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What every {@link ProcessRunner} promises; each implementation's test extends this. */
abstract class ProcessRunnerContract {

    abstract ProcessRunner runner();

    /** Copies stdin to stdout, writes "err:" and $GREETING to stderr, exits with {@code code}. */
    abstract List<String> echo(int code);

    /** Runs for 30 s unless stopped. */
    abstract List<String> slow();

    /** Writes 300,000 'x' and then "END" to stderr. */
    abstract List<String> noisy();

    @Test
    void feeds_stdin_and_returns_stdout_stderr_and_the_exit_code() {
        ProcessRunner.Result r = runner().run(ProcessRunner.Request.of(echo(3))
                .stdin("Urashima's \"box\" — $(nothing)".getBytes(StandardCharsets.UTF_8))
                .environment(Map.of("GREETING", "hello")));

        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.stdout()).isEqualTo("Urashima's \"box\" — $(nothing)");
        assertThat(r.stderr()).isEqualTo("err:hello");
        assertThat(r.stdinError()).isEmpty();
    }

    @Test
    void a_large_stdin_arrives_whole() {
        byte[] big = new byte[1 << 20];
        Arrays.fill(big, (byte) 'a');

        ProcessRunner.Result r = runner().run(echo(0), big, Duration.ofSeconds(30));

        assertThat(r.exitCode()).isZero();
        assertThat(r.stdout()).hasSize(1 << 20);
    }

    @Test
    void a_program_that_does_not_exist_is_a_start_failure_that_names_it() {
        assertThatThrownBy(() -> runner().run(List.of("/nonexistent/espeak-ng", "--version"), new byte[0], Duration.ofSeconds(5)))
                .isInstanceOf(ProcessStartException.class)
                .hasMessageContaining("cannot start /nonexistent/espeak-ng");
        assertThatThrownBy(() -> runner().run(List.of("no-such-program-anywhere"), new byte[0], Duration.ofSeconds(5)))
                .isInstanceOf(ProcessStartException.class)
                .hasMessageContaining("cannot start no-such-program-anywhere: not found on PATH");
    }

    @Test
    void a_program_that_overruns_its_deadline_is_stopped_and_the_failure_is_retryable() {
        assertThatThrownBy(() -> runner().run(slow(), new byte[0], Duration.ofMillis(300)))
                .isInstanceOf(TsuzukuException.class)
                .hasMessageContaining("did not finish within 0.3 s")
                .satisfies(e -> assertThat(((TsuzukuException) e).retryable()).isTrue());
    }

    @Test
    void a_feed_that_fails_stops_the_program_and_its_exception_reaches_the_caller() {
        IllegalStateException drawing = new IllegalStateException("frame 7 could not be drawn");

        assertThatThrownBy(() -> runner().run(ProcessRunner.Request.of(echo(0)).stdin(stdin -> {
            stdin.write("half".getBytes(StandardCharsets.UTF_8));
            throw drawing;
        }))).isSameAs(drawing);
    }

    @Test
    void stderr_keeps_its_tail() {
        ProcessRunner.Result r = runner().run(noisy(), new byte[0], Duration.ofSeconds(30));

        assertThat(r.stderr()).hasSize(ProcessRunner.STDERR_KEPT).endsWith("xxxEND");
    }
}
