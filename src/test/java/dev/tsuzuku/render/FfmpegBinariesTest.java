package dev.tsuzuku.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FfmpegBinariesTest {
    @Test
    void environment_variables_point_at_other_binaries() {
        FfmpegBinaries b = FfmpegBinaries.locate(Map.of("TSUZUKU_FFMPEG", "/usr/bin/ffmpeg", "TSUZUKU_FFPROBE", "/usr/bin/ffprobe"));

        assertThat(b.ffmpeg()).isEqualTo(Path.of("/usr/bin/ffmpeg"));
        assertThat(b.ffprobe()).isEqualTo(Path.of("/usr/bin/ffprobe"));
        assertThat(b.environment()).isEmpty();
    }

    @Test
    void the_bundled_binaries_are_executable_and_find_their_libraries() {
        FfmpegBinaries b = FfmpegBinaries.locate();

        assertThat(Files.isExecutable(b.ffmpeg())).isTrue();
        assertThat(Files.isExecutable(b.ffprobe())).isTrue();
        assertThat(b.environment().get("LD_LIBRARY_PATH")).contains("soname-links");
        String version = new FfmpegProcess(b).run(java.util.List.of(b.ffmpeg().toString(), "-hide_banner", "-encoders")).stdout();
        assertThat(version).contains("libx264").contains("aac");
    }
}
