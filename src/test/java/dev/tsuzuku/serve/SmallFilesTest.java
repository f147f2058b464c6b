package dev.tsuzuku.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmallFilesTest {
    @TempDir
    Path dir;

    private static String text(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return new String(out, StandardCharsets.UTF_8);
    }

    private static String read(SmallFiles files, Path p, boolean map) throws Exception {
        long size = Files.size(p);
        long modified = Files.getLastModifiedTime(p).toMillis();
        return text(map ? files.mapped(p, size, modified) : files.bytes(p, size, modified));
    }

    @Test
    void a_kept_file_is_served_from_memory_until_it_changes_and_the_budget_is_respected() throws Exception {
        SmallFiles files = new SmallFiles(16, 20);
        Path a = Files.writeString(dir.resolve("a.m4s"), "first segment");
        assertThat(read(files, a, false)).isEqualTo("first segment");
        assertThat(read(files, a, false)).isEqualTo("first segment");

        Files.writeString(a, "second!");
        Files.setLastModifiedTime(a, FileTime.fromMillis(Files.getLastModifiedTime(a).toMillis() + 5_000));
        assertThat(read(files, a, false)).isEqualTo("second!");
        assertThat(read(files, a, true)).isEqualTo("second!");

        // over the budget: still right, just read each time
        Path b = Files.writeString(dir.resolve("b.m4s"), "another sixteen!");
        assertThat(read(files, b, false)).isEqualTo("another sixteen!");
        assertThat(files.fits(16)).isTrue();
        assertThat(files.fits(17)).isFalse();
    }
}
