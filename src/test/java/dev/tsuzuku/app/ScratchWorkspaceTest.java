package dev.tsuzuku.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tsuzuku.pipeline.Progress;
import dev.tsuzuku.release.SettableClock;
import dev.tsuzuku.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The produce bench works in a scratch workspace with a season and a script but no bible file. */
class ScratchWorkspaceTest {
    @TempDir
    Path dir;

    @Test
    void a_workspace_without_a_bible_file_produces_with_the_animatic_only() {
        Workspace ws = new Workspace(dir);
        assertThat(Files.exists(ws.bible())).isFalse();
        try (Studio s = Studio.open(ws, new SettableClock(Instant.parse("2026-12-01T00:00:00Z")), Progress.silent())) {
            assertThat(s.generator()).as("no generation section can exist without the file").isNull();
        }
    }
}
