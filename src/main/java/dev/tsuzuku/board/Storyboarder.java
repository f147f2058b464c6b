package dev.tsuzuku.board;

import static dev.tsuzuku.board.ShotTiming.END_CARD_FRAMES;
import static dev.tsuzuku.board.ShotTiming.GAP;
import static dev.tsuzuku.board.ShotTiming.LEAD;
import static dev.tsuzuku.board.ShotTiming.MAX_SHOT_FRAMES;
import static dev.tsuzuku.board.ShotTiming.STORY_MIN;
import static dev.tsuzuku.board.ShotTiming.TAIL;
import static dev.tsuzuku.board.ShotTiming.TITLE_FRAMES;
import static dev.tsuzuku.board.ShotTiming.estimate;
import static dev.tsuzuku.board.ShotTiming.fitWords;
import static dev.tsuzuku.board.ShotTiming.frames;
import static dev.tsuzuku.board.ShotTiming.seconds;

import dev.tsuzuku.model.BadInputException;
import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.CameraMove;
import dev.tsuzuku.model.EpisodePlan;
import dev.tsuzuku.model.Framing;
import dev.tsuzuku.model.Hook;
import dev.tsuzuku.model.HookKind;
import dev.tsuzuku.model.Line;
import dev.tsuzuku.model.LineKind;
import dev.tsuzuku.model.Problem;
import dev.tsuzuku.model.Script;
import dev.tsuzuku.model.ScriptScene;
import dev.tsuzuku.model.Shot;
import dev.tsuzuku.model.ShotCast;
import dev.tsuzuku.model.ShotKind;
import dev.tsuzuku.model.ShotLine;
import dev.tsuzuku.model.Storyboard;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * Turns a script into a shot list timed in integer frames: cold open, title card, story shots
 * (one or two lines of one scene each, long speech split), the hook shot and the end card. The
 * total is brought into the series' length range by stretching holds or trimming narration.
 *
 * <p>Drafting happens here; long speech is cut by {@link LineSplitter}, the total fitted by
 * {@link LengthFitter}, the mood picked by {@link Mood}, who is on screen decided by
 * {@link OnScreenCast}, and measured voices are laid out again by {@link Retimer}.
 */
public final class Storyboarder {
    public static final int FPS = 30;
    public static final String TO_BE_CONTINUED = "つづく — To be continued";

    /** No shot may be shorter than this (1.5 s). */
    public static final int MIN_SHOT_FRAMES = 45;
    public static final int COLD_OPEN_MIN = 90;
    public static final int COLD_OPEN_MAX = 150;
    static final int MAX_CAST = 3;

    private static final DateTimeFormatter DROP = DateTimeFormatter.ofPattern("EEE HH:mm zzz", Locale.ENGLISH);

    /** Builds the storyboard; {@code nextDrop} may be null when no next episode is scheduled. */
    public Storyboard board(Script script, Bible bible, EpisodePlan plan, ZonedDateTime nextDrop) {
        validate(script);
        OnScreenCast cast = new OnScreenCast(bible);
        List<ScriptScene> scenes = script.scenes();
        ScriptScene last = scenes.get(scenes.size() - 1);
        Optional<Line> hookLine = hookLine(script);

        List<Draft> drafts = new ArrayList<>();
        drafts.add(coldOpen(script, plan, cast));
        drafts.add(title(script, plan));
        for (int si = 0; si < scenes.size(); si++) {
            ScriptScene scene = scenes.get(si);
            List<Line> lines = scene.lines();
            if (si == scenes.size() - 1 && hookLine.isPresent()) {
                lines = lines.subList(0, lines.size() - 1);
            }
            drafts.addAll(sceneShots(si, scene, lines, cast));
        }
        drafts.add(hookShot(script, last, hookLine, cast));
        drafts.add(endCard(last));

        LengthFitter.fit(drafts, bible, script);

        ShotPrompt prompts = new ShotPrompt(bible);
        List<Shot> shots = new ArrayList<>();
        for (Draft d : drafts) {
            shots.add(d.toShot(shots.size() + 1, prompts));
        }
        return new Storyboard(script.episode(), FPS, Storyboard.MASTER_WIDTH, Storyboard.MASTER_HEIGHT, Mood.of(script), endCardText(nextDrop), shots);
    }

