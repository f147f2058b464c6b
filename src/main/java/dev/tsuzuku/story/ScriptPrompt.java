package dev.tsuzuku.story;

import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.Character;
import dev.tsuzuku.model.EpisodePlan;
import dev.tsuzuku.model.HookKind;
import dev.tsuzuku.model.Place;
import dev.tsuzuku.model.Source;
import dev.tsuzuku.model.SourceSpan;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The messages the LLM writer sends: a system message that sets the job, one user message with
 * the bible essentials, the plan, the source text and the exact JSON wanted, and a follow-up
 * that lists what was wrong with the previous answer.
 */
final class ScriptPrompt {
    /** Enough source for a 2–3 minute episode; more only costs tokens and dilutes the plan. */
    static final int DEFAULT_SOURCE_BUDGET = 12_000;

    static final String SCHEMA = """
            {"episode": <int>, "title": "<string>", "estimatedSeconds": <number>,
             "scenes": [{"place": "<string>", "timeOfDay": "day|night|dawn|dusk",
                         "lines": [{"kind": "action|dialogue|narration", "speaker": "<cast name or null>",
                                    "text": "<string>", "seconds": <number>}]}],
             "hook": {"text": "<string>", "kind": "%s"}}""".formatted(
            Arrays.stream(HookKind.values()).map(HookKind::wireName).collect(Collectors.joining("|")));

    private final int sourceBudget;

    ScriptPrompt(int sourceBudget) {
        this.sourceBudget = sourceBudget;
    }

    String system() {
        return "You are a screenwriter for 2–3 minute vertical anime episodes watched on phones, one a day. "
                + "You adapt a book faithfully, scene by scene: strong opening seconds, clear visual action, "
                + "short spoken lines, and every episode ends on a cliffhanger that makes viewers come back "
                + "tomorrow. You answer with one JSON object and nothing else.";
    }

    String user(WriteRequest request) {
        Bible bible = request.bible();
        EpisodePlan plan = request.episode();
        StringBuilder b = new StringBuilder();
        b.append("# Series\n");
        b.append("Title: ").append(bible.title()).append('\n');
        line(b, "Logline", bible.logline());
        line(b, "Language of the script", bible.language());
        line(b, "Genre", bible.genre());
        if (bible.style() != null) {
            line(b, "Art style", join(bible.style().preset(), bible.style().notes()));
        }
        b.append("Cast (the only speakers allowed, write their names exactly):\n");
        for (Character c : bible.cast()) {
            b.append("- ").append(c.name()).append(" (").append(c.role() == null ? "cast" : c.role().name().toLowerCase(java.util.Locale.ROOT))
                    .append(c.aliases().isEmpty() ? "" : "; also called " + String.join(", ", c.aliases()))
                    .append(")\n");
        }
        if (!bible.places().isEmpty()) {
            b.append("Places:\n");
            for (Place p : bible.places()) {
                b.append("- ").append(p.name()).append(" (").append(p.kind()).append(')')
                        .append(p.description() == null || p.description().isBlank() ? "" : ": " + p.description())
                        .append('\n');
            }
        }
        b.append("\n# Episode ").append(plan.number()).append('\n');
        b.append("Title: ").append(plan.title()).append('\n');
        line(b, "Previously", plan.previously());
        line(b, "Synopsis", plan.synopsis());
        if (!plan.beats().isEmpty()) {
            b.append("Beats:\n");
            plan.beats().forEach(beat -> b.append("- ").append(beat).append('\n'));
        }
        line(b, "Cold open (the first seconds)", plan.coldOpen());
        if (plan.hook() != null) {
            b.append("Hook (the very last line, ").append(plan.hook().kind().wireName()).append("): ")
                    .append(plan.hook().text()).append('\n');
        }
        b.append("Length: ").append(bible.minEpisodeSeconds()).append("–").append(bible.maxEpisodeSeconds())
                .append(" seconds in total, aim for ").append(bible.episodeSeconds()).append(".\n");

        String text = sourceText(request.source(), plan.source());
        if (!text.isEmpty()) {
            b.append("\n# Source text of this episode\n").append(text).append('\n');
        }

        b.append("\n# Rules\n");
        b.append("- Answer with one JSON object in exactly this shape:\n").append(SCHEMA).append('\n');
        b.append("- \"episode\" is ").append(plan.number()).append(" and \"title\" is \"").append(plan.title())
                .append("\".\n");
        b.append("- kind \"action\": what we see, speaker null. \"dialogue\": a cast member speaks, speaker is "
                + "their name from the cast list. \"narration\": a voice over, speaker is the narrator's name or null.\n");
        b.append("- seconds per line: words ÷ 2.5 for spoken lines, 2–5 s for an action beat; never under "
                + "words ÷ 4. estimatedSeconds is the sum of all line seconds.\n");
        b.append("- The last line of the last scene is the hook line, and \"hook\".\"text\" repeats it word for word.\n");
        b.append("- No empty lines, no scene without lines, no speakers outside the cast.\n");
        return b.toString();
    }

    /** The follow-up after an answer that failed the rules: the whole list, then what to send. */
    String fix(List<String> problems) {
        return "Your script has these problems:\n"
                + problems.stream().map(p -> "- " + p).collect(Collectors.joining("\n"))
                + "\nAnswer again with the whole corrected JSON object only, in the same shape.";
    }

    /** The span's text, cut at a paragraph or sentence end within the budget. */
    String sourceText(Source source, SourceSpan span) {
        if (source == null || span == null || source.text() == null) {
            return "";
        }
        int start = Math.min(span.startChar(), source.text().length());
        int end = Math.min(span.endChar(), source.text().length());
        String text = source.text().substring(start, end).strip();
        if (text.length() <= sourceBudget) {
            return text;
        }
        String cut = text.substring(0, sourceBudget);
        int at = cut.lastIndexOf("\n\n");
        if (at < sourceBudget / 2) {
            at = Math.max(cut.lastIndexOf(". "), cut.lastIndexOf(".\n"));
            at = at < sourceBudget / 2 ? sourceBudget : at + 1;
        }
        return cut.substring(0, at).strip() + "\n[… the rest of the span is left out …]";
    }

    private static void line(StringBuilder b, String label, String value) {
        if (value != null && !value.isBlank()) {
            b.append(label).append(": ").append(value.strip()).append('\n');
        }
    }

    private static String join(String a, String b) {
        if (a == null || a.isBlank()) {
            return b == null ? "" : b;
        }
        return b == null || b.isBlank() ? a : a + ", " + b;
    }
}
