package dev.tsuzuku.story;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.Hook;
import dev.tsuzuku.model.HookKind;
import dev.tsuzuku.model.Line;
import dev.tsuzuku.model.LineKind;
import dev.tsuzuku.model.Script;
import dev.tsuzuku.model.ScriptScene;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The JSON an LLM answers with, in the script.json shape. Kept apart from {@link Script} so
 * that a model's loose JSON (missing fields, odd case, extra keys) is read leniently and
 * turned into precise problems instead of a mapping exception.
 */
record ScriptAnswer(Integer episode, String title, Double estimatedSeconds, List<SceneAnswer> scenes, HookAnswer hook) {

    record SceneAnswer(String place, String timeOfDay, List<LineAnswer> lines) {}

    record LineAnswer(String kind, String speaker, String text, Double seconds) {}

    record HookAnswer(String text, String kind) {}

    /** A script read from an answer, and what was wrong with the answer's shape. */
    record Mapped(Script script, List<String> problems) {}

    /** The answer is not a JSON object at all. */
    static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message);
        }
    }

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .build();

    /** Reads the answer, tolerating a ```json fence and chatter around the object. */
    static ScriptAnswer parse(String answer) throws Unreadable {
        if (answer == null || answer.isBlank()) {
            throw new Unreadable("the answer was empty; answer with the JSON object only");
        }
        String text = answer.strip();
        int start = text.indexOf('{');
        int end = text.lastIndexOf('}');
        if (start < 0 || end < start) {
            throw new Unreadable("the answer is not JSON (it starts with " + preview(text)
                    + "); answer with one JSON object only");
        }
        try {
            return MAPPER.readValue(text.substring(start, end + 1), ScriptAnswer.class);
        } catch (JsonProcessingException e) {
            throw new Unreadable("the answer is not valid JSON (" + e.getOriginalMessage()
                    + "); answer with one complete JSON object only");
        }
    }

    /**
     * The script this answer describes, speakers normalised to cast names. The total is the sum
     * of the line seconds: models add up badly, and the line seconds are what the board uses.
     */
    Mapped toScript(Bible bible) {
        List<String> problems = new ArrayList<>();
        List<ScriptScene> mapped = new ArrayList<>();
        List<SceneAnswer> sceneAnswers = scenes == null ? List.of() : scenes;
        double sum = 0;
        for (int s = 0; s < sceneAnswers.size(); s++) {
            SceneAnswer scene = sceneAnswers.get(s);
            if (scene == null) {
                problems.add("scene " + (s + 1) + " is null; give every scene place, timeOfDay and lines");
                continue;
            }
            List<Line> lines = new ArrayList<>();
            List<LineAnswer> lineAnswers = scene.lines() == null ? List.of() : scene.lines();
            for (int l = 0; l < lineAnswers.size(); l++) {
                LineAnswer line = lineAnswers.get(l);
                if (line == null) {
                    problems.add("scene " + (s + 1) + " line " + (l + 1) + " is null; remove it");
                    continue;
                }
                Optional<LineKind> kind = kind(line.kind());
                if (kind.isEmpty()) {
                    problems.add("scene " + (s + 1) + " line " + (l + 1) + " has kind " + quote(line.kind())
                            + "; use action, dialogue or narration");
                }
                double seconds = line.seconds() == null ? 0 : line.seconds();
                sum += seconds;
                lines.add(new Line(kind.orElse(null), speaker(line.speaker(), bible), line.text(), seconds));
            }
            mapped.add(new ScriptScene(blankToNull(scene.place()), blankToNull(scene.timeOfDay()), lines));
        }
        Hook mappedHook = null;
        if (hook != null && hook.text() != null) {
            Optional<HookKind> kind = hookKind(hook.kind());
            if (kind.isPresent()) {
                mappedHook = new Hook(hook.text(), kind.get());
            } else {
                problems.add("hook kind is " + quote(hook.kind()) + "; use one of: " + Arrays.stream(HookKind.values())
                        .map(HookKind::wireName).collect(Collectors.joining(", ")));
            }
        }
        double total = Math.round(sum * 100) / 100.0;
        Script script = new Script(episode == null ? 0 : episode, title, total, mapped, mappedHook);
        return new Mapped(script, problems);
    }

    /** True when the answer named a hook whose kind could not be read (reported by the mapping). */
    boolean hasUnreadableHookKind() {
        return hook != null && hook.text() != null && hookKind(hook.kind()).isEmpty();
    }

    private static Optional<LineKind> kind(String wire) {
        if (wire == null) {
            return Optional.empty();
        }
        return Arrays.stream(LineKind.values()).filter(k -> k.wireName().equalsIgnoreCase(wire.trim())).findFirst();
    }

    private static Optional<HookKind> hookKind(String wire) {
        if (wire == null) {
            return Optional.empty();
        }
        return Arrays.stream(HookKind.values()).filter(k -> k.wireName().equalsIgnoreCase(wire.trim())).findFirst();
    }

    private static String speaker(String speaker, Bible bible) {
        String s = blankToNull(speaker);
        if (s == null || s.equalsIgnoreCase("null") || s.equalsIgnoreCase("none")) {
            return null;
        }
        return bible.character(s).map(dev.tsuzuku.model.Character::name).orElse(s);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String quote(String s) {
        return s == null ? "(none)" : "\"" + s + "\"";
    }

    private static String preview(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        return "\"" + (oneLine.length() > 40 ? oneLine.substring(0, 40) + "…" : oneLine) + "\"";
    }
}
