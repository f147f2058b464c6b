package dev.tsuzuku.produce;

import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.Script;
import dev.tsuzuku.model.Storyboard;
import dev.tsuzuku.model.VoiceShare;
import dev.tsuzuku.render.Manifest;
import dev.tsuzuku.workspace.Workspace;
import java.nio.file.Path;
import java.util.List;

/**
 * One episode on the production floor: what produce started from (bible, script, the board
 * stage's storyboard) and what each step has added so far. The steps run in the order of
 * {@link ProduceSteps}; each reads the fields earlier steps set.
 */
public final class Production {
    final Workspace workspace;
    final Bible bible;
    final int episode;
    final Script script;
    /** The storyboard as the board stage left it (or as the user edited it). */
    final Storyboard board;
    /** Take nothing from the artifact cache. */
    final boolean fresh;
    final Path dir;

    Voices voices;
    /** The board re-timed to the measured voice lines: what the pictures, mix and subtitles follow. */
    Storyboard timed;
    /** The picture each shot gets, from the generate step; null when there is none (all animatic). */
    List<Generator.Picture> pictures;
    /** One-off messages for the user (per-shot generation states). */
    java.util.function.Consumer<String> notes = m -> { };
    Segments segments;
    Path mix;
    /** Voice on the cut, measured on the voice stem of the mix (null when the mixer cannot tell). */
    VoiceShare voiceShare;
    boolean cutReused;
    /** Parts of the master's audio ({@code cut}) and how many of them came from the cache. */
    int audioParts;
    int audioReused;
    /** The audio parts encoded ahead of the cut (alongside the shots), or null. */
    volatile Audio audio;

    /** Encoded audio parts ({@code files}, in order) of {@code mix}, under their cache {@code keys}. */
    record Audio(Path mix, List<String> keys, List<Path> files) {}
    boolean hlsReused;
    /** Shots whose smaller HLS rungs the hls step encoded from their segment (not made with it by the shots step). */
    int rungsMade;
    String checksum;

    Production(Workspace workspace, Bible bible, int episode, Script script, Storyboard board, boolean fresh) {
        this.workspace = workspace;
        this.bible = bible;
        this.episode = episode;
        this.script = script;
        this.board = board;
        this.fresh = fresh;
        this.dir = workspace.episodeDir(episode);
    }

    Path file(String name) {
        return dir.resolve(name);
    }

    Path video() {
        return file(Manifest.standardFiles().video());
    }

    Path manifest() {
        return file("manifest.json");
    }

    /** Every file a user may open or edit: the runner records and protects them. */
    List<Path> outputs() {
        Manifest.Files f = Manifest.standardFiles();
        return List.of(video(), file(f.srt()), file(f.vtt()), file(f.cover()), file(f.thumb()), manifest());
    }

    /** What the finished run did and what it took from earlier runs; only after the steps ran. */
    public ProduceStage.Report report() {
        if (checksum == null) {
            throw new IllegalStateException("episode " + episode + " has not been produced in this run");
        }
        return new ProduceStage.Report(episode, manifest(), (double) timed.totalFrames() / timed.fps(), timed,
                segments.reused, segments.keys.size(), voices.reused, voices.total, cutReused);
    }
}
