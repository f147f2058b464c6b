package dev.tsuzuku.app;

import dev.tsuzuku.model.BadInputException;
import dev.tsuzuku.model.Bible;
import dev.tsuzuku.pipeline.MemoryStageLedger;
import dev.tsuzuku.pipeline.Progress;
import dev.tsuzuku.pipeline.StageLedger;
import dev.tsuzuku.pipeline.StageRunner;
import dev.tsuzuku.story.OfflineWriter;
import dev.tsuzuku.story.Writer;
import dev.tsuzuku.workspace.Workspace;
import java.time.Clock;

/**
 * The composition root: builds the object graph for one workspace by hand. Commands ask it for
 * what they need; nothing else constructs adapters.
 */
public final class Studio implements AutoCloseable {
    private final Workspace workspace;
    private final Clock clock;
    private final Progress progress;
    private final StageLedger ledger;
    private final StageRunner runner;

    private Studio(Workspace workspace, Clock clock, Progress progress, StageLedger ledger) {
        this.workspace = workspace;
        this.clock = clock;
        this.progress = progress;
        this.ledger = ledger;
        this.runner = new StageRunner(workspace, ledger, clock);
    }

    public static Studio open(Workspace workspace, Clock clock, Progress progress) {
        return new Studio(workspace, clock, progress, new MemoryStageLedger());
    }

    public Workspace workspace() {
        return workspace;
    }

    public Clock clock() {
        return clock;
    }

    public Progress progress() {
        return progress;
    }

    public StageLedger ledger() {
        return ledger;
    }

    public StageRunner runner() {
        return runner;
    }

    /** The writer the bible's routing asks for: "offline" (the default) or "llm". */
    public Writer writer(Bible bible) {
        String name = bible.routing() == null || bible.routing().writer() == null ? "offline" : bible.routing().writer();
        return switch (name) {
            case "offline" -> new OfflineWriter();
            default -> throw new BadInputException(workspace.relative(workspace.bible()),
                    "routing.writer '" + name + "' is not available in this build",
                    "set routing.writer to offline");
        };
    }

    @Override
    public void close() {}
}
