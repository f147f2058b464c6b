package dev.tsuzuku.cli;

import dev.tsuzuku.app.NewSeries;
import dev.tsuzuku.model.BadInputException;
import dev.tsuzuku.model.Problem;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
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

    @Option(names = "--writer", paramLabel = "offline|llm", description = "Who drafts the bible's cast, setting and logline: "
            + "offline (default) or llm (the LLM reads the book in parts of its context; sets routing.writer: llm). "
            + "Without it, --force keeps what the replaced series.yaml's routing.writer says.")
    String writer;

    @Option(names = "--llm-url", paramLabel = "URL", description = "The OpenAI-compatible endpoint (default http://localhost:11434/v1).")
    String llmUrl;

    @Option(names = "--llm-model", paramLabel = "NAME", description = "The model (default qwen2.5).")
    String llmModel;

    @Option(names = "--llm-key-env", paramLabel = "VAR", description = "The environment variable holding the key (default TSUZUKU_LLM_API_KEY).")
    String llmKeyEnv;

    @Option(names = "--llm-context", paramLabel = "TOKENS", description = "The model's context window in tokens (default 8192).")
    Integer llmContext;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (writer != null && !List.of("offline", "llm").contains(writer.strip().toLowerCase(Locale.ROOT))) {
            throw new BadInputException(Problem.of("--writer", "'" + writer + "' is not a writer", "use --writer offline or --writer llm"));
        }
        if (llmContext != null && llmContext < 1024) {
            throw new BadInputException(Problem.of("--llm-context", llmContext + " tokens is too small to read a book in",
                    "give the model's context window, 1024 tokens or more (8192 for Ollama's default)"));
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        NewSeries.Created c = NewSeries.create(dir, from, title, force, database.url(),
                new NewSeries.Drafting(writer, llmUrl, llmModel, llmKeyEnv, llmContext), System.getenv(), line -> {
                    err.println(line);
                    err.flush();
                });
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
