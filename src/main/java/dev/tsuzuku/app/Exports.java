package dev.tsuzuku.app;

import dev.tsuzuku.model.BadInputException;
import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.EpisodePlan;
import dev.tsuzuku.model.Problem;
import dev.tsuzuku.model.Season;
import dev.tsuzuku.plan.SeasonFiles;
import dev.tsuzuku.process.RunFiles;
import dev.tsuzuku.release.ExportRules;
import dev.tsuzuku.release.Platform;
import dev.tsuzuku.render.Manifest;
import dev.tsuzuku.render.Probe;
import dev.tsuzuku.workspace.AtomicFiles;
import dev.tsuzuku.workspace.BibleFile;
import dev.tsuzuku.workspace.Json;
import dev.tsuzuku.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code tsuzuku export DIR --episode N --for tiktok|shorts|reels}: a folder with what one
 * platform takes: the master checked against its limits ({@link ExportRules}), the caption with
 * hashtags within its length, the SRT where it takes one (YouTube), and the cover.
 */
public final class Exports {
    private final Studio studio;

    Exports(Studio studio) {
        this.studio = studio;
    }

    /** What was exported: the folder, its files (names), the caption, the platform's name and caption length. */
    public record Exported(Path folder, List<String> files, String caption, Platform platform) {
        public String platformName() {
            return platform.label();
        }

        public int captionLimit() {
            return platform.captionChars();
        }
    }

    public Exported export(int episode, String platform, Path out) {
        Workspace ws = studio.workspace();
        Platform p = Platform.byId(platform).orElseThrow(() -> new BadInputException("--for", "'" + platform
                + "' is not a platform tsuzuku exports to", "use one of " + String.join(", ", Platform.ids())));
        Path dir = ws.episodeDir(episode);
        Path manifestFile = dir.resolve("manifest.json");
        if (!Files.isRegularFile(manifestFile)) {
            throw new BadInputException(ws.relative(manifestFile), "episode " + episode + " is not produced",
                    "produce it first: tsuzuku produce " + ws.root() + " --episode " + episode);
        }
        Manifest m = Json.readFile(manifestFile, Manifest.class, "tsuzuku produce " + ws.root() + " --episode " + episode + " --force");
        Path master = dir.resolve(m.files().video());
        if (!Files.isRegularFile(master)) {
            throw new BadInputException(ws.relative(master), "the master is missing",
                    "produce it again: tsuzuku produce " + ws.root() + " --episode " + episode + " --force");
        }
        ExportRules.Master facts = facts(studio.media().probe(master), size(master));
        List<ExportRules.Problem> problems = ExportRules.check(p, facts);
        if (!problems.isEmpty()) {
            List<Problem> list = new ArrayList<>();
            for (ExportRules.Problem x : problems) {
                list.add(new Problem(ws.relative(master), 0, 0, x.message() + " (" + p.label() + ")", x.fix()));
            }
            throw new BadInputException(list);
        }
        Bible bible = BibleFile.load(ws.bible());
        Season season = SeasonFiles.read(ws);
        String title = season.episodes().stream().filter(e -> e.number() == episode).map(EpisodePlan::title).findFirst()
                .orElse(m.title());
        String hook = m.hook() == null ? "" : m.hook().text();
        String caption = ExportRules.caption(p, bible.title(), episode, title, hook);

        Path folder = out != null ? out : ws.root().resolve("exports").resolve(EpisodePlan.folder(episode) + "-" + p.id());
        List<String> files = new ArrayList<>();
        copy(master, folder.resolve("episode.mp4"));
        files.add("episode.mp4");
        AtomicFiles.write(folder.resolve("caption.txt"), caption + "\n");
        files.add("caption.txt");
        if (p.takesSrt()) {
            Path srt = m.files().srt() == null ? null : dir.resolve(m.files().srt());
            if (srt == null || !Files.isRegularFile(srt)) {
                throw new BadInputException(ws.relative(dir.resolve("episode.srt")), "the subtitles are missing, and "
                        + p.label() + " takes them as SRT", "produce the episode again: tsuzuku produce " + ws.root()
                        + " --episode " + episode + " --force");
            }
            copy(srt, folder.resolve("episode.srt"));
            files.add("episode.srt");
        }
        Path cover = m.files().cover() == null ? null : dir.resolve(m.files().cover());
        if (cover == null || !Files.isRegularFile(cover)) {
            throw new BadInputException(ws.relative(dir.resolve("cover.jpg")), "the cover is missing",
                    "produce the episode again: tsuzuku produce " + ws.root() + " --episode " + episode + " --force");
        }
        copy(cover, folder.resolve("cover.jpg"));
        files.add("cover.jpg");
        return new Exported(folder, List.copyOf(files), caption, p);
    }

    static ExportRules.Master facts(Probe.Media media, long bytes) {
        Probe.Video v = media.video().orElse(null);
        return new ExportRules.Master(media.seconds(), bytes, v == null ? 0 : v.width(), v == null ? 0 : v.height(),
                v == null ? "none" : v.codec(), v == null ? "none" : v.pixFmt(), media.audio().map(Probe.Audio::codec).orElse(null),
                v == null ? 0 : rate(v.avgFrameRate() == null || v.avgFrameRate().startsWith("0") ? v.rFrameRate() : v.avgFrameRate()));
    }

    /** "30/1" or "30000/1001" as frames per second; 0 when unreadable. */
    static double rate(String r) {
        if (r == null) {
            return 0;
        }
        try {
            int slash = r.indexOf('/');
            if (slash < 0) {
                return Double.parseDouble(r);
            }
            double d = Double.parseDouble(r.substring(slash + 1));
            return d == 0 ? 0 : Double.parseDouble(r.substring(0, slash)) / d;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static long size(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            throw new dev.tsuzuku.model.TsuzukuException("cannot read " + f + ": " + AtomicFiles.reason(e), e);
        }
    }

    /** A copy that is whole or absent: into a temporary file of this run, then moved into place. */
    private static void copy(Path from, Path to) {
        try {
            Files.createDirectories(to.toAbsolutePath().getParent());
            Path tmp = RunFiles.temp(to, ".part");
            try {
                Files.copy(from, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                AtomicFiles.move(tmp, to);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw AtomicFiles.cannotWrite(to, e);
        }
    }
}
