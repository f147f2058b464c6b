package dev.tsuzuku.story;

import dev.tsuzuku.model.Script;
import dev.tsuzuku.pipeline.InputHash;
import dev.tsuzuku.pipeline.Job;
import dev.tsuzuku.workspace.AtomicFiles;
import dev.tsuzuku.workspace.Json;
import dev.tsuzuku.workspace.Workspace;
import java.nio.file.Path;
import java.util.List;

/**
 * The write stage: bible + the episode's plan + its slice of the source → {@code
 * episodes/NNN/script.json} and {@code script.fountain}, by the writer the bible's routing picks.
 */
public final class WriteStage {
    public static final String NAME = "write";
    /**
     * Bump when a writer's logic changes (the offline writer's above all: it is the default and
     * its output is what the caches hold), so old scripts are written again.
     */
    static final int VERSION = 5; // 5: the people of one tale (Sea King (Urashima Taro)) answer to the plain title there

    private final Workspace workspace;
    private final Writer writer;

    public WriteStage(Workspace workspace, Writer writer) {
        this.workspace = workspace;
        this.writer = writer;
    }

    public Job job(WriteRequest request) {
        var e = request.episode();
        String hash = InputHash.of(NAME, VERSION).add(writer.name()).add(request.bible()).add(e)
                .add(request.source().slice(e.source())).hex();
        return new Job(NAME, "episode/" + e.folder(), hash, progress -> {
            Script script = writer.write(request);
            Path dir = workspace.episodeDir(e.number());
            Path json = dir.resolve("script.json");
            Json.writeFile(json, script);
            Path fountain = dir.resolve("script.fountain");
            AtomicFiles.write(fountain, FountainWriter.render(script, request.bible()));
            return List.of(json, fountain);
        });
    }
}
