package dev.tsuzuku.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tsuzuku.process.ProcessStartException;
import dev.tsuzuku.render.FfmpegBinaries;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgramsTest {
    @TempDir
    Path dir;

    @Test
    void the_bundled_programs_find_their_libraries_beside_them() {
        Path cache = dir.resolve("linux-x86_64-gpl");
        assertThat(Programs.libraryPath(cache.resolve("ffmpeg"))).isEmpty();
        assertThat(cache.resolve("soname-links").toFile().mkdirs()).isTrue();
        assertThat(Programs.libraryPath(cache.resolve("ffmpeg"))).hasValue(cache + ":" + cache.resolve("soname-links"));
    }

    @Test
    void runs_the_bundled_ffmpeg_and_returns_what_it_printed() {
        Programs.Ran r = Programs.run(List.of(FfmpegBinaries.locate().ffmpeg().toString(), "-hide_banner", "-version"));

        assertThat(r.exitCode()).isZero();
        assertThat(r.output()).startsWith("ffmpeg version");
    }

    @Test
    void a_missing_program_is_a_start_failure() {
        assertThatThrownBy(() -> Programs.run(List.of("/nonexistent/espeak-ng", "--version")))
                .isInstanceOf(ProcessStartException.class)
                .hasMessageContaining("cannot start /nonexistent/espeak-ng");
    }
}
