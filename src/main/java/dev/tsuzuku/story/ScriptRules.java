package dev.tsuzuku.story;

import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.Character;
import dev.tsuzuku.model.EpisodePlan;
import dev.tsuzuku.model.Line;
import dev.tsuzuku.model.LineKind;
import dev.tsuzuku.model.Script;
import dev.tsuzuku.model.ScriptScene;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The rules every screenplay must pass before it is boarded, whichever writer produced it:
 * episode number and title as planned; at least one scene, none without lines; no empty line;
 * dialogue spoken by a cast name (not an alias), narration by a cast member or nobody, action by
 * nobody; every line longer than 0 s, and every spoken line longer than its words at 4 words/s; a total inside the bible's
 * range that equals the sum of the lines (±0.5 s); a hook whose text the last line carries.
 * {@link #check} returns every problem found, each a sentence that names the scene and line,
 * the rule and the fix, so the same text can be shown to a showrunner or sent back to an LLM.
 */
public final class ScriptRules {
    /** Nobody speaks faster than this on screen; a line shorter than words/4 s is a typo. */
    static final double MAX_WORDS_PER_SECOND = 4.0;
    /** The episode total may differ from the sum of its lines by rounding, not more. */
    static final double TOTAL_TOLERANCE_SECONDS = 0.5;

    private ScriptRules() {}

    /** All problems of {@code script} against the bible and its plan; empty when it passes. */
    public static List<String> check(Script script, Bible bible, EpisodePlan plan) {
        List<String> problems = new ArrayList<>();
        checkIdentity(script, plan, problems);
        if (script.scenes().isEmpty()) {
            problems.add("the script has no scenes; write at least one scene with lines");
        }
        double sum = 0;
        for (int s = 0; s < script.scenes().size(); s++) {
            ScriptScene scene = script.scenes().get(s);
            if (scene.lines().isEmpty()) {
                problems.add("scene " + (s + 1) + " has no lines; add lines or remove the scene");
            }
            for (int l = 0; l < scene.lines().size(); l++) {
                Line line = scene.lines().get(l);
                sum += line.seconds();
                checkLine(line, where(s, l, line), bible, problems);
            }
        }
        checkLength(script, bible, sum, problems);
        checkHook(script, problems);
        return problems;
    }

    /**
     * The script with every speaker written as the bible's cast name (aliases and case fixed),
     * so a writer can repair what {@link #check} would otherwise flag. Unknown speakers stay.
     */
    public static Script normaliseSpeakers(Script script, Bible bible) {
        List<ScriptScene> scenes = script.scenes().stream()
                .map(scene -> new ScriptScene(scene.place(), scene.timeOfDay(), scene.lines().stream()
                        .map(line -> line.speaker() == null ? line : new Line(line.kind(),
                                bible.character(line.speaker().trim()).map(Character::name).orElse(line.speaker()),
                                line.text(), line.seconds()))
                        .toList()))
                .toList();
        return new Script(script.episode(), script.title(), script.estimatedSeconds(), scenes, script.hook());
    }

    /** Words as a speaker would say them: runs of letters or digits. */
    static int words(String text) {
        if (text == null) {
            return 0;
        }
        int count = 0;
        for (String token : text.trim().split("\\s+")) {
            if (token.codePoints().anyMatch(java.lang.Character::isLetterOrDigit)) {
                count++;
            }
        }
        return count;
    }

    private static void checkIdentity(Script script, EpisodePlan plan, List<String> problems) {
        if (script.episode() != plan.number()) {
            problems.add("episode number is " + script.episode() + " but the plan says " + plan.number()
                    + "; set \"episode\" to " + plan.number());
        }
        if (script.title() == null || plan.title() == null || !script.title().trim().equals(plan.title().trim())) {
            problems.add("title is " + quote(script.title()) + " but the plan says " + quote(plan.title())
                    + "; use the plan's title exactly");
        }
    }

    private static void checkLine(Line line, String where, Bible bible, List<String> problems) {
        if (line.text() == null || line.text().isBlank()) {
            problems.add(where + " is empty; give it text or remove it");
        }
        if (line.kind() == null) {
            problems.add(where + " has no kind; use action, dialogue or narration");
        } else if (line.kind() == LineKind.ACTION && line.speaker() != null) {
            problems.add(where + " is an action line with speaker " + quote(line.speaker())
                    + "; action lines have no speaker (null), make it dialogue if someone says it");
        } else if (line.kind() == LineKind.DIALOGUE) {
            checkSpeaker(line.speaker(), where, bible, problems, "dialogue needs a speaker from the cast");
        } else if (line.kind() == LineKind.NARRATION && line.speaker() != null) {
            checkSpeaker(line.speaker(), where, bible, problems, "");
        }
        if (!(line.seconds() > 0)) {
            problems.add(where + " lasts " + seconds(line.seconds()) + "; every line needs more than 0 s");
        } else if (line.kind() != LineKind.ACTION) {
            // Action lines are pictures, not speech: their seconds are a visual beat, not a reading time.
            int words = words(line.text());
            double least = words / MAX_WORDS_PER_SECOND;
            if (line.seconds() < least) {
                problems.add(where + " lasts " + seconds(line.seconds()) + ", too short for " + words
                        + " words; give it at least " + seconds(least) + " (4 words per second at most)");
            }
        }
    }

    private static void checkSpeaker(String speaker, String where, Bible bible, List<String> problems, String whenMissing) {
        if (speaker == null || speaker.isBlank()) {
            problems.add(where + " has no speaker; " + whenMissing + ": " + castNames(bible));
            return;
        }
        Optional<Character> known = bible.character(speaker.trim());
        if (known.isEmpty()) {
            problems.add(where + " is spoken by " + quote(speaker) + ", who is not in the cast; use one of: "
                    + castNames(bible));
        } else if (!known.get().name().equals(speaker)) {
            problems.add(where + " names the speaker " + quote(speaker) + "; write the cast name "
                    + quote(known.get().name()) + " instead");
        }
    }

    private static void checkLength(Script script, Bible bible, double sum, List<String> problems) {
        double total = script.estimatedSeconds();
        int min = bible.minEpisodeSeconds();
        int max = bible.maxEpisodeSeconds();
        if (total < min || total > max) {
            problems.add("the episode lasts " + seconds(total) + " but must last " + min + "–" + max + " s; "
                    + (total < min ? "add lines or give them more time" : "cut lines or shorten them"));
        }
        if (Math.abs(total - sum) > TOTAL_TOLERANCE_SECONDS) {
            problems.add("estimatedSeconds is " + seconds(total) + " but the lines add up to " + seconds(sum)
                    + "; set estimatedSeconds to the sum of the line seconds");
        }
    }

    private static void checkHook(Script script, List<String> problems) {
        if (script.hook() == null) {
            problems.add("the script has no hook; add \"hook\": {\"text\", \"kind\"} with the closing line");
            return;
        }
        Optional<Line> last = script.scenes().isEmpty() ? Optional.empty()
                : script.scenes().get(script.scenes().size() - 1).lines().stream().reduce((a, b) -> b);
        if (last.isEmpty()) {
            return; // already reported as a missing scene or an empty scene
        }
        // a hook condensed with "..." is carried by the whole sentence it was cut from
        String hook = comparable(script.hook().text()).replaceAll("(\\.\\.\\.|\u2026)$", "").trim();
        if (hook.isEmpty() || !comparable(last.get().text()).contains(hook)) {
            problems.add("the last line of the last scene is " + quote(last.get().text())
                    + " but must carry the hook " + quote(script.hook().text())
                    + "; end the episode on the hook line");
        }
    }

    /**
     * Case, spacing and double quotes do not make a different line: a hook is often quoted from
     * the source ("\u201CWho is there?\u201D") while the line that says it carries no quotes.
     */
    private static String comparable(String text) {
        if (text == null) {
            return "";
        }
        return text.replaceAll("[\u2018\u2019]", "'").replaceAll("[\"\u201C\u201D\u00AB\u00BB]", "")
                .replaceAll("\\s+", " ").trim().toLowerCase(Locale.ROOT);
    }

    private static String where(int scene, int line, Line l) {
        String kind = l.kind() == null ? "line" : l.kind().wireName();
        return "scene " + (scene + 1) + " line " + (line + 1) + " (" + kind + ")";
    }

    private static String castNames(Bible bible) {
        return bible.cast().stream().map(Character::name).collect(Collectors.joining(", "));
    }

    private static String quote(String s) {
        return s == null ? "(none)" : "\"" + s + "\"";
    }

    static String seconds(double s) {
        return String.format(Locale.ROOT, "%.1f s", s);
    }
}
