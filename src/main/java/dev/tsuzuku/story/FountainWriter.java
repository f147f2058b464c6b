package dev.tsuzuku.story;

import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.Line;
import dev.tsuzuku.model.LineKind;
import dev.tsuzuku.model.Place;
import dev.tsuzuku.model.Script;
import dev.tsuzuku.model.ScriptScene;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Renders a script as Fountain (https://fountain.io), the plain-text screenplay format that
 * screenwriting apps open: a title page, {@code INT./EXT.} scene headings from the bible's
 * places, action, uppercase character cues ({@code (V.O.)} for narration), dialogue, and a
 * closing {@code > TO BE CONTINUED <}. Estimated seconds travel as {@code [[notes]]}. Text that a
 * Fountain reader would take for another element is escaped ({@code !} forces action, {@code @}
 * forces a character cue, {@code \} escapes emphasis marks).
 */
public final class FountainWriter {
    /** Action that a reader would take for a scene heading, a forced element or a transition. */
    private static final Pattern LOOKS_LIKE_HEADING =
            Pattern.compile("^(?i)(int|ext|est|int\\.?/ext|i/e)[. ].*");
    private static final String SPECIAL_STARTS = ".!@~=#>";

    private FountainWriter() {}

    /**
     * The screenplay without a draft date: the text depends on the script and the bible only, so a
     * re-run on another day writes the same bytes.
     */
    public static String render(Script script, Bible bible) {
        return render(script, bible, null);
    }

    /** The screenplay with the given draft date ({@code null} leaves the line out); the same inputs always give the same text. */
    public static String render(Script script, Bible bible, LocalDate draftDate) {
        StringBuilder out = new StringBuilder();
        titlePage(out, script, bible, draftDate);
        for (int i = 0; i < script.scenes().size(); i++) {
            ScriptScene scene = script.scenes().get(i);
            out.append('\n').append(heading(scene, bible)).append("\n\n");
            double seconds = scene.lines().stream().mapToDouble(Line::seconds).sum();
            out.append("[[scene ").append(i + 1).append(": ").append(seconds(seconds)).append("]]\n");
            for (Line line : scene.lines()) {
                out.append('\n');
                line(out, line, bible);
            }
        }
        out.append("\n> TO BE CONTINUED <\n");
        if (script.hook() != null) {
            out.append("\n[[hook, ").append(script.hook().kind().wireName()).append(": ")
                    .append(oneLine(script.hook().text())).append("]]\n");
        }
        return out.toString();
    }

    private static void titlePage(StringBuilder out, Script script, Bible bible, LocalDate draftDate) {
        out.append("Title:\n");
        out.append("    ").append(escape(oneLine(bible.title()))).append('\n');
        boolean titled = script.title() != null && !script.title().isBlank();
        String language = bible.language() == null ? "en" : bible.language();
        // in the series' language, as the title card says it: 第1話 (Japanese), 第1集 (Chinese)
        switch (language) {
            case "ja" -> out.append("    第").append(script.episode()).append("話").append(titled ? "　" : "");
            case "zh" -> out.append("    第").append(script.episode()).append("集").append(titled ? "　" : "");
            default -> out.append("    Episode ").append(script.episode()).append(titled ? ": " : "");
        }
        if (titled) {
            out.append(escape(oneLine(script.title())));
        }
        out.append('\n');
        out.append("Credit: Adapted for vertical anime from\n");
        out.append("Source: ").append(escape(oneLine(bible.title()))).append('\n');
        if (draftDate != null) {
            out.append("Draft date: ").append(draftDate).append('\n');
        }
        out.append("Notes: Estimated ").append(seconds(script.estimatedSeconds())).append(", target ")
                .append(bible.minEpisodeSeconds()).append("–").append(bible.maxEpisodeSeconds()).append(" s\n");
    }

    /** {@code INT. PLACE - NIGHT}, or a forced {@code .PLACE - NIGHT} when the bible does not know the place. */
    static String heading(ScriptScene scene, Bible bible) {
        String place = scene.place() == null || scene.place().isBlank() ? "SOMEWHERE" : oneLine(scene.place());
        String time = scene.timeOfDay() == null || scene.timeOfDay().isBlank() ? ""
                : " - " + oneLine(scene.timeOfDay()).toUpperCase(Locale.ROOT);
        Optional<Place> known = bible.places().stream()
                .filter(p -> p.name() != null && p.name().trim().equalsIgnoreCase(place))
                .findFirst();
        String upper = place.toUpperCase(Locale.ROOT);
        if (known.isEmpty()) {
            return "." + upper + time;
        }
        String kind = known.get().kind() == null ? "" : known.get().kind().trim().toLowerCase(Locale.ROOT);
        String prefix = kind.startsWith("int") ? "INT." : kind.startsWith("ext") ? "EXT." : "INT./EXT.";
        return prefix + " " + upper + time;
    }

    private static void line(StringBuilder out, Line line, Bible bible) {
        String text = escape(oneLine(line.text()));
        String note = " [[" + seconds(line.seconds()) + "]]";
        if (line.kind() == LineKind.DIALOGUE || line.kind() == LineKind.NARRATION) {
            String cue = cue(line, bible);
            out.append(cue).append('\n').append(text).append(note).append('\n');
        } else {
            out.append(action(text)).append(note).append('\n');
        }
    }

    /** The speaker's cast name in capitals; narration is a voice over. */
    static String cue(Line line, Bible bible) {
        String speaker = line.speaker() == null || line.speaker().isBlank()
                ? (line.kind() == LineKind.NARRATION ? "Narrator" : "Someone")
                : bible.character(line.speaker().trim()).map(dev.tsuzuku.model.Character::shownName)
                        .orElse(line.speaker().trim());
        String name = oneLine(speaker).toUpperCase(Locale.ROOT);
        // Fountain reads "(…)" after a name as an extension, so the name before it must hold the capitals.
        String beforeExtension = name.indexOf('(') >= 0 ? name.substring(0, name.indexOf('(')) : name;
        boolean readsAsCue = beforeExtension.codePoints().anyMatch(java.lang.Character::isUpperCase)
                && name.codePoints().noneMatch(java.lang.Character::isLowerCase)
                && SPECIAL_STARTS.indexOf(name.charAt(0)) < 0 && name.charAt(0) != '('
                && !LOOKS_LIKE_HEADING.matcher(name).matches();
        String extension = line.kind() == LineKind.NARRATION ? " (V.O.)" : "";
        return (readsAsCue ? "" : "@") + name + extension;
    }

    /** Action text, forced with {@code !} where Fountain would read it as something else. */
    static String action(String text) {
        boolean allCaps = text.codePoints().anyMatch(java.lang.Character::isLetter)
                && text.codePoints().noneMatch(java.lang.Character::isLowerCase);
        boolean special = !text.isEmpty() && SPECIAL_STARTS.indexOf(text.charAt(0)) >= 0;
        if (allCaps || special || LOOKS_LIKE_HEADING.matcher(text).matches()) {
            return "!" + text;
        }
        return text;
    }

    /** Emphasis marks in the story's text are literal, not Fountain styling. */
    static String escape(String text) {
        return text.replace("*", "\\*").replace("_", "\\_");
    }

    /** Screenplay elements are single paragraphs; a blank line inside would end the element. */
    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").strip();
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.1f s", s);
    }
}