    /**
     * Replaces estimated speech lengths by measured ones: lines are laid out again, each shot is
     * resized to its speech plus breaths (keeping any hold added to reach the episode length),
     * the cold open stays within 3–5 s. Shots without lines keep their length.
     */
    public Storyboard retime(Storyboard sb, ToDoubleFunction<ShotLine> measuredSeconds) {
        return Retimer.retime(sb, measuredSeconds);
    }

    /** "つづく — To be continued" and, when known, "Next episode: Thu 18:00 JST" on a second line. */
    public static String endCardText(ZonedDateTime nextDrop) {
        return nextDrop == null ? TO_BE_CONTINUED : TO_BE_CONTINUED + "\nNext episode: " + DROP.format(nextDrop);
    }

    /** Everything wrong with the script at once, named by its JSON path, before any shot is made. */
    private static void validate(Script script) {
        String file = "episodes/" + EpisodePlan.folder(script.episode()) + "/script.json";
        String rewrite = "fix it by hand, or write the episode again: tsuzuku write DIR --episode " + script.episode();
        List<Problem> problems = new ArrayList<>();
        if (script.hook() == null) {
            problems.add(Problem.of(file, "hook: expected {text, kind}, was missing", rewrite));
        }
        if (script.scenes().stream().allMatch(s -> s.lines().isEmpty())) {
            problems.add(Problem.of(file, "the script has no lines, so there is nothing to storyboard", rewrite));
        }
        for (int i = 0; i < script.scenes().size(); i++) {
            ScriptScene scene = script.scenes().get(i);
            if (scene.place() == null || scene.place().isBlank()) {
                problems.add(Problem.of(file, "scenes[" + i + "].place: expected a place name, was empty", rewrite));
            }
            for (int j = 0; j < scene.lines().size(); j++) {
                Line l = scene.lines().get(j);
                String at = "scenes[" + i + "].lines[" + j + "]";
                if (l.kind() == null) {
                    problems.add(Problem.of(file, at + ".kind: expected action, dialogue or narration, was missing", rewrite));
                }
                if (l.text() == null || l.text().isBlank()) {
                    problems.add(Problem.of(file, at + ".text: expected words, was empty", rewrite));
                }
                if (l.kind() == LineKind.DIALOGUE && (l.speaker() == null || l.speaker().isBlank())) {
                    problems.add(Problem.of(file, at + ".speaker: expected a cast name for dialogue, was empty", rewrite));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new BadInputException(problems);
        }
    }

    // ---- structure -------------------------------------------------------------------------

    private Draft coldOpen(Script script, EpisodePlan plan, OnScreenCast cast) {
        String text = plan == null || plan.coldOpen() == null || plan.coldOpen().isBlank()
                ? firstSpoken(script).map(Line::text).orElse(script.hook().text())
                : plan.coldOpen().trim();
        ScriptScene scene = script.scenes().get(0);
        String speaker = null;
        int bestOverlap = -1;
        for (ScriptScene s : script.scenes()) {
            for (Line l : s.lines()) {
                int overlap = l.text().trim().equalsIgnoreCase(text) ? Integer.MAX_VALUE : overlap(l.text(), text);
                if (overlap > bestOverlap) {
                    bestOverlap = overlap;
                    scene = s;
                    speaker = overlap == Integer.MAX_VALUE && l.kind() != LineKind.ACTION ? l.speaker() : null;
                }
            }
        }
        double maxSpeech = (COLD_OPEN_MAX - LEAD - TAIL) / (double) FPS;
        text = fitWords(text, maxSpeech);
        Draft d = new Draft(ShotKind.COLD_OPEN);
        d.framing = Framing.CLOSE_UP;
        d.camera = CameraMove.PUSH_IN;
        d.place = scene.place();
        d.timeOfDay = scene.timeOfDay();
        d.spoken.add(new Draft.Spoken(speaker, text, estimate(text) * cast.pace(speaker)));
        d.cast = cast.forShot(listOfNonNull(speaker), text, List.of(), Map.of());
        d.action = text;
        d.sfx = WordCues.sfx(text);
        d.min = COLD_OPEN_MIN;
        d.max = COLD_OPEN_MAX;
        return d;
    }

    private Draft title(Script script, EpisodePlan plan) {
        String title = script.title() != null && !script.title().isBlank() ? script.title()
                : plan == null ? "" : plan.title();
        ScriptScene first = script.scenes().get(0);
        Draft d = new Draft(ShotKind.TITLE);
        d.framing = Framing.WIDE;
        d.camera = CameraMove.STATIC;
        d.place = first.place();
        d.timeOfDay = first.timeOfDay();
        d.action = "Title card: Episode " + script.episode() + (title == null || title.isBlank() ? "" : " — " + title.trim());
        d.min = TITLE_FRAMES;
        return d;
    }

    private Draft hookShot(Script script, ScriptScene last, Optional<Line> hookLine, OnScreenCast cast) {
        Hook hook = script.hook();
        String text = hookLine.map(Line::text).orElse(hook.text());
        boolean acted = hookLine.map(l -> l.kind() == LineKind.ACTION).orElse(false);
        String speaker = acted ? null : hookLine.map(Line::speaker).map(cast::canonical).orElse(null);
        double seconds = hookLine.map(l -> seconds(l)).orElse(estimate(text));
        boolean sharp = hook.kind() == HookKind.THREAT || hook.kind() == HookKind.DANGER || WordCues.danger(text);
        Draft d = new Draft(ShotKind.HOOK);
        d.framing = sharp ? Framing.EXTREME_CLOSE_UP : Framing.CLOSE_UP;
        d.camera = sharp ? CameraMove.SHAKE : CameraMove.PUSH_IN;
        d.place = last.place();
        d.timeOfDay = last.timeOfDay();
        d.min = STORY_MIN;
        if (acted) {
            // an action hook is seen, not heard: it sets the length, not a voice line
            d.min = Math.max(STORY_MIN, Math.min(MAX_SHOT_FRAMES, frames(seconds)));
        } else {
            d.spoken.add(new Draft.Spoken(speaker, text, seconds * cast.pace(speaker)));
        }
        Map<String, String> positions = cast.positions(last.lines());
        d.cast = cast.forShot(listOfNonNull(speaker), text, cast.sceneCast(last.lines()), positions);
        d.action = text;
        d.sfx = new ArrayList<>(WordCues.sfx(text));
        d.sfx.add("stinger");
        return d;
    }

    private Draft endCard(ScriptScene last) {
        Draft d = new Draft(ShotKind.END_CARD);
        d.framing = Framing.WIDE;
        d.camera = CameraMove.STATIC;
        d.place = last.place();
        d.timeOfDay = last.timeOfDay();
        d.action = "Freeze frame, held. " + TO_BE_CONTINUED;
        d.min = END_CARD_FRAMES;
        return d;
    }

    /** The script's last line is its hook when it says the hook's text. */
    private static Optional<Line> hookLine(Script script) {
        List<ScriptScene> scenes = script.scenes();
        List<Line> lines = scenes.get(scenes.size() - 1).lines();
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        Line lastLine = lines.get(lines.size() - 1);
        if (script.hook() == null) {
            return Optional.of(lastLine);
        }
        String a = WordCues.normalize(lastLine.text());
        String b = WordCues.normalize(script.hook().text());
        return a.contains(b) || b.contains(a) ? Optional.of(lastLine) : Optional.empty();
    }

    // ---- story shots -----------------------------------------------------------------------

    private List<Draft> sceneShots(int sceneIndex, ScriptScene scene, List<Line> lines, OnScreenCast cast) {
        List<LineSplitter.Piece> pieces = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            pieces.addAll(LineSplitter.split(l, sceneIndex * 10_000 + i, l.kind() == LineKind.ACTION ? 1.0 : cast.pace(l.speaker())));
        }
        List<String> sceneCast = cast.sceneCast(scene.lines());
        Map<String, String> positions = cast.positions(scene.lines());
        List<Draft> out = new ArrayList<>();
        String lastSpeaker = null;
        Framing lastDialogueFraming = Framing.MEDIUM_CLOSE_UP;
        for (int i = 0; i < pieces.size(); i++) {
            List<LineSplitter.Piece> group = new ArrayList<>(List.of(pieces.get(i)));
            LineSplitter.Piece p = pieces.get(i);
            if (p.kind() != LineKind.ACTION && i + 1 < pieces.size()) {
                LineSplitter.Piece q = pieces.get(i + 1);
                if (q.kind() == p.kind() && Objects.equals(cast.canonical(p.speaker()), cast.canonical(q.speaker()))
                        && LEAD + frames(p.seconds()) + GAP + frames(q.seconds()) + TAIL <= MAX_SHOT_FRAMES) {
                    group.add(q);
                    i++;
                }
            }
            Draft d = new Draft(ShotKind.STORY);
            d.firstInScene = out.isEmpty();
            group.forEach(g -> d.lineIds.add(g.lineId()));
            d.lineKind = p.kind();
            d.place = scene.place();
            d.timeOfDay = scene.timeOfDay();
            d.min = STORY_MIN;
            String text = String.join(" ", group.stream().map(g -> g.text()).toList());
            List<String> speakers = new ArrayList<>();
            for (LineSplitter.Piece g : group) {
                if (g.kind() == LineKind.ACTION) {
                    // action is screen time without speech: it goes to the shot's action and length
                    d.min = Math.max(d.min, Math.min(MAX_SHOT_FRAMES, frames(g.seconds())));
                } else {
                    d.spoken.add(new Draft.Spoken(cast.canonical(g.speaker()), g.text(), g.seconds()));
                    if (g.kind() == LineKind.DIALOGUE && g.speaker() != null) {
                        speakers.add(cast.canonical(g.speaker()));
                    }
                }
            }
            d.cast = cast.forShot(speakers, text, sceneCast, positions);
            d.sfx = WordCues.sfx(text);
            if (d.firstInScene) {
                d.framing = Framing.WIDE;
                d.camera = cast.exterior(scene.place()) || WordCues.motion(text) ? CameraMove.PAN : CameraMove.STATIC;
            } else if (p.kind() == LineKind.DIALOGUE) {
                String speaker = cast.canonical(p.speaker());
                d.framing = Objects.equals(speaker, lastSpeaker) ? lastDialogueFraming
                        : lastDialogueFraming == Framing.CLOSE_UP ? Framing.MEDIUM_CLOSE_UP : Framing.CLOSE_UP;
                d.camera = WordCues.danger(text) ? CameraMove.SHAKE
                        : WordCues.reveal(text) ? CameraMove.PUSH_IN : CameraMove.STATIC;
            } else if (WordCues.danger(text)) {
                d.framing = Framing.MEDIUM;
                d.camera = CameraMove.SHAKE;
            } else if (WordCues.motion(text)) {
                d.framing = d.cast.size() <= 1 ? Framing.MEDIUM : Framing.WIDE;
                d.camera = WordCues.verticalMotion(text) ? CameraMove.TILT : CameraMove.PAN;
            } else if (WordCues.reveal(text)) {
                d.framing = Framing.MEDIUM_CLOSE_UP;
                d.camera = CameraMove.PUSH_IN;
            } else {
                d.framing = Framing.MEDIUM;
                d.camera = CameraMove.STATIC;
            }
            if (p.kind() == LineKind.DIALOGUE) {
                lastSpeaker = cast.canonical(p.speaker());
                if (!d.firstInScene) {
                    lastDialogueFraming = d.framing;
                }
            }
            d.action = p.kind() == LineKind.DIALOGUE ? dialogueAction(d) : text;
            out.add(d);
        }
        return out;
    }

    private static String dialogueAction(Draft d) {
        String speaker = d.spoken.get(0).speaker();
        Optional<ShotCast> me = d.cast.stream().filter(c -> c.name().equals(speaker)).findFirst();
        Optional<ShotCast> listener = d.cast.stream().filter(c -> !c.name().equals(speaker)).findFirst();
        StringBuilder b = new StringBuilder(speaker == null ? "Someone" : speaker).append(" speaks");
        listener.ifPresent(l -> b.append(" to ").append(l.name()));
        me.filter(c -> !c.expression().equals("neutral")).ifPresent(c -> b.append(", ").append(c.expression()));
        return b.toString();
    }

    private static int overlap(String a, String b) {
        Set<String> wa = new LinkedHashSet<>(List.of(WordCues.normalize(a).trim().split(" ")));
        int n = 0;
        for (String w : new LinkedHashSet<>(List.of(WordCues.normalize(b).trim().split(" ")))) {
            if (w.length() > 3 && wa.contains(w)) {
                n++;
            }
        }
        return n;
    }

    private static Optional<Line> firstSpoken(Script script) {
        return script.scenes().stream().flatMap(s -> s.lines().stream())
                .filter(l -> l.kind() != LineKind.ACTION).findFirst();
    }

    private static List<String> listOfNonNull(String s) {
        return s == null ? List.of() : List.of(s);
    }
}
