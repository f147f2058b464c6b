package dev.tsuzuku.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Open media files kept between requests: reused while the file is the same, never stale after it changes. */
class OpenFilesTest {
    @TempDir
    Path dir;

    private final OpenFiles files = new OpenFiles(3);

    /** What one request would read: the file's bytes through its (shared) channel. */
    private String read(Path p) throws IOException {
        OpenFiles.File f = files.open(p);
        try {
            ByteBuffer b = ByteBuffer.allocate((int) f.size());
            while (b.hasRemaining() && f.channel().read(b, b.position()) > 0) {
                // all of it
            }
            ByteBuffer kept = f.bytes();
            if (kept != null) {
                assertThat(kept).as("the bytes kept in memory are the file's").isEqualTo(b.duplicate().flip());
            }
            return new String(b.array(), 0, b.position(), StandardCharsets.UTF_8);
        } finally {
            f.release();
        }
    }

    @Test
    void a_file_is_opened_once_and_served_from_the_open_channel_while_it_is_the_same() throws Exception {
        Path a = Files.writeString(dir.resolve("seg_00001.m4s"), "first segment");
        assertThat(read(a)).isEqualTo("first segment");
        assertThat(read(a)).isEqualTo("first segment");
        assertThat(files.opened()).isEqualTo(1);
    }

    @Test
    void a_file_replaced_on_disk_is_never_served_stale() throws Exception {
        Path a = Files.writeString(dir.resolve("episode.mp4"), "first cut");
        FileTime then = Files.getLastModifiedTime(a);
        assertThat(read(a)).isEqualTo("first cut");

        // rewritten in place, another size
        Files.writeString(a, "the second cut");
        assertThat(read(a)).isEqualTo("the second cut");

        // rewritten in place, the same size, only the modification time tells
        Files.writeString(a, "the third  cut");
        Files.setLastModifiedTime(a, FileTime.fromMillis(then.toMillis() + 7_000));
        assertThat(read(a)).isEqualTo("the third  cut");

        // replaced by a rename (how produce writes), the same size and modification time: another file
        Path next = Files.writeString(dir.resolve("next.tmp"), "the fourth cut");
        Files.setLastModifiedTime(next, FileTime.fromMillis(then.toMillis() + 7_000));
        Files.move(next, a, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        assertThat(read(a)).isEqualTo("the fourth cut");

        Files.delete(a);
        assertThatThrownBy(() -> files.open(a)).isInstanceOf(NoSuchFileException.class);
        assertThatThrownBy(() -> files.open(dir)).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void a_large_file_is_kept_open_but_not_in_memory_and_stays_readable_after_a_rename_over_it() throws Exception {
        byte[] video = new byte[(int) OpenFiles.IN_MEMORY * 3];
        new Random(3).nextBytes(video);
        Path mp4 = Files.write(dir.resolve("episode.mp4"), video);
        OpenFiles.File inUse = files.open(mp4);
        assertThat(inUse.bytes()).isNull();
        Files.move(Files.write(dir.resolve("new.tmp"), new byte[] {1, 2, 3}), mp4, StandardCopyOption.REPLACE_EXISTING);

        assertThat(read(mp4)).hasSize(3);
        // the request that had the old file open still reads the old bytes to the end
        ByteBuffer rest = ByteBuffer.allocate(video.length);
        while (rest.hasRemaining() && inUse.channel().read(rest, rest.position()) > 0) {
            // all of it
        }
        assertThat(rest.array()).isEqualTo(video);
        inUse.release();
        assertThat(inUse.isOpen()).as("dropped from the cache and released by its last request").isFalse();
    }

    @Test
    void a_channel_closed_under_the_cache_is_opened_again() throws Exception {
        Path a = Files.writeString(dir.resolve("index.m3u8"), "#EXTM3U\n");
        OpenFiles.File first = files.open(a);
        first.channel().close(); // what an interrupted thread does to a shared channel
        first.release();

        assertThat(read(a)).isEqualTo("#EXTM3U\n");
        assertThat(files.opened()).isEqualTo(2);

        OpenFiles.File second = files.open(a);
        second.channel().close();
        OpenFiles.File again = files.reopen(second);
        assertThat(again.isOpen()).isTrue();
        assertThat(again.size()).isEqualTo(second.size());
        again.release();
        second.release();

        // reopened for the rest of a body only while the file is still the one being sent
        OpenFiles.File third = files.open(a);
        Files.writeString(a, "#EXTM3U\n#EXT-X-ENDLIST\n");
        assertThatThrownBy(() -> files.reopen(third)).isInstanceOf(IOException.class).hasMessageContaining("changed");
        third.release();
    }

    @Test
    void at_most_the_capacity_stays_open_and_close_releases_them_all() throws Exception {
        OpenFiles.File[] seen = new OpenFiles.File[5];
        for (int i = 0; i < 5; i++) {
            Path p = Files.writeString(dir.resolve("seg_" + i + ".m4s"), "segment " + i);
            seen[i] = files.open(p);
            seen[i].release();
            assertThat(read(p)).isEqualTo("segment " + i);
        }
        assertThat(files.size()).isEqualTo(3);
        assertThat(Arrays.stream(seen).filter(OpenFiles.File::isOpen)).hasSize(3);
        files.close();
        assertThat(files.size()).isZero();
        assertThat(Arrays.stream(seen).filter(OpenFiles.File::isOpen)).isEmpty();
    }
}
