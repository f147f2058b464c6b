package dev.tsuzuku.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The fake media tool passes the same contract as ffmpeg, so produce tests built on it mean something. */
class FakeMediaToolTest extends MediaToolContract {
    @Override
    MediaTool tool() {
        return new FakeMediaTool();
    }

    @Test
    void a_truncated_file_does_not_decode() throws Exception {
        String whole = Files.readString(segments.get(1));
        var cut = Files.writeString(dir.resolve("half.mp4"), whole.substring(0, whole.length() / 2));

        assertThat(tool.decodeErrors(cut)).contains("truncated");
    }
}
