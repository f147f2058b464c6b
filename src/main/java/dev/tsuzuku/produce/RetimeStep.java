package dev.tsuzuku.produce;

import dev.tsuzuku.model.BadInputException;
import dev.tsuzuku.model.Problem;
import dev.tsuzuku.model.Shot;
import dev.tsuzuku.model.Storyboard;
import dev.tsuzuku.pipeline.Progress;
import dev.tsuzuku.pipeline.Step;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code retime}: the storyboard stretched to the measured length of each voiced line. The timed
 * board stays in memory: storyboard.json belongs to the board stage (and maybe to the user, who
 * may have edited it); the manifest carries the final shot lengths.
 */
final class RetimeStep implements Step<Production> {
    private final Boarding boarding;

    RetimeStep(Boarding boarding) {
        this.boarding = boarding;
    }

    @Override
    public String name() {
        return "retime";
    }

    @Override
    public void run(Production p, Progress.Task task) {
        Voices voices = p.voices;
        Storyboard timed = boarding.retime(p.board, voices::seconds);
        validate(p, timed);
        p.timed = timed;
        task.advance(1);
    }

    private static void validate(Production p, Storyboard b) {
        String file = p.workspace.relative(p.file("storyboard.json"));
        List<Problem> problems = new ArrayList<>();
        if (b.shots().isEmpty()) {
            problems.add(Problem.of(file, "the storyboard has no shots", "check that script.json has scenes with lines"));
        }
        for (Shot s : b.shots()) {
            if (s.frames() <= 0) {
                problems.add(Problem.of(file, "shots[" + s.index() + "].frames: expected > 0, got " + s.frames(),
                        "re-board the episode"));
            }
        }
        if (!problems.isEmpty()) {
            throw new BadInputException(problems);
        }
    }
}
