package dev.tsuzuku.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFilesTest {
    @TempDir
    Path dir;

    @Test
    void a_temp_name_is_hidden_beside_its_target_and_carries_this_runs_id() {
        Path target = dir.resolve("episode.mp4");

        Path a = RunFiles.temp(target, ".tmp.mp4");
        Path b = RunFiles.temp(target, ".tmp.mp4");

        assertThat(a.getParent()).isEqualTo(dir);
        assertThat(a.getFileName().toString()).startsWith(".episode.mp4." + RunFiles.runId() + ".").endsWith(".tmp.mp4");
        assertThat(a).isNotEqualTo(b);
        assertThat(RunFiles.owner(a)).contains(RunFiles.runId());
        assertThat(RunFiles.runId()).isEqualTo(RunFiles.idOf(ProcessHandle.current()));
    }

    @Test
    void a_sweep_deletes_what_dead_runs_left_and_keeps_live_work_and_other_files() throws Exception {
        Path dead = Files.writeString(dir.resolve(".episode.mp4.run999999999-1764630000000.ab12.tmp.mp4"), "half");
        Path reused = Files.writeString(dir.resolve(".episode.mp4.run" + ProcessHandle.current().pid() + "-1.ab12.tmp.mp4"),
                "a pid that now belongs to another process");
        Path mine = Files.writeString(RunFiles.temp(dir.resolve("episode.mp4"), ".tmp.mp4"), "working");
        Path episode = Files.writeString(dir.resolve("episode.mp4"), "done");

        int swept = RunFiles.sweep(dir);

        assertThat(swept).isEqualTo(2);
        assertThat(dead).doesNotExist();
        assertThat(reused).doesNotExist();
        assertThat(mine).exists();
        assertThat(episode).exists();
    }
}
