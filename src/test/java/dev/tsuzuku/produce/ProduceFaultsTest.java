package dev.tsuzuku.produce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tsuzuku.model.TsuzukuException;
import dev.tsuzuku.pipeline.ArtifactCache;
import dev.tsuzuku.pipeline.Progress;
import dev.tsuzuku.render.FakeMediaTool;
import dev.tsuzuku.render.HlsLadder;
import dev.tsuzuku.workspace.Json;
import dev.tsuzuku.workspace.Workspace;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What produce does with damaged inputs from earlier runs: cached artifacts that were cut short,
 * and a master that would come out wrong. Runs on the fake media tool (no encoding).
 */
class ProduceFaultsTest {
    @TempDir
    Path root;

    final FakeStudio studio = new FakeStudio();
    final FakeMediaTool media = new FakeMediaTool();
    final List<String> notes = new ArrayList<>();
    Workspace ws;
    Progress recording;

    @BeforeEach
    void a_produced_episode() {
        ws = new Workspace(root);
        Json.writeFile(ws.seasonJson(), FakeStudio.season());
        Json.writeFile(ws.episodeDir(1).resolve("script.json"), FakeStudio.script(1, "A peach!", "I go east."));
        recording = new Progress() {
            public Task start(String label, long total) {
                return Progress.silent().start(label, total);
            }

            public void note(String message) {
                notes.add(message);
            }
        };
        produce();
        notes.clear();
    }

    /**
     * produce's steps over the artifact cache, as a run whose inputs changed does them (the runner
     * would skip an unchanged episode; these faults are about what the steps take from the cache).
     */
    private ProduceStage.Report produce() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-25T01:00:00Z"), ZoneOffset.UTC);
        ProductionKit kit = studio.kit();
        ProduceStage stage = new ProduceStage(ws, clock, kit.boarding(),
                ProduceSteps.standard(kit, media, new ArtifactCache(ws.cacheDir(), recording::note), clock),
                ProduceSteps.versions(kit, media));
        ProduceStage.Episode e = stage.job(FakeStudio.bible(), FakeStudio.plan(1), false);
        try {
            e.job().work().run(recording);
        } catch (RuntimeException ex) {
            throw ex;
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
        return e.production().report();
    }

    @Test
    void a_truncated_cached_segment_is_made_again_and_the_notes_say_so() throws Exception {
        Path segment = largest(cached("mp4"));
        truncate(segment);

        ProduceStage.Report again = produce();

        // the segment made again is the same as before, so the master on disk is still this cut
        assertThat(again.reuse()).isEqualTo("reused 2/3 shot segments, 3/3 voice lines, the cut");
        assertThat(studio.shotsDrawn).hasValue(4);
        assertThat(notes).anySatisfy(n -> assertThat(n).startsWith("cache: the segment of shot ")
                .contains("bytes but was stored with").endsWith("making it again"));
        assertThat(FakeMediaTool.read(segment)).containsEntry("kind", "segment");
        assertThat(media.probe(video()).video().orElseThrow().frames()).isEqualTo(again.board().totalFrames());
    }

    @Test
    void a_truncated_cached_mix_is_made_again() throws Exception {
        Path mix = cached("wav").stream().filter(this::isMix).findFirst().orElseThrow();
        truncate(mix);
        int encoded = media.audioEncodes.get();

        ProduceStage.Report again = produce();

        assertThat(studio.mixes).hasValue(2);
        assertThat(notes).anySatisfy(n -> assertThat(n).startsWith("cache: the mix ").endsWith("making it again"));
        // the mix made again is the one cached before, so its audio parts come from the cache
        assertThat(media.audioEncodes).hasValue(encoded);
        assertThat(Long.parseLong(FakeMediaTool.read(video()).get("audio-samples")))
                .isEqualTo((long) again.board().totalFrames() * 48_000 / again.board().fps());
    }

    @Test
    void a_truncated_cached_voice_line_is_spoken_again_and_keeps_its_length() throws Exception {
        Path line = cached("wav").stream().filter(p -> !isMix(p)).findFirst().orElseThrow();
        double before = dev.tsuzuku.voice.WavFile.seconds(line);
        truncate(line);

        produce();

        assertThat(studio.spoken).hasValue(4);
        assertThat(notes).anySatisfy(n -> assertThat(n).startsWith("cache: the voice line '").endsWith("making it again"));
        assertThat(dev.tsuzuku.voice.WavFile.seconds(line)).isEqualTo(before);
    }

    @Test
    void a_cached_artifact_altered_in_place_is_made_again() throws Exception {
        Path segment = cached("mp4").get(0);
        Files.writeString(segment, Files.readString(segment).replace("kind segment", "kind segmenT")); // same length

        produce();

        assertThat(notes).anySatisfy(n -> assertThat(n).contains("does not match the hash it was stored with"));
        assertThat(studio.shotsDrawn).hasValue(4);
    }

    @Test
    void a_master_that_would_come_out_short_never_replaces_the_old_one() throws Exception {
        byte[] before = Files.readAllBytes(video());
        // a segment that holds fewer frames than its shot, stored with a matching sum: only the cut's check can see it
        Path segment = segmentOfShot(1);
        String shorter = Files.readString(segment).replaceFirst("frames (\\d+)", "frames 1");
        Files.writeString(segment, shorter);
        Files.writeString(segment.resolveSibling(segment.getFileName() + ".sum"),
                Files.size(segment) + " " + dev.tsuzuku.pipeline.InputHash.file(segment) + "\n");
        Json.writeFile(ws.episodeDir(1).resolve("script.json"), FakeStudio.script(1, "A peach!", "I go west."));

        assertThatThrownBy(() -> produce())
                .isInstanceOf(TsuzukuException.class)
                .hasMessageContaining("is off spec, so the old file stays")
                .hasMessageContaining("video frames: expected");

        assertThat(Files.readAllBytes(video())).isEqualTo(before);
    }

