package dev.tsuzuku.workspace;

import dev.tsuzuku.model.EpisodePlan;
import java.nio.file.Path;

/**
 * The series folder on disk and where everything lives in it. Only paths; no I/O.
 *
 * <pre>
 * my-series/
 *   series.yaml        the bible
 *   source/            the IP
 *   season.json/.md    the plan
 *   episodes/001/      script.json, script.fountain, storyboard.json, episode.mp4, ...
 *   characters/        character sheets (PNG)
 *   .tsuzuku/          state.mv.db, cache/, logs/
 * </pre>
 */
public record Workspace(Path root) {
    public Workspace {
        root = root.toAbsolutePath().normalize();
    }

    public Path bible() {
        return root.resolve("series.yaml");
    }

    public Path sourceDir() {
        return root.resolve("source");
    }

    public Path seasonJson() {
        return root.resolve("season.json");
    }

    public Path seasonMarkdown() {
        return root.resolve("season.md");
    }

    public Path episodesDir() {
        return root.resolve("episodes");
    }

    public Path episodeDir(int number) {
        return episodesDir().resolve(EpisodePlan.folder(number));
    }

    public Path charactersDir() {
        return root.resolve("characters");
    }

    public Path stateDir() {
        return root.resolve(".tsuzuku");
    }

    public Path cacheDir() {
        return stateDir().resolve("cache");
    }

    public Path logsDir() {
        return stateDir().resolve("logs");
    }

    /** The path relative to the workspace root, with forward slashes, for messages and manifests. */
    public String relative(Path p) {
        return root.relativize(p.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }
}
