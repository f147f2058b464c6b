package dev.tsuzuku.app;

import dev.tsuzuku.model.BadInputException;
import dev.tsuzuku.model.EpisodePlan;
import dev.tsuzuku.model.Season;
import dev.tsuzuku.workspace.Workspace;
import java.util.List;
import java.util.function.Predicate;

/** What {@code --episode N|all} picks from the season, with one set of messages for every verb. */
final class EpisodeChoice {
    private EpisodeChoice() {}

    /**
     * {@code "all"}: the planned episodes that {@code ready} accepts (none is bad input, with
     * {@code howToMakeReady} as the fix); a number: that planned episode.
     */
    static List<EpisodePlan> pick(String spec, Season season, Workspace ws, Predicate<EpisodePlan> ready,
            String whatAllNeeds, String howToMakeReady) {
        if (season.episodes().isEmpty()) {
            throw new BadInputException(ws.relative(ws.seasonJson()), "the season has no episodes",
                    "plan it again: tsuzuku plan " + ws.root());
        }
        if (spec.strip().equalsIgnoreCase("all")) {
            List<EpisodePlan> chosen = season.episodes().stream().filter(ready).toList();
            if (chosen.isEmpty()) {
                throw new BadInputException(ws.relative(ws.episodesDir()), "no episode " + whatAllNeeds + " yet", howToMakeReady);
            }
            return chosen;
        }
        int n;
        try {
            n = Integer.parseInt(spec.strip());
        } catch (NumberFormatException e) {
            throw new BadInputException("--episode", "'" + spec + "' is neither an episode number nor 'all'",
                    "use --episode 3 or --episode all");
        }
        return season.episodes().stream().filter(e -> e.number() == n).findFirst().map(List::of)
                .orElseThrow(() -> notInSeason(n, season, ws));
    }

    /** Episode {@code n} is not planned: says how many are, and how to plan more (never to write it). */
    static BadInputException notInSeason(int n, Season season, Workspace ws) {
        int count = season.episodes().size();
        int first = season.episodes().get(0).number();
        int last = season.episodes().get(count - 1).number();
        return new BadInputException(ws.relative(ws.seasonJson()),
                "has no episode " + n + ": it is not in the season, which has " + count + " episode" + (count == 1 ? "" : "s")
                        + " (it plans " + first + "–" + last + ")",
                "pick an episode from season.md, or re-plan with: tsuzuku plan " + ws.root() + " --episodes N");
    }
}
