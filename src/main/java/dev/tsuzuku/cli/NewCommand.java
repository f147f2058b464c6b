package dev.tsuzuku.cli;

import dev.tsuzuku.app.Studio;
import dev.tsuzuku.ingest.BibleDrafter;
import dev.tsuzuku.ingest.CastIndex;
import dev.tsuzuku.ingest.Ingest;
import dev.tsuzuku.model.BadInputException;
import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.Place;
import dev.tsuzuku.model.Source;
import dev.tsuzuku.model.TsuzukuException;
import dev.tsuzuku.pipeline.Progress;
import dev.tsuzuku.workspace.AtomicFiles;
import dev.tsuzuku.workspace.BibleFile;
import dev.tsuzuku.workspace.Workspace;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tsuzuku new DIR --from FILE}: a workspace with the source and a drafted bible. */
@Command(name = "new", mixinStandardHelpOptions = true,
        description = "Create a series workspace from a book (.txt or .md, UTF-8) with a drafted series.yaml.")
final class NewCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "The workspace folder to create (or fill).")
    Path dir;

    @Option(names = "--from", required = true, paramLabel = "FILE", description = "The source text: a .txt or .md file.")
    Path from;

    @Option(names = "--title", paramLabel = "T", description = "Series title (default: the book's own title).")
    String title;

    @Option(names = "--force", description = "Replace an existing series.yaml with a fresh draft.")
    boolean force;

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption database;

    @Override
    public Integer call() {
        Workspace ws = new Workspace(dir);
        if (Files.exists(ws.root()) && !Files.isDirectory(ws.root())) {
            throw new BadInputException(dir.toString(), "exists and is a file, not a folder",
                    "choose a new folder name for the workspace");
        }
        if (Files.exists(ws.bible()) && !force) {
            throw new BadInputException(ws.bible().toString(), "a series bible already exists; not overwriting it",
                    "edit it by hand, or run again with --force to replace it with a fresh draft");
        }
        // Everything that can fail on bad input happens before the first byte is written.
        Source source = Ingest.read(from);
        BibleDrafter.Draft draft = BibleDrafter.draftWithCast(source, title);
        String yaml = BibleFile.render(draft.bible());
        byte[] original = readBytes(from);

        Path copy = ws.sourceDir().resolve(from.getFileName().toString());
        List<Path> others = otherSources(ws, copy);
        if (!others.isEmpty() && !force) {
            throw new BadInputException(ws.relative(ws.sourceDir()), "already holds another source: "
                    + others.stream().map(p -> p.getFileName().toString()).collect(Collectors.joining(", ")),
                    "a series has one source file; run again with --force to replace it");
        }
        // The planner reads the one text in source/; older ones are kept aside, not deleted.
        for (Path old : others) {
            moveAside(ws, old);
        }
        AtomicFiles.write(copy, original);
        AtomicFiles.write(ws.bible(), yaml);
        // Opening the studio creates .tsuzuku/ and the state database, so the next command finds them.
        try (Studio studio = Studio.open(ws, Clock.systemUTC(), Progress.silent(), database.url())) {
            studio.workspace();
        }
        summarize(spec.commandLine().getOut(), ws, copy, source, draft);
        return Main.OK;
    }

    private static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new TsuzukuException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static List<Path> otherSources(Workspace ws, Path keep) {
        if (!Files.isDirectory(ws.sourceDir())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(ws.sourceDir())) {
            return files.filter(p -> !p.getFileName().equals(keep.getFileName()))
                    .filter(p -> p.toString().endsWith(".txt") || p.toString().endsWith(".md")).sorted().toList();
        } catch (IOException e) {
            throw new TsuzukuException("cannot list " + ws.sourceDir() + ": " + e.getMessage(), e);
        }
    }

    private static void moveAside(Workspace ws, Path old) {
        try {
            Path aside = ws.stateDir().resolve("replaced-sources").resolve(old.getFileName());
            Files.createDirectories(aside.getParent());
            Files.move(old, aside, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new TsuzukuException("cannot move " + old + " aside: " + e.getMessage(), e);
        }
    }

    private void summarize(PrintWriter out, Workspace ws, Path copy, Source source, BibleDrafter.Draft draft) {
        Bible bible = draft.bible();
        out.println("Created " + ws.root() + (force ? " (series.yaml replaced)" : ""));
        out.println("  " + ws.relative(copy) + "   the source, as given");
        out.println("  series.yaml   the drafted bible: check the cast, looks and voices");
        out.println("  .tsuzuku/     state (keep it)");
        out.println();
        out.println("\"" + bible.title() + "\" (" + bible.language() + "): " + source.chapters().size() + " chapters, "
                + source.chapters().stream().mapToInt(c -> c.scenes().size()).sum() + " scenes, "
                + String.format("%,d", source.text().length()) + " characters");
        List<CastIndex.Member> top = draft.cast().members().stream().limit(8).toList();
        out.println("Top cast: " + top.stream().map(m -> m.name() + " (" + m.mentions().size() + ")")
                .collect(Collectors.joining(", ")) + (draft.cast().members().size() > top.size()
                ? " and " + (draft.cast().members().size() - top.size()) + " more" : ""));
        out.println("Places: " + bible.places().stream().limit(8).map(Place::name).collect(Collectors.joining(", ")));
        out.println();
        out.println("Next: edit series.yaml if you like, then run: tsuzuku plan " + dir);
        out.flush();
    }
}
