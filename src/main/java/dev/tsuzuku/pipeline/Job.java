package dev.tsuzuku.pipeline;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The work of one stage for one subject, described before it runs: a stage reads and checks its
 * inputs, hashes them and hands back a job; the {@link StageRunner} decides whether the job runs
 * (its inputs changed, an output is missing), refuses when it would overwrite a user's edit, and
 * records what it wrote. A stage never calls the runner itself.
 *
 * @param stage     the stage's name in the ledger ("plan", "write", "board", "produce" …)
 * @param subject   what it is about ("season", "episode/001")
 * @param inputHash the hash of everything the outputs depend on, the stage's version included
 * @param work      writes the outputs and returns their paths
 */
public record Job(String stage, String subject, String inputHash, Work work) {
    public Job {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(inputHash, "inputHash");
        Objects.requireNonNull(work, "work");
    }

    /** Writes a job's files; {@code progress} is the runner's, for work that has steps of its own. */
    @FunctionalInterface
    public interface Work {
        List<Path> run(Progress progress) throws Exception;
    }
}
