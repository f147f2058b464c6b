package dev.tsuzuku.pipeline;

import dev.tsuzuku.model.BadInputException;
import dev.tsuzuku.model.Problem;
import dev.tsuzuku.model.TsuzukuException;
import dev.tsuzuku.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs every stage the same way: a {@link Job} runs only when its inputs changed or an output is
 * missing; what it wrote is recorded in the ledger (with the content hash of each file); an output
 * the user edited since is never overwritten without {@code force}; progress is reported here, not
 * by the stages.
 *
 * <p>Two ways to ask for a job: {@link #run} is the verb that owns the output ({@code tsuzuku
 * board} for a storyboard) and refuses to overwrite an edit; {@link #use} is a later stage that
 * needs the output ({@code produce} needs the storyboard) and takes an edited file as it is.
 */
public final class StageRunner {
    private final Workspace workspace;
    private final StageLedger ledger;
    private final Clock clock;
    private final Progress progress;

    public StageRunner(Workspace workspace, StageLedger ledger, Clock clock) {
        this(workspace, ledger, clock, Progress.silent());
    }

    public StageRunner(Workspace workspace, StageLedger ledger, Clock clock, Progress progress) {
        this.workspace = workspace;
        this.ledger = ledger;
        this.clock = clock;
        this.progress = progress;
    }

    /** The work of one stage for one subject: writes its files and returns their paths. */
    @FunctionalInterface
    public interface Work {
        List<Path> run() throws Exception;
    }

    /**
     * What the runner did with a job: ran it, found it up to date, or (only for {@link #use})
     * kept the user's edited output instead of making it again.
     */
    public enum Outcome { RAN, UP_TO_DATE, KEPT_EDIT }

    /** Runs {@code job} for the verb that owns its outputs (see {@link #run(String, String, String, boolean, Work)}). */
    public Outcome run(Job job, boolean force) {
        return run(job.stage(), job.subject(), job.inputHash(), force, () -> job.work().run(progress));
    }

    /** Runs the jobs one after the other as one progress task of {@code label}; outcomes in the same order. */
    public List<Outcome> runEach(String label, List<Job> jobs, boolean force) {
        List<Outcome> outcomes = new ArrayList<>();
        try (Progress.Task task = progress.start(label, jobs.size())) {
            for (Job job : jobs) {
                outcomes.add(run(job, force));
                task.advance(1);
            }
        }
        return outcomes;
    }

    /**
     * Makes sure a job's outputs exist for a later stage: when the user edited one of them since
     * it was written, the edit is what the later stage reads (it is neither remade nor refused:
     * {@link Outcome#KEPT_EDIT}, with a note saying how to remake it); otherwise as {@link #run}.
     */
    public Outcome use(Job job, String howToRemake) {
        Optional<StageRun> last = ledger.lastSuccess(job.stage(), job.subject());
        if (last.isPresent()) {
            List<String> edited = editedOutputs(last.get());
            if (!edited.isEmpty()) {
                progress.note(String.join(", ", edited) + " was edited by hand; using it as it is"
                        + (last.get().inputHash().equals(job.inputHash()) ? "" : " (its inputs changed since)")
                        + ". To make it again: " + howToRemake);
                return Outcome.KEPT_EDIT;
            }
        }
        return run(job, false);
    }

    /**
     * Runs a stage for one subject unless its inputs are unchanged and its outputs are as they
     * were written. An output edited since is bad input unless {@code force}.
     */
    public Outcome run(String stage, String subject, String inputHash, boolean force, Work work) {
        Optional<StageRun> last = ledger.lastSuccess(stage, subject);
        if (last.isPresent() && !force) {
            List<String> edited = editedOutputs(last.get());
            if (last.get().inputHash().equals(inputHash) && allPresent(last.get()) && edited.isEmpty()) {
                return Outcome.UP_TO_DATE;
            }
            if (!edited.isEmpty()) {
                List<Problem> problems = new ArrayList<>();
                for (String file : edited) {
                    problems.add(Problem.of(file, "was edited after tsuzuku wrote it; " + stage + " would overwrite it",
                            "keep your edit (it is already what later stages read), or re-run with --force to replace it"));
                }
                throw new BadInputException(problems);
            }
        }
        List<Path> written;
        try {
            written = work.run();
        } catch (TsuzukuException e) {
            ledger.recordFailure(stage, subject, inputHash, e.getMessage());
            throw e;
        } catch (Exception e) {
            ledger.recordFailure(stage, subject, inputHash, String.valueOf(e));
            throw new TsuzukuException(stage + " failed for " + subject + ": " + e, e);
        }
        Map<String, String> outputs = new LinkedHashMap<>();
        for (Path p : written) {
            outputs.put(workspace.relative(p), InputHash.file(p));
        }
        ledger.recordSuccess(new StageRun(stage, subject, inputHash, outputs, clock.instant()));
        return Outcome.RAN;
    }

    /** Outputs of a recorded run whose content on disk no longer matches what was written. */
    public List<String> editedOutputs(StageRun run) {
        List<String> edited = new ArrayList<>();
        for (Map.Entry<String, String> e : run.outputs().entrySet()) {
            Path p = workspace.root().resolve(e.getKey());
            if (Files.isRegularFile(p) && !InputHash.file(p).equals(e.getValue())) {
                edited.add(e.getKey());
            }
        }
        return edited;
    }

    private boolean allPresent(StageRun run) {
        return run.outputs().keySet().stream().allMatch(f -> Files.isRegularFile(workspace.root().resolve(f)));
    }
}
