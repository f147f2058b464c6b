package dev.tsuzuku.plan;

import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.EpisodePlan;
import dev.tsuzuku.model.Season;
import dev.tsuzuku.workspace.Json;
import dev.tsuzuku.workspace.Workspace;
import java.nio.file.Path;
import java.util.List;

/**
 * The season on disk: {@code season.json} (the contract later stages read) and {@code season.md}
 * (the same plan for the showrunner to review).
 */
public final class SeasonFiles {
    private SeasonFiles() {}

    /** Writes both files and returns their paths. */
    public static List<Path> write(Workspace workspace, Season season, Bible bible) {
        Json.writeFile(workspace.seasonJson(), season);
        dev.tsuzuku.workspace.AtomicFiles.write(workspace.seasonMarkdown(), markdown(season, bible));
        return List.of(workspace.seasonJson(), workspace.seasonMarkdown());
    }

    public static Season read(Workspace workspace) {
        return Json.readFile(workspace.seasonJson(), Season.class, "tsuzuku plan " + workspace.root());
    }

    public static String markdown(Season season, Bible bible) {
        StringBuilder b = new StringBuilder();
        int total = season.episodes().stream().mapToInt(EpisodePlan::estimatedSeconds).sum();
        b.append("# ").append(bible.title()).append(": season plan\n\n");
        b.append(season.episodes().size()).append(" episodes, ").append(total / 60).append(" min in all; target ")
                .append(bible.episodeSeconds()).append(" s per episode (allowed ").append(bible.minEpisodeSeconds())
                .append("–").append(bible.maxEpisodeSeconds()).append(" s).\n");
        b.append("Edit season.json to move a cut, then run `tsuzuku write`.\n");
        for (EpisodePlan e : season.episodes()) {
            b.append("\n## ").append(e.number()).append(". ").append(e.title()).append("\n\n");
            b.append("*").append(e.estimatedSeconds()).append(" s · source characters ")
                    .append(e.source().startChar()).append("–").append(e.source().endChar()).append("*\n\n");
            if (e.previously() != null) {
                b.append("> ").append(e.previously()).append("\n\n");
            }
            b.append(e.synopsis()).append("\n\n");
            b.append("**Cold open:** ").append(e.coldOpen()).append("\n\n");
            b.append("**Beats:**\n\n");
            for (int i = 0; i < e.beats().size(); i++) {
                b.append(i + 1).append(". ").append(e.beats().get(i)).append("\n");
            }
            b.append("\n**Hook (").append(e.hook().kind().wireName()).append("):** ").append(e.hook().text()).append("\n\n");
            b.append("**Why the cut is here:** hook strength ").append(e.cut().hookStrength())
                    .append(" − length penalty ").append(e.cut().lengthPenalty()).append(" = ").append(e.cut().total());
            if (!e.cut().cues().isEmpty()) {
                b.append("; ").append(String.join("; ", e.cut().cues()));
            }
            b.append(".\n");
        }
        return b.toString();
    }
}
