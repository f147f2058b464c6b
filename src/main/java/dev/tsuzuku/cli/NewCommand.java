package dev.tsuzuku.cli;

import dev.tsuzuku.app.NewSeries;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
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

    @Mixin
    DatabaseOption database;

    @Option(names = "--from", required = true, paramLabel = "FILE", description = "The source text: a .txt or .md file.")
    Path from;

    @Option(names = "--title", paramLabel = "T", description = "Series title (default: the book's own title).")
    String title;

    @Option(names = "--force", description = "Replace an existing series.yaml with a fresh draft.")
    boolean force;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        NewSeries.Created c = NewSeries.create(dir, from, title, force, database.url());
        PrintWriter out = spec.commandLine().getOut();
        out.println("Created " + c.root() + (force ? " (series.yaml replaced)" : ""));
        out.println("  " + c.sourceCopy() + "   the source, as given");
        out.println("  series.yaml   the drafted bible: check the cast, looks and voices");
        out.println("  .tsuzuku/     state (keep it)");
        out.println();
        out.println("\"" + c.title() + "\" (" + c.language() + "): " + c.chapters() + " chapters, " + c.scenes() + " scenes, "
                + String.format("%,d", c.characters()) + " characters");
        out.println("Top cast: " + String.join(", ", c.topCast()) + (c.moreCast() > 0 ? " and " + c.moreCast() + " more" : ""));
        out.println("Places: " + String.join(", ", c.places()));
        out.println();
        out.println("Next: edit series.yaml if you like, then run: tsuzuku plan " + dir);
        out.flush();
        return Main.OK;
    }
}
