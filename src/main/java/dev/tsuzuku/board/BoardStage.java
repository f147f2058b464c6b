package dev.tsuzuku.board;

import dev.tsuzuku.model.BadInputException;
import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.EpisodePlan;
import dev.tsuzuku.model.Script;
import dev.tsuzuku.model.Storyboard;
import dev.tsuzuku.model.TsuzukuException;
import dev.tsuzuku.pipeline.InputHash;
import dev.tsuzuku.pipeline.Job;
import dev.tsuzuku.workspace.Json;
import dev.tsuzuku.workspace.Workspace;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * The board stage: {@code episodes/NNN/script.json} + bible + the episode's plan →
 * {@code episodes/NNN/storyboard.json}, skipped when none of them (nor the next drop time on the
 * end card) changed since the last run. The stage describes the job; the runner decides whether it
 * runs ({@code tsuzuku board} refuses to overwrite an edited storyboard, {@code produce} uses it).
 */
public final class BoardStage {
    public static final String NAME = "board";
    /** Bump when the storyboarding logic changes, so existing storyboards are made again. */
    static final int VERSION = 4; // 4: each line timed at its voice's pace

    private final Workspace workspace;
    private final Storyboarder storyboarder;

    public BoardStage(Workspace workspace, Storyboarder storyboarder) {
        this.workspace = workspace;
        this.storyboarder = storyboarder;
    }

    public static Path scriptFile(Workspace workspace, int episode) {
        return workspace.episodeDir(episode).resolve("script.json");
    }

    public static Path storyboardFile(Workspace workspace, int episode) {
        return workspace.episodeDir(episode).resolve("storyboard.json");
    }

    /**
     * The boarding of one episode from its script.json as it is on disk (written by {@code write}
     * or edited by the user); {@code nextDrop} (nullable) is printed on the end card.
     */
    public Job job(Bible bible, EpisodePlan plan, ZonedDateTime nextDrop) {
        Path scriptPath = scriptFile(workspace, plan.number());
        Script script = Json.readFile(scriptPath, Script.class,
                "tsuzuku write " + workspace.root() + " --episode " + plan.number());
        if (script.episode() != plan.number()) {
            throw new BadInputException(workspace.relative(scriptPath),
                    "says it is episode " + script.episode() + " but sits in the folder of episode " + plan.number(),
                    "fix \"episode\" in the file, or write it again: tsuzuku write DIR --episode " + plan.number());
        }
        if (script.hook() == null || script.scenes() == null) {
            throw new BadInputException(workspace.relative(scriptPath), "has no " + (script.hook() == null ? "hook" : "scenes"),
                    "write it again: tsuzuku write DIR --episode " + plan.number());
        }
        String hash = InputHash.of(NAME, VERSION).add(script).add(bible).add(plan)
                .add(nextDrop == null ? null : nextDrop.toOffsetDateTime().toString()).hex();
        Path out = storyboardFile(workspace, plan.number());
        return new Job(NAME, "episode/" + plan.folder(), hash, progress -> {
            Storyboard sb = storyboarder.board(script, bible, plan, nextDrop);
            List<String> broken = StoryboardRules.check(sb, bible);
            if (!broken.isEmpty()) {
                throw new TsuzukuException("the storyboard of episode " + plan.number() + " breaks its rules:\n  "
                        + String.join("\n  ", broken));
            }
            Json.writeFile(out, sb);
            return List.of(out);
        });
    }
}
