package dev.tsuzuku.app;

import dev.tsuzuku.board.BoardStage;
import dev.tsuzuku.board.VoiceCoverage;
import dev.tsuzuku.model.BadInputException;
import dev.tsuzuku.model.EpisodePlan;
import dev.tsuzuku.model.Season;
import dev.tsuzuku.model.Storyboard;
import dev.tsuzuku.model.VoiceShare;
import dev.tsuzuku.render.Manifest;
import dev.tsuzuku.plan.SeasonFiles;
import dev.tsuzuku.workspace.Json;
import dev.tsuzuku.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code tsuzuku check}: how much of each storyboarded episode a viewer hears a voice
 * ({@link VoiceCoverage}, from the storyboard's timing of voiced lines).
 */
public final class VoiceCheck {
    private VoiceCheck() {}

    /** One episode's measure; {@code ok} when it meets both targets. */
    public record Measured(String folder, double share, double seconds, double longestSilence, double silenceAt,
            boolean ok) {}

    public static final double TARGET_SHARE = VoiceCoverage.TARGET_SHARE;
    public static final double MAX_SILENT_SECONDS = VoiceCoverage.MAX_SILENT_SECONDS;

    /**
     * The measures of {@code which} ("all" produced episodes, or one number) taken from the cut:
     * the voice share each {@code manifest.json} records, measured by {@code produce} on the
     * voice stem of the mix, frame by frame on the episode's timeline.
     */
    public static List<Measured> measureCut(Path dir, String which) {
        Workspace ws = new Workspace(dir);
        if (!Files.isDirectory(ws.root())) {
            throw new BadInputException(ws.root().toString(), "is not a series workspace folder",
                    "create one with: tsuzuku new " + dir + " --from SOURCE.txt");
        }
        Season season = SeasonFiles.read(ws);
        List<EpisodePlan> chosen = EpisodeChoice.pick(which, season, ws,
                p -> Files.isRegularFile(ws.episodeDir(p.number()).resolve("manifest.json")), "has been produced",
                "produce them first: tsuzuku produce " + dir + " --episode N");
        List<Measured> out = new ArrayList<>();
        for (EpisodePlan plan : chosen) {
            Path file = ws.episodeDir(plan.number()).resolve("manifest.json");
            String redo = "tsuzuku produce " + dir + " --episode " + plan.number();
            if (!Files.isRegularFile(file)) {
                throw new BadInputException(ws.relative(file), "file not found", "produce it first: " + redo);
            }
            Manifest m = Json.readFile(file, Manifest.class, redo);
            VoiceShare v = m.voice();
            if (v == null) {
                throw new BadInputException(ws.relative(file), "has no voice measure (produced by an older version)",
                        "produce it again: " + redo);
            }
            boolean ok = v.share() >= TARGET_SHARE && v.longestSilence() <= MAX_SILENT_SECONDS;
            out.add(new Measured(plan.folder(), v.share(), v.seconds(), v.longestSilence(), v.silenceAt(), ok));
        }
        return out;
    }

    /** The measures of {@code which} ("all" storyboarded episodes, or one number) in {@code dir}. */
    public static List<Measured> measure(Path dir, String which) {
        Workspace ws = new Workspace(dir);
        if (!Files.isDirectory(ws.root())) {
            throw new BadInputException(ws.root().toString(), "is not a series workspace folder",
                    "create one with: tsuzuku new " + dir + " --from SOURCE.txt");
        }
        Season season = SeasonFiles.read(ws);
        List<EpisodePlan> chosen = EpisodeChoice.pick(which, season, ws,
                p -> Files.isRegularFile(BoardStage.storyboardFile(ws, p.number())), "has a storyboard.json",
                "storyboard them first: tsuzuku board " + dir);
        List<Measured> out = new ArrayList<>();
        for (EpisodePlan plan : chosen) {
            Path file = BoardStage.storyboardFile(ws, plan.number());
            if (!Files.isRegularFile(file)) {
                throw new BadInputException(ws.relative(file), "file not found",
                        "storyboard it first: tsuzuku board " + dir + " --episode " + plan.number());
            }
            Storyboard sb = Json.readFile(file, Storyboard.class, "tsuzuku board " + dir + " --force");
            VoiceCoverage c = VoiceCoverage.of(sb);
            out.add(new Measured(plan.folder(), c.share(), c.seconds(), c.longestSilentSeconds(), c.longestSilentAt(),
                    c.meetsTarget()));
        }
        return out;
    }
}
