package dev.tsuzuku.pipeline;

import java.util.List;
import java.util.Optional;

/**
 * Port: remembers what each stage produced from which inputs, so an unchanged stage is skipped
 * and a user's edit of an output is noticed. Implementations: the workspace database
 * ({@code store.DatabaseStageLedger}) and {@link MemoryStageLedger} for tests.
 */
public interface StageLedger {

    Optional<StageRun> lastSuccess(String stage, String subject);

    void recordSuccess(StageRun run);

    void recordFailure(String stage, String subject, String inputHash, String error);

    /** All successful runs of a stage, latest per subject, ordered by subject. */
    List<StageRun> successes(String stage);
}
