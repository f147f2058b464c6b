package dev.tsuzuku.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tsuzuku.pipeline.Progress;
import dev.tsuzuku.workspace.Workspace;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The libraries' log lines: warnings on stderr, debug only in the workspace's log file, secrets in neither. */
class LoggingTest {
    private static final Logger LOG = LoggerFactory.getLogger("com.zaxxer.hikari.HikariPool");

    @TempDir
    Path dir;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream realErr;

    @BeforeEach
    void captureStderr() {
        realErr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreStderr() {
        System.setErr(realErr);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void a_warning_reaches_stderr_as_one_short_line_without_a_stack_trace() {
        LOG.warn("Thread starvation or clock leap detected", new IllegalStateException("inner detail"));

        assertThat(stderr()).isEqualTo("WARN  HikariPool: Thread starvation or clock leap detected" + System.lineSeparator());
    }

    @Test
    void while_a_studio_is_open_debug_goes_to_the_workspace_log_and_not_to_the_console() throws Exception {
        Workspace ws = new Workspace(dir);
        try (Studio studio = Studio.open(ws, Clock.systemUTC(), Progress.silent())) {
            LOG.debug("pool stats (total=1, active=0)");
            LOG.warn("connection is slow");
        }
        LOG.debug("after close");

        String file = Files.readString(ws.logsDir().resolve("tsuzuku.log"));
        assertThat(file).contains("DEBUG", "com.zaxxer.hikari.HikariPool - pool stats (total=1, active=0)")
                .contains("WARN", "connection is slow")
                .as("the state database's migrations log at debug too").containsIgnoringCase("flyway")
                .doesNotContain("after close");
        assertThat(stderr()).contains("WARN  HikariPool: connection is slow").doesNotContain("pool stats")
                .doesNotContain("DEBUG");
    }

    @Test
    void a_workspace_opened_again_logs_again_and_two_open_studios_share_one_file() throws Exception {
        Workspace ws = new Workspace(dir);
        try (Studio first = Studio.open(ws, Clock.systemUTC(), Progress.silent())) {
            try (Studio second = Studio.open(ws, Clock.systemUTC(), Progress.silent())) {
                LOG.debug("both open");
            }
            LOG.debug("first still open");
        }
        try (Studio again = Studio.open(ws, Clock.systemUTC(), Progress.silent())) {
            LOG.debug("opened again");
        }

        assertThat(Files.readString(ws.logsDir().resolve("tsuzuku.log")))
                .contains("both open", "first still open", "opened again");
        assertThat(stderr()).isEmpty();
    }

    @Test
    void a_secret_never_reaches_the_console_or_the_file_not_even_its_start() throws Exception {
        String key = "sk-live-0123456789abcdefXYZ";
        Logging.neverLog(key);
        Workspace ws = new Workspace(dir);
        try (Studio studio = Studio.open(ws, Clock.systemUTC(), Progress.silent())) {
            LOG.warn("request failed with Authorization: Bearer {}", key);
            LOG.debug("retrying with {}…", key.substring(0, 10), new RuntimeException("echo " + key));
        }

        String file = Files.readString(ws.logsDir().resolve("tsuzuku.log"));
        assertThat(stderr()).contains("Bearer [redacted]").doesNotContain("sk-live-0");
        assertThat(file).contains("Bearer [redacted]", "retrying with [redacted]", "echo [redacted]")
                .doesNotContain("sk-live-0");
    }
}
