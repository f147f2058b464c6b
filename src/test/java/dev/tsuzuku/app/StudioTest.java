package dev.tsuzuku.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tsuzuku.pipeline.Progress;
import dev.tsuzuku.pipeline.StageRun;
import dev.tsuzuku.store.DatabaseStageLedger;
import dev.tsuzuku.workspace.Workspace;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudioTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T01:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void opening_a_studio_creates_the_state_folder_and_keeps_the_ledger_in_its_database() {
        Workspace ws = new Workspace(dir);
        try (Studio studio = Studio.open(ws, CLOCK, Progress.silent())) {
            assertThat(ws.stateDir()).isDirectory();
            assertThat(ws.stateDir().resolve("state.mv.db")).isRegularFile();
            assertThat(studio.ledger()).isInstanceOf(DatabaseStageLedger.class);
            studio.ledger().recordSuccess(new StageRun("plan", "season", "h", Map.of(), CLOCK.instant()));
        }
        try (Studio again = Studio.open(ws, CLOCK, Progress.silent())) {
            assertThat(again.ledger().lastSuccess("plan", "season")).isPresent();
        }
    }
}