    @Test
    void the_streaming_rungs_come_with_each_drawn_segment_and_a_changed_line_makes_only_its_shots_rungs() throws Exception {
        Path hls = ws.episodeDir(1).resolve("hls");
        assertThat(cached(HlsStep.RUNG_EXT)).as("two smaller rungs per shot, made with its segment").hasSize(6);
        assertThat(media.rungsFromFiles).hasValue(0);
        assertThat(Files.readString(hls.resolve("720/index.m3u8"))).contains("seg_00000.m4s", "seg_00002.m4s");
        assertThat(FakeMediaTool.read(hls.resolve("480/seg_00001.m4s"))).containsEntry("rung", "480").containsEntry("made", "with-segment")
                .containsEntry("pixels", FakeMediaTool.read(segmentOfShot(2)).get("pixels"));

        Json.writeFile(ws.episodeDir(1).resolve("script.json"), FakeStudio.script(1, "A peach!", "I go west."));
        produce();

        assertThat(cached(HlsStep.RUNG_EXT)).as("the changed shot's rungs beside the old ones").hasSize(8);
        assertThat(media.rungsFromFiles).as("nothing encoded again from a file").hasValue(0);
        assertThat(media.ladders).as("packaged again for the new cut").hasValue(2);
    }

    @Test
    void rungs_missing_from_the_cache_are_made_from_the_cached_segments_without_drawing_again() throws Exception {
        for (Path rung : cached(HlsStep.RUNG_EXT)) {
            Files.delete(rung);
        }
        Files.writeString(ws.episodeDir(1).resolve("hls/made-from"), "an older ladder");

        produce();

        assertThat(studio.shotsDrawn).hasValue(3);
        assertThat(media.rungsFromFiles).as("one ffmpeg per shot for both rungs").hasValue(3);
        assertThat(FakeMediaTool.read(ws.episodeDir(1).resolve("hls/720/seg_00000.m4s"))).containsEntry("made", "from-file")
                .containsEntry("pixels", FakeMediaTool.read(segmentOfShot(1)).get("pixels"));
        assertThat(cached(HlsStep.RUNG_EXT)).hasSize(6);
    }

    @Test
    void constant_qp_rungs_over_their_cap_are_made_again_at_crf_with_the_cap_and_cached_so() throws Exception {
        media.withSegmentBandwidth = 1000L * (HlsLadder.encoded().get(0).maxKbps() + 500);
        Files.writeString(ws.episodeDir(1).resolve("hls/made-from"), "an older ladder");

        produce();

        assertThat(media.rungsFromFiles).as("one ffmpeg per shot for both capped rungs").hasValue(3);
        assertThat(FakeMediaTool.read(ws.episodeDir(1).resolve("hls/720/seg_00000.m4s"))).containsEntry("made", "from-file");
        assertThat(Files.readString(ws.episodeDir(1).resolve("hls/master.m3u8"))).doesNotContain("BANDWIDTH=" + media.withSegmentBandwidth);
        assertThat(notes).as("the producer is told").anySatisfy(n -> assertThat(n).startsWith("HLS rungs over their caps").contains("720: "));

        Files.writeString(ws.episodeDir(1).resolve("hls/made-from"), "an older ladder");
        produce();

        assertThat(media.rungsFromFiles).as("the capped rungs come from the cache").hasValue(3);
        assertThat(FakeMediaTool.read(ws.episodeDir(1).resolve("hls/480/seg_00000.m4s"))).containsEntry("made", "from-file");
        assertThat(notes).noneSatisfy(n -> assertThat(n).startsWith("HLS rungs still over"));
    }

    @Test
    void capped_rungs_still_over_their_cap_are_reported_not_hidden() throws Exception {
        media.withSegmentBandwidth = 1000L * (HlsLadder.encoded().get(1).maxKbps() + 500);
        media.fromFileBandwidth = 1000L * (HlsLadder.encoded().get(1).maxKbps() + 300);
        Files.writeString(ws.episodeDir(1).resolve("hls/made-from"), "an older ladder");

        produce();

        assertThat(notes).anySatisfy(n -> assertThat(n).startsWith("HLS rungs still over their caps").contains("480: "));
        assertThat(ws.episodeDir(1).resolve("hls/master.m3u8")).exists();
    }

    private Path video() {
        return ws.episodeDir(1).resolve("episode.mp4");
    }

    /** The fake mixer writes stereo, the fake voice mono. */
    private boolean isMix(Path wav) {
        try {
            return javax.sound.sampled.AudioSystem.getAudioFileFormat(wav.toFile()).getFormat().getChannels() == 2;
        } catch (Exception e) {
            return false;
        }
    }

    private Path segmentOfShot(int index) throws IOException {
        var manifest = Json.mapper().readTree(ws.episodeDir(1).resolve("manifest.json").toFile());
        String key = manifest.get("shots").get(index - 1).get("takeId").asText();
        return new dev.tsuzuku.pipeline.ArtifactCache(ws.cacheDir()).pathFor(key, "mp4");
    }

    private List<Path> cached(String extension) throws IOException {
        try (Stream<Path> files = Files.walk(ws.cacheDir())) {
            return files.filter(p -> p.getFileName().toString().endsWith("." + extension))
                    .filter(p -> !p.getParent().getFileName().toString().equals("tmp")).sorted().toList();
        }
    }

    private static Path largest(List<Path> files) throws IOException {
        Path best = files.get(0);
        for (Path p : files) {
            if (Files.size(p) > Files.size(best)) {
                best = p;
            }
        }
        return best;
    }

    private static void truncate(Path file) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(f.length() / 2);
        }
    }
}
