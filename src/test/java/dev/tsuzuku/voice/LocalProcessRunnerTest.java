package dev.tsuzuku.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tsuzuku.model.TsuzukuException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The real process runner against /bin/sh: stdin in, stderr and exit code out, a deadline. */
class LocalProcessRunnerTest {
    final ProcessRunner runner = ProcessRunner.local();

    @Test
    void feeds_stdin_and_returns_the_exit_code_and_stderr() {
        ProcessRunner.Result r = runner.run(List.of("/bin/sh", "-c", "cat >&2; exit 3"),
                "Urashima's \"box\" — $(nothing)".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(10));

        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.stderr()).isEqualTo("Urashima's \"box\" — $(nothing)");
    }

    @Test
    void a_program_that_does_not_exist_is_a_clear_failure() {
        assertThatThrownBy(() -> runner.run(List.of("/nonexistent/espeak-ng"), new byte[0], Duration.ofSeconds(1)))
                .isInstanceOf(TsuzukuException.class)
                .hasMessageContaining("cannot start /nonexistent/espeak-ng");
    }

    @Test
    void a_program_that_overruns_its_deadline_is_stopped_and_the_failure_is_retryable() {
        assertThatThrownBy(() -> runner.run(List.of("/bin/sh", "-c", "read x; sleep 30"), new byte[0],
                Duration.ofMillis(200)))
                .isInstanceOf(TsuzukuException.class)
                .hasMessageContaining("did not finish within")
                .satisfies(e -> assertThat(((TsuzukuException) e).retryable()).isTrue());
    }
}
