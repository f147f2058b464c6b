package dev.tsuzuku.produce;

import dev.tsuzuku.model.BadInputException;
import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.EpisodePlan;
import dev.tsuzuku.model.Script;
import dev.tsuzuku.model.Storyboard;
import dev.tsuzuku.pipeline.InputHash;
import dev.tsuzuku.pipeline.Job;
import dev.tsuzuku.pipeline.Steps;
import dev.tsuzuku.workspace.Json;
import dev.tsuzuku.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * The produce stage: {@code script.json} + the board stage's storyboard → a finished, verified
 * episode folder (episode.mp4, .srt, .vtt, cover.jpg, thumb.jpg, manifest.json), made by its
 * {@link Steps}. Every expensive piece a step makes (a voice line, a shot segment, the mix, the
 * cut) is kept in the artifact cache under the hash of what made it, so a changed line redoes only
 * what depends on it. The stage only describes the job: the runner skips it when nothing changed
 * and refuses to overwrite a file the user edited.
 */
public final class ProduceStage {
    public static final String NAME = "produce";
    /** Bump when the stage's own logic changes (not a step's: each step has its version). */
    static final int VERSION = 1;

    private final Workspace workspace;
    private final Clock clock;
    private final Boarding boarding;
    private final Steps<Production> steps;
    private final String versions;
    private final Generator generator;

    /** {@code versions} names everything besides the episode that changes the steps' output ({@link ProduceSteps#versions}). */
    public ProduceStage(Workspace workspace, Clock clock, Boarding boarding, Steps<Production> steps, String versions) {
        this(workspace, clock, boarding, steps, versions, Generator.NONE);
    }

    /** With AI generation: the generator's {@link Generator#fingerprint} is part of each episode's input hash. */
    public ProduceStage(Workspace workspace, Clock clock, Boarding boarding, Steps<Production> steps, String versions,
            Generator generator) {
        this.generator = Objects.requireNonNull(generator, "generator");
        this.workspace = workspace;
        this.clock = clock;
        this.boarding = Objects.requireNonNull(boarding, "boarding");
        this.steps = Objects.requireNonNull(steps, "steps");
        this.versions = Objects.requireNonNull(versions, "versions");
    }

    /** What one run did and what it could take from earlier runs; {@code board} is the timed storyboard. */
    public record Report(int episode, Path manifest, double seconds, Storyboard board,
                         int segmentsReused, int segments, int linesReused, int lines, boolean cutReused) {
        public String reuse() {
            return "reused " + segmentsReused + "/" + segments + " shot segments, "
                    + linesReused + "/" + lines + " voice lines" + (cutReused ? ", the cut" : "");
        }
    }

    /** The job and the production it fills in as it runs (its report is there once the job ran). */
    public record Episode(Job job, Production production) {}

    /**
     * Describes the production of {@code plan}'s episode; with {@code fresh} the steps take
     * nothing from the artifact cache. Reading the script and getting the storyboard (which may
     * board the episode) happen here, so bad input is reported before anything is made.
     */
    public Episode job(Bible bible, EpisodePlan plan, boolean fresh) {
        int episode = plan.number();
        Path scriptFile = workspace.episodeDir(episode).resolve("script.json");
        if (!Files.isRegularFile(scriptFile)) {
            throw new BadInputException(workspace.relative(scriptFile), "episode " + episode + " has no script yet",
                    "write it first: tsuzuku write " + workspace.root() + " --episode " + episode);
        }
        Script script = Json.readFile(scriptFile, Script.class, "tsuzuku write " + workspace.root() + " --episode " + episode);
        Storyboard board = boarding.board(bible, plan, script);
        Production production = new Production(workspace, bible, episode, script, board, fresh);
        InputHash h = InputHash.of(NAME, VERSION).add(versions).add(String.join(",", steps.names()))
                .add(bible).add(script).add(board);
        if (generator.enabled()) {
            h.add(generator.fingerprint(episode));
        }
        String hash = h.hex();
        Job job = new Job(NAME, "episode/" + plan.folder(), hash, progress -> {
            sweepScratch();
            production.notes = progress::note;
            steps.run(production, progress);
            progress.note("episode " + episode + ": " + production.report().reuse());
            return production.outputs();
        });
        return new Episode(job, production);
    }

    /**
     * A killed run leaves half-written scratch files in the cache; anything older than a day is
     * such a leftover (a live run finishes its scratch files within minutes).
     */
    private void sweepScratch() {
        Path tmp = workspace.cacheDir().resolve("tmp");
        if (!Files.isDirectory(tmp)) {
            return;
        }
        long cutoff = clock.millis() - Duration.ofDays(1).toMillis();
        try (var files = Files.list(tmp)) {
            files.filter(p -> {
                try {
                    return Files.getLastModifiedTime(p).toMillis() < cutoff;
                } catch (IOException e) {
                    return false;
                }
            }).forEach(ShotsStep::deleteQuietly);
        } catch (IOException e) {
            // sweeping is housekeeping; never fail a run for it
        }
    }
}
