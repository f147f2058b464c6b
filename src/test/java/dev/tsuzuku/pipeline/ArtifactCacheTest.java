package dev.tsuzuku.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtifactCacheTest {
    static final String KEY = "3f2a9c" + "0".repeat(58);

    @TempDir
    Path dir;

    final List<String> notes = new ArrayList<>();
    ArtifactCache cache;

    private Path stored(String content) throws Exception {
        cache = new ArtifactCache(dir, notes::add);
        Path scratch = cache.scratch("wav");
        Files.writeString(scratch, content);
        return cache.put(KEY, "wav", scratch);
    }

    @Test
    void a_stored_artifact_is_found_again_with_its_length_and_hash_beside_it() throws Exception {
        Path p = stored("RIFF and some samples");

        assertThat(cache.get(KEY, "wav", "the voice line 'Hi'")).contains(p);
        assertThat(p.resolveSibling(p.getFileName() + ".sum")).content()
                .isEqualTo("21 " + InputHash.file(p) + "\n");
        assertThat(notes).isEmpty();
    }

    @Test
    void a_truncated_artifact_is_thrown_away_and_named_in_the_notes() throws Exception {
        Path p = stored("RIFF and some samples");
        try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
            f.setLength(10);
        }

        assertThat(cache.get(KEY, "wav", "the voice line 'Hi'")).isEmpty();
        assertThat(p).doesNotExist();
        assertThat(notes).containsExactly(
                "cache: the voice line 'Hi' is 10 bytes but was stored with 21 (truncated or overwritten); making it again");
    }

    @Test
    void an_artifact_altered_in_place_is_thrown_away() throws Exception {
        Path p = stored("RIFF and some samples");
        Files.writeString(p, "RIFF and other samples".substring(0, 21));

        assertThat(cache.get(KEY, "wav", "the mix")).isEmpty();
        assertThat(notes).containsExactly("cache: the mix does not match the hash it was stored with (altered); making it again");
    }

    @Test
    void an_artifact_without_its_record_is_not_trusted() throws Exception {
        cache = new ArtifactCache(dir, notes::add);
        Path p = cache.pathFor(KEY, "mp4");
        Files.createDirectories(p.getParent());
        Files.writeString(p, "from an older version, or half written");

        assertThat(cache.get(KEY, "mp4", "the segment of shot 2")).isEmpty();
        assertThat(notes).containsExactly("cache: the segment of shot 2 has no recorded length and hash; making it again");
    }

    @Test
    void nothing_stored_is_a_quiet_miss() {
        cache = new ArtifactCache(dir, notes::add);

        assertThat(cache.get(KEY, "wav")).isEmpty();
        assertThat(notes).isEmpty();
    }

    @Test
    void scratch_files_carry_the_run_and_those_of_dead_runs_are_swept() throws Exception {
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Path dead = Files.writeString(tmp.resolve("work.run999999999-1764630000000.123.mp4"), "half");
        cache = new ArtifactCache(dir, notes::add);

        Path mine = cache.scratch("mp4");

        assertThat(mine.getFileName().toString()).startsWith("work." + dev.tsuzuku.process.RunFiles.runId() + ".");
        assertThat(dead).doesNotExist();
    }
}
