package dev.tsuzuku.produce;

import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.EpisodePlan;
import dev.tsuzuku.model.Script;
import dev.tsuzuku.model.ShotLine;
import dev.tsuzuku.model.Storyboard;
import java.util.function.ToDoubleFunction;

/**
 * What {@code produce} needs from the board stage: the episode's storyboard, and the same board
 * re-timed to the measured length of each spoken line.
 */
public interface Boarding {

    /**
     * The storyboard of {@code plan}'s episode as the board stage has it: made again from
     * {@code script} when it is missing or stale, and the user's hand-edited
     * {@code storyboard.json} as it is (produce uses an edit, it never rebuilds or refuses it).
     */
    Storyboard board(Bible bible, EpisodePlan plan, Script script);

    Storyboard retime(Storyboard board, ToDoubleFunction<ShotLine> measuredSeconds);
}
