package dev.tsuzuku.produce;

import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.EpisodePlan;
import dev.tsuzuku.model.Script;
import dev.tsuzuku.model.ShotLine;
import dev.tsuzuku.model.Storyboard;
import java.util.function.ToDoubleFunction;

/**
 * What {@code produce} needs from the storyboarder: a board from a script (the end card names
 * the next drop), and the same board re-timed to the measured length of each spoken line.
 */
public interface Boarding {

    Storyboard board(Script script, Bible bible, EpisodePlan plan);

    Storyboard retime(Storyboard board, ToDoubleFunction<ShotLine> measuredSeconds);
}
