package dev.tsuzuku.app;

import dev.tsuzuku.board.BoardStage;
import dev.tsuzuku.board.Storyboarder;
import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.EpisodePlan;
import dev.tsuzuku.model.Script;
import dev.tsuzuku.model.ShotLine;
import dev.tsuzuku.model.Storyboard;
import dev.tsuzuku.produce.Boarding;
import dev.tsuzuku.workspace.Json;
import dev.tsuzuku.workspace.Workspace;
import java.util.function.ToDoubleFunction;

/**
 * produce's storyboard, from the same board job as {@code tsuzuku board} (one path), asked for
 * as an upstream output: a stale or missing storyboard is made, an edited one is used as it is.
 */
final class StageBoarding implements Boarding {
    private final WritersRoom room;
    private final Storyboarder storyboarder;

    StageBoarding(WritersRoom room, Storyboarder storyboarder) {
        this.room = room;
        this.storyboarder = storyboarder;
    }

    @Override
    public Storyboard board(Bible bible, EpisodePlan plan, Script script) {
        Workspace ws = room.workspace();
        String remake = "tsuzuku board " + ws.root() + " --episode " + plan.number() + " --force";
        room.runner().use(room.boardJob(bible, plan), remake);
        return Json.readFile(BoardStage.storyboardFile(ws, plan.number()), Storyboard.class, remake);
    }

    @Override
    public Storyboard retime(Storyboard board, ToDoubleFunction<ShotLine> measuredSeconds) {
        return storyboarder.retime(board, measuredSeconds);
    }
}
