package dev.tsuzuku.ingest;

import dev.tsuzuku.model.BadInputException;
import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.Source;
import dev.tsuzuku.model.TsuzukuException;
import dev.tsuzuku.pipeline.InputHash;
import dev.tsuzuku.pipeline.Job;
import dev.tsuzuku.workspace.AtomicFiles;
import dev.tsuzuku.workspace.BibleFile;
import dev.tsuzuku.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The ingest stage ({@code tsuzuku new}): a book → {@code source/BOOK} (its bytes, as given) and
 * {@code series.yaml} (the drafted bible). Everything that can fail on bad input happens when the
 * job is made, before the first byte is written.
 */
public final class IngestStage {
    public static final String NAME = "ingest";
    /** Bump when reading or drafting changes, so a re-run of {@code new --force} is not skipped. */
    static final int VERSION = 3; // 3: Japanese lines are paragraphs; a title of two tales is two people; no nickname pieces as aliases

    private final Workspace workspace;

    public IngestStage(Workspace workspace) {
        this.workspace = workspace;
    }

    /** The job and what it read, for the summary. */
    public record Ingested(Job job, Source source, BibleDrafter.Draft draft, Path copy) {}

    /** With {@code replace}, an existing series.yaml and another source file make way (the old source is kept aside). */
    public Ingested job(Path from, String title, boolean replace) {
        return job(from, title, replace, Redraft.NONE);
    }

    /**
     * A second drafter over the offline draft (the LLM writers' room): it gets the source and the
     * offline bible and returns the bible to write; {@code key} says what it is, for the stage's hash.
     */
    public interface Redraft {
        Redraft NONE = new Redraft() {
            @Override
            public String key() {
                return "offline";
            }

            @Override
            public Bible redraft(Source source, Bible offline) {
                return offline;
            }
        };

        String key();

        Bible redraft(Source source, Bible offline);
    }

    /** As {@link #job(Path, String, boolean)}, the offline draft then redrafted by {@code redraft}. */
    public Ingested job(Path from, String title, boolean replace, Redraft redraft) {
        Workspace ws = workspace;
        if (Files.exists(ws.root()) && !Files.isDirectory(ws.root())) {
            throw new BadInputException(ws.root().toString(), "exists and is a file, not a folder",
                    "choose a new folder name for the workspace");
        }
        if (Files.exists(ws.bible()) && !replace) {
            throw new BadInputException(ws.bible().toString(), "a series bible already exists; not overwriting it",
                    "edit it by hand, or run again with --force to replace it with a fresh draft");
        }
        Source source = Ingest.read(from);
        byte[] original = readBytes(from);
        Path copy = ws.sourceDir().resolve(from.getFileName().toString());
        List<Path> others = otherSources(copy);
        if (!others.isEmpty() && !replace) {
            throw new BadInputException(ws.relative(ws.sourceDir()), "already holds another source: "
                    + others.stream().map(p -> p.getFileName().toString()).collect(Collectors.joining(", ")),
                    "a series has one source file; run again with --force to replace it");
        }
        BibleDrafter.Draft offline = BibleDrafter.draftWithCast(source, title);
        BibleDrafter.Draft draft = new BibleDrafter.Draft(redraft.redraft(source, offline.bible()), offline.cast());
        String yaml = BibleFile.render(draft.bible());
        InputHash h = InputHash.of(NAME, VERSION).add(copy.getFileName().toString()).add(source.text()).add(title);
        String hash = (redraft == Redraft.NONE ? h : h.add(redraft.key())).hex();
        Job job = new Job(NAME, "series", hash, progress -> {
            // The planner reads the one text in source/; older ones are kept aside, not deleted.
            for (Path old : others) {
                moveAside(old);
            }
            AtomicFiles.write(copy, original);
            AtomicFiles.write(ws.bible(), yaml);
            return List.of(copy, ws.bible());
        });
        return new Ingested(job, source, draft, copy);
    }

    private static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new TsuzukuException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private List<Path> otherSources(Path keep) {
        if (!Files.isDirectory(workspace.sourceDir())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(workspace.sourceDir())) {
            return files.filter(p -> !p.getFileName().equals(keep.getFileName()))
                    .filter(p -> p.toString().endsWith(".txt") || p.toString().endsWith(".md")).sorted().toList();
        } catch (IOException e) {
            throw new TsuzukuException("cannot list " + workspace.sourceDir() + ": " + e.getMessage(), e);
        }
    }

    private void moveAside(Path old) {
        try {
            Path aside = workspace.stateDir().resolve("replaced-sources").resolve(old.getFileName());
            Files.createDirectories(aside.getParent());
            Files.move(old, aside, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new TsuzukuException("cannot move " + old + " aside: " + e.getMessage(), e);
        }
    }
}
