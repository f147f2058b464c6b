package dev.tsuzuku.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** The fast fake of {@link StageLedger}: same contract, kept in memory. */
public final class MemoryStageLedger implements StageLedger {
    private final Map<String, StageRun> runs = new ConcurrentHashMap<>();
    private final List<String> failures = new ArrayList<>();

    @Override
    public Optional<StageRun> lastSuccess(String stage, String subject) {
        return Optional.ofNullable(runs.get(stage + "\u0000" + subject));
    }

    @Override
    public void recordSuccess(StageRun run) {
        runs.put(run.stage() + "\u0000" + run.subject(), run);
    }

    @Override
    public synchronized void recordFailure(String stage, String subject, String inputHash, String error) {
        failures.add(stage + " " + subject + ": " + error);
    }

    @Override
    public List<StageRun> successes(String stage) {
        Map<String, StageRun> bySubject = new TreeMap<>();
        runs.values().stream().filter(r -> r.stage().equals(stage)).forEach(r -> bySubject.put(r.subject(), r));
        return List.copyOf(bySubject.values());
    }
}
