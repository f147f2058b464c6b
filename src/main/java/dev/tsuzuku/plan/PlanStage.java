package dev.tsuzuku.plan;

import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.Season;
import dev.tsuzuku.model.Source;
import dev.tsuzuku.pipeline.InputHash;
import dev.tsuzuku.pipeline.Job;
import dev.tsuzuku.workspace.Workspace;
import java.util.OptionalInt;

/**
 * The plan stage: the source text + bible (+ an exact episode count, when asked) →
 * {@code season.json} and {@code season.md}, made again only when one of them changed.
 */
public final class PlanStage {
    public static final String NAME = "plan";
    /** Bump when the planner's logic changes, so old plans are made again. */
    static final int VERSION = 5; // 5: Japanese titles and recaps

    private final Workspace workspace;
    private final SeasonPlanner planner;
    private final Reviser reviser;

    /** Rewrites the planner's season (the LLM writers' room), or returns it as it is. */
    @FunctionalInterface
    public interface Reviser {
        Season revise(Source source, Bible bible, Season planned);
    }

    public PlanStage(Workspace workspace, SeasonPlanner planner) {
        this(workspace, planner, (source, bible, season) -> season);
    }

    public PlanStage(Workspace workspace, SeasonPlanner planner, Reviser reviser) {
        this.workspace = workspace;
        this.planner = planner;
        this.reviser = reviser;
    }

    public Job job(Bible bible, Source source, OptionalInt episodes) {
        String hash = InputHash.of(NAME, VERSION).add(bible).add(source.text())
                .add(episodes.isPresent() ? Integer.toString(episodes.getAsInt()) : "auto").hex();
        return new Job(NAME, "season", hash, progress -> {
            Season season = reviser.revise(source, bible, planner.plan(source, bible, episodes));
            return SeasonFiles.write(workspace, season, bible);
        });
    }
}
