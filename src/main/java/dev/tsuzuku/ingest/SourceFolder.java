package dev.tsuzuku.ingest;

import dev.tsuzuku.model.BadInputException;
import dev.tsuzuku.model.Source;
import dev.tsuzuku.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Reads the source text of a series folder for the stages that plan and write. */
public final class SourceFolder {
    private SourceFolder() {}

    /** The one source file in {@code source/} (.txt or .md), read into a {@link Source}. */
    public static Source read(Workspace ws) {
        Path dir = ws.sourceDir();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".txt") || p.toString().endsWith(".md")).sorted().toList();
        } catch (IOException e) {
            throw new BadInputException(ws.relative(dir), "no source folder",
                    "create it and put the story text in it, or run: tsuzuku new");
        }
        if (files.isEmpty()) {
            throw new BadInputException(ws.relative(dir), "no .txt or .md file in the source folder",
                    "put the story text (UTF-8) in " + ws.relative(dir) + "/");
        }
        if (files.size() > 1) {
            throw new BadInputException(ws.relative(dir), "more than one source file: "
                    + files.stream().map(p -> p.getFileName().toString()).toList(),
                    "keep one file per series (join the parts into one)");
        }
        return Ingest.read(files.get(0));
    }
}
