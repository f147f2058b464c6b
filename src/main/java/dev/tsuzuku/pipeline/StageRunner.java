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
 * Runs a stage for one subject only when its inputs changed, records what it wrote, and refuses
 * to overwrite an output the user edited since (unless forced).
 */
public final class StageRunner {
    private final Workspace workspace;
    private final StageLedger ledger;
    private final Clock clock;

    public StageRunner(Workspace workspace, StageLedger ledger, Clock clock) {
        this.workspace = workspace;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** The work of one stage for one subject: writes its files and returns their paths. */
    @FunctionalInterface
    public interface Work {
        List<Path> run() throws Exception;
    }

    public enum Outcome { RAN, UP_TO_DATE }

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
