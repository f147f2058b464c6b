package dev.tsuzuku.produce;

import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.EpisodePlan;
import dev.tsuzuku.model.Script;
import dev.tsuzuku.model.ShotLine;
import dev.tsuzuku.model.Storyboard;
import java.util.function.ToDoubleFunction;

/**
 * What {@code produce} needs from the storyboarder: the episode's storyboard (made from the
 * script, or the user's edited {@code storyboard.json}; the end card names the next drop), and
 * the same board re-timed to the measured length of each spoken line.
 */
public interface Boarding {

    /** With {@code force}, a hand-edited storyboard is replaced by a fresh one. */
    Storyboard board(Bible bible, EpisodePlan plan, Script script, boolean force);

    Storyboard retime(Storyboard board, ToDoubleFunction<ShotLine> measuredSeconds);
}
