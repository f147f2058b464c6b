package dev.tsuzuku.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.tsuzuku.model.BadInputException;
import dev.tsuzuku.model.Problem;
import dev.tsuzuku.model.TsuzukuException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    private final Path target = Path.of("/series/season.json");

    @Test
    void permission_denied_is_bad_input_with_the_reason_and_how_to_get_access() {
        // Java's AccessDeniedException message is only the path: the reason must be added
        TsuzukuException e = AtomicFiles.cannotWrite(target, new AccessDeniedException("/series/.season.json.tmp"));

        assertThat(e).isInstanceOf(BadInputException.class);
        Problem p = ((BadInputException) e).problems().get(0);
        assertThat(p.message()).isEqualTo("cannot write /series/season.json: permission denied");
        assertThat(p.fix()).startsWith("give yourself write access (chmod u+w /series/.season.json.tmp");
    }

    @Test
    void a_read_only_file_system_and_a_full_disk_are_named_with_their_fix() {
        TsuzukuException ro = AtomicFiles.cannotWrite(target, new FileSystemException("/series/x", null, "Read-only file system"));
        TsuzukuException full = AtomicFiles.cannotWrite(target, new FileSystemException("/series/x", null, "No space left on device"));

        assertThat(ro).isInstanceOf(BadInputException.class).hasMessageContaining("season.json: read-only file system")
                .hasMessageContaining("fix: the disk is mounted read-only");
        assertThat(full).isInstanceOf(BadInputException.class).hasMessageContaining("season.json: no space left on device")
                .hasMessageContaining("fix: free some space on the disk (df -h /series/x");
    }

    @Test
    void another_failure_stays_an_error_but_still_names_its_reason() {
        TsuzukuException e = AtomicFiles.cannotWrite(target, new FileSystemException("/series/x", null, "Input/output error"));

        assertThat(e).isNotInstanceOf(BadInputException.class).hasMessage("cannot write /series/season.json: Input/output error");
    }

    @Test
    void a_real_write_under_a_file_says_a_file_stands_where_a_folder_should_be() throws IOException {
        Files.writeString(dir.resolve("episodes"), "x");

        Throwable e = catchThrowable(() -> AtomicFiles.write(dir.resolve("episodes/001/script.json"), "{}"));

        assertThat(e).isInstanceOf(BadInputException.class).hasMessageContaining("script.json: not a directory")
                .hasMessageContaining("a file stands where a folder is needed");
    }

    @Test
    void the_first_write_into_a_folder_sweeps_what_dead_runs_left_and_keeps_a_live_runs_temporary_file() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("episodes/001"));
        // pid 999999999 is above any kernel's pid_max: that run is dead
        Path dead = Files.writeString(folder.resolve(".script.json.run999999999-1764630000000.3.tmp"), "half a scr");
        String live = dev.tsuzuku.process.RunFiles.idOf(ProcessHandle.current().parent().orElseThrow());
        Path working = Files.writeString(folder.resolve(".board.json." + live + ".1.tmp"), "in progress");

        AtomicFiles.write(folder.resolve("script.json"), "{}");

        assertThat(dead).doesNotExist();
        assertThat(working).hasContent("in progress");
        try (java.util.stream.Stream<Path> left = Files.list(folder)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                    "script.json", working.getFileName().toString());
        }
    }

    @Test
    void many_writers_of_one_file_at_once_all_succeed_and_leave_one_whole_file() throws Exception {
        Path shared = dir.resolve("cache/f1/abc.mp4.sum");
        int writers = 8;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            java.util.List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (int w = 0; w < writers; w++) {
                done.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < 200; i++) {
                        AtomicFiles.write(shared, "1234 same-content\n");
                    }
                    return null;
                }));
            }
            go.countDown();
            for (java.util.concurrent.Future<?> f : done) {
                f.get(); // a writer whose temporary file another moved away would throw here
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(Files.readString(shared)).isEqualTo("1234 same-content\n");
        try (var left = Files.list(shared.getParent())) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("abc.mp4.sum");
        }
    }
}
