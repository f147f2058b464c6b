package dev.tsuzuku.app;

import dev.tsuzuku.model.BadInputException;
import dev.tsuzuku.model.Generation;
import dev.tsuzuku.routing.Ledger;
import dev.tsuzuku.workspace.BibleFile;
import dev.tsuzuku.workspace.Workspace;
import java.util.ArrayList;
import java.util.List;

/** {@code tsuzuku takes} and {@code tsuzuku regenerate}: an episode's takes from the ledger, and a new take for a shot. */
public final class TakeDesk {
    private final Studio studio;

    TakeDesk(Studio studio) {
        this.studio = studio;
    }

    /** One paid (or attempted) request as the verb lists it. */
    public record Row(long id, int shot, String kind, String provider, String status, double estimated, double actual,
            boolean chosen, String reason, String file) {}

    public List<Row> takes(int episode) {
        String series = BibleFile.load(studio.workspace().bible()).id();
        List<Row> out = new ArrayList<>();
        for (Ledger.Entry e : studio.costs().entries(series, episode)) {
            out.add(new Row(e.id(), e.shot(), e.kind(), e.provider(), e.status(), e.estimatedUsd(), e.actualUsd(), e.chosen(),
                    e.reason(), e.file()));
        }
        return out;
    }

    /**
     * Asks for a new take of shot {@code shot} (from {@code provider}, or its route's) and
     * produces the episode again, so the cut uses it. Goes through the review gate and the budget
     * like any paid take ({@code skipReview} is {@code --yes}).
     */
    public List<ProductionFloor.Produced> regenerate(int episode, int shot, String provider, boolean skipReview) {
        Workspace ws = studio.workspace();
        Generation g = BibleFile.generation(ws.bible());
        if (g.animaticOnly()) {
            throw new BadInputException(ws.relative(ws.bible()), "the series has no generation section, so there is no take to make again",
                    "add a generation: section with providers (see README), or edit the storyboard and produce again");
        }
        if (provider != null && !g.providers().contains(provider) && !provider.equals("animatic")) {
            throw new BadInputException("--provider", "'" + provider + "' is not one of the series' video providers "
                    + g.providers(), "use one of " + String.join(", ", g.providers()) + " or animatic");
        }
        if (shot < 1) {
            throw new BadInputException("--shot", "shot numbers start at 1, got " + shot, "pass a shot of the storyboard, like --shot 3");
        }
        String series = BibleFile.load(ws.bible()).id();
        studio.costs().regenerate(series, episode, shot, provider, studio.clock().instant());
        return studio.productionFloor().produce(Integer.toString(episode), false, skipReview);
    }
}
