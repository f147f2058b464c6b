package dev.tsuzuku.board;

import dev.tsuzuku.model.BadInputException;
import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.CameraMove;
import dev.tsuzuku.model.Character;
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
import java.util.Comparator;
import java.util.LinkedHashMap;
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
 */
public final class Storyboarder {
    public static final int FPS = 30;
    public static final int WIDTH = 1080;
    public static final int HEIGHT = 1920;
    public static final String TO_BE_CONTINUED = "つづく — To be continued";

    /** Breaths around speech, in frames: before the first line, between lines, after the last. */
    // The breath between two lines is the same (0.3 s) whether a cut falls between them or not:
    // a longer pause at every cut made a fifth of each episode silent (issue 9).
    static final int LEAD = 3;
    static final int GAP = 9;
    static final int TAIL = 6;
    /** No shot may be shorter than this (1.5 s); story shots aim for at least 2 s. */
    public static final int MIN_SHOT_FRAMES = 45;
    static final int STORY_MIN = 60;
    static final int TITLE_FRAMES = 60;
    static final int END_CARD_FRAMES = 90;
    public static final int COLD_OPEN_MIN = 90;
    public static final int COLD_OPEN_MAX = 150;
    /** Speech per shot before it is split: with its breaths (0.6 s) a shot stays within 6 s. */
    static final double MAX_SPEECH_SECONDS = 5.4;
    static final int MAX_SHOT_FRAMES = 6 * FPS;
    static final double WORDS_PER_SECOND = 2.7;
    static final int MAX_CAST = 3;

    private static final DateTimeFormatter DROP = DateTimeFormatter.ofPattern("EEE HH:mm zzz", Locale.ENGLISH);
    private static final String[] POSITIONS = {"left", "right", "center"};

    /** Builds the storyboard; {@code nextDrop} may be null when no next episode is scheduled. */
    public Storyboard board(Script script, Bible bible, EpisodePlan plan, ZonedDateTime nextDrop) {
        validate(script);
        Cast cast = new Cast(bible);
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

        fitLength(drafts, bible, script);

        ShotPrompt prompts = new ShotPrompt(bible);
        List<Shot> shots = new ArrayList<>();
        for (Draft d : drafts) {
            shots.add(d.toShot(shots.size() + 1, prompts));
        }
        return new Storyboard(script.episode(), FPS, WIDTH, HEIGHT, mood(script), endCardText(nextDrop), shots);
    }

    /**
     * Replaces estimated speech lengths by measured ones: lines are laid out again, each shot is
     * resized to its speech plus breaths (keeping any hold added to reach the episode length),
     * the cold open stays within 3–5 s. Shots without lines keep their length.
     */
    public Storyboard retime(Storyboard sb, ToDoubleFunction<ShotLine> measuredSeconds) {
        List<Shot> shots = new ArrayList<>();
        for (Shot s : sb.shots()) {
            if (s.lines().isEmpty()) {
                shots.add(s);
                continue;
            }
            int min = minFrames(s.kind());
            int max = s.kind() == ShotKind.COLD_OPEN ? COLD_OPEN_MAX : Integer.MAX_VALUE;
            int oldNeeded = s.lines().get(s.lines().size() - 1).endFrame() + TAIL;
            int hold = s.kind() == ShotKind.COLD_OPEN ? 0 : Math.max(0, s.frames() - Math.max(min, oldNeeded));
            List<Integer> speech = new ArrayList<>();
            for (ShotLine l : s.lines()) {
                speech.add(frames(measuredSeconds.applyAsDouble(l)));
            }
            Layout layout = Layout.of(speech, min, max);
            List<ShotLine> lines = new ArrayList<>();
            for (int i = 0; i < s.lines().size(); i++) {
                ShotLine l = s.lines().get(i);
                lines.add(new ShotLine(l.speaker(), l.text(), layout.starts[i], layout.ends[i]));
            }
            shots.add(new Shot(s.index(), s.kind(), layout.frames + hold, s.framing(), s.camera(), s.place(),
                    s.timeOfDay(), s.cast(), s.action(), lines, s.sfx(), s.prompt()));
        }
        return new Storyboard(sb.episode(), sb.fps(), sb.width(), sb.height(), sb.mood(), sb.endCard(), shots);
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

    private Draft coldOpen(Script script, EpisodePlan plan, Cast cast) {
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
        d.spoken.add(new Spoken(speaker, text, estimate(text)));
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

    private Draft hookShot(Script script, ScriptScene last, Optional<Line> hookLine, Cast cast) {
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
            d.spoken.add(new Spoken(speaker, text, seconds));
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

    private List<Draft> sceneShots(int sceneIndex, ScriptScene scene, List<Line> lines, Cast cast) {
        List<Piece> pieces = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            pieces.addAll(split(lines.get(i), sceneIndex * 10_000 + i));
        }
        List<String> sceneCast = cast.sceneCast(scene.lines());
        Map<String, String> positions = cast.positions(scene.lines());
        List<Draft> out = new ArrayList<>();
        String lastSpeaker = null;
        Framing lastDialogueFraming = Framing.MEDIUM_CLOSE_UP;
        for (int i = 0; i < pieces.size(); i++) {
            List<Piece> group = new ArrayList<>(List.of(pieces.get(i)));
            Piece p = pieces.get(i);
            if (p.kind != LineKind.ACTION && i + 1 < pieces.size()) {
                Piece q = pieces.get(i + 1);
                if (q.kind == p.kind && Objects.equals(cast.canonical(p.speaker), cast.canonical(q.speaker))
                        && LEAD + frames(p.seconds) + GAP + frames(q.seconds) + TAIL <= MAX_SHOT_FRAMES) {
                    group.add(q);
                    i++;
                }
            }
            Draft d = new Draft(ShotKind.STORY);
            d.firstInScene = out.isEmpty();
            group.forEach(g -> d.lineIds.add(g.lineId));
            d.lineKind = p.kind;
            d.place = scene.place();
            d.timeOfDay = scene.timeOfDay();
            d.min = STORY_MIN;
            String text = String.join(" ", group.stream().map(g -> g.text).toList());
            List<String> speakers = new ArrayList<>();
            for (Piece g : group) {
                if (g.kind == LineKind.ACTION) {
                    // action is screen time without speech: it goes to the shot's action and length
                    d.min = Math.max(d.min, Math.min(MAX_SHOT_FRAMES, frames(g.seconds)));
                } else {
                    d.spoken.add(new Spoken(cast.canonical(g.speaker), g.text, g.seconds));
                    if (g.kind == LineKind.DIALOGUE && g.speaker != null) {
                        speakers.add(cast.canonical(g.speaker));
                    }
                }
            }
            d.cast = cast.forShot(speakers, text, sceneCast, positions);
            d.sfx = WordCues.sfx(text);
            if (d.firstInScene) {
                d.framing = Framing.WIDE;
                d.camera = cast.exterior(scene.place()) || WordCues.motion(text) ? CameraMove.PAN : CameraMove.STATIC;
            } else if (p.kind == LineKind.DIALOGUE) {
                String speaker = cast.canonical(p.speaker);
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
            if (p.kind == LineKind.DIALOGUE) {
                lastSpeaker = cast.canonical(p.speaker);
                if (!d.firstInScene) {
                    lastDialogueFraming = d.framing;
                }
            }
            d.action = p.kind == LineKind.DIALOGUE ? dialogueAction(d) : text;
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

    /**
     * Cuts speech longer than one shot holds into pieces of at most {@link #MAX_SPEECH_SECONDS},
     * each at the best break in reach: a sentence end, else a clause, else a word; a piece is
     * never shorter than 40% of the maximum unless the text runs out.
     */
    static List<Piece> split(Line line, int lineId) {
        double seconds = seconds(line);
        String text = line.text().trim().replaceAll("\\s+", " ");
        String[] words = text.split(" ");
        int n = words.length;
        if (seconds <= MAX_SPEECH_SECONDS || n < 2) {
            return List.of(new Piece(line.kind(), line.speaker(), text, seconds, lineId));
        }
        double perWord = seconds / n;
        int maxWords = Math.max(1, (int) Math.floor(MAX_SPEECH_SECONDS / perWord));
        int minWords = Math.max(1, (int) Math.ceil(maxWords * 0.4));
        List<Piece> pieces = new ArrayList<>();
        int start = 0;
        while (start < n) {
            int end;
            if (n - start <= maxWords) {
                end = n;
            } else {
                end = Math.min(n, start + maxWords);
                int bestQuality = -1;
                int latest = Math.min(start + maxWords, Math.max(start + minWords, n - minWords));
                for (int e = start + minWords; e <= latest; e++) {
                    int q = breakQuality(words[e - 1]);
                    if (q >= bestQuality) {
                        bestQuality = q;
                        end = e;
                    }
                }
                if (bestQuality == 1) {
                    // no punctuation in reach: equal pieces rather than a full one and a stub
                    int rest = n - start;
                    int parts = (rest + maxWords - 1) / maxWords;
                    end = start + (rest + parts - 1) / parts;
                }
            }
            String piece = String.join(" ", java.util.Arrays.copyOfRange(words, start, end));
            pieces.add(new Piece(line.kind(), line.speaker(), piece, (end - start) * perWord, lineId));
            start = end;
        }
        return pieces;
    }

    private static final Set<String> ABBREVIATIONS = Set.of("mr.", "mrs.", "dr.", "st.", "mt.", "ms.");

    /** 3 after a sentence, 2 after a clause, 1 between words. */
    private static int breakQuality(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        if (w.matches(".*[.!?…][\"'”’)]*") && !ABBREVIATIONS.contains(w)) {
            return 3;
        }
        if (w.matches(".*([,;:—]|--)[\"'”’)]*")) {
            return 2;
        }
        return 1;
    }

    // ---- length ----------------------------------------------------------------------------

    /**
     * Brings the total into the bible's range: first drops whole narration lines, then action
     * lines (the smallest that is enough, else the longest), never a scene's establishing line
     * or any dialogue; then stretches holds evenly over the story and hook shots.
     */
    private void fitLength(List<Draft> drafts, Bible bible, Script script) {
        int min = bible.minEpisodeSeconds() * FPS;
        int max = bible.maxEpisodeSeconds() * FPS;
        for (LineKind trimmable : List.of(LineKind.NARRATION, LineKind.ACTION)) {
            while (total(drafts) > max) {
                Map<Integer, List<Draft>> byLine = new LinkedHashMap<>();
                Set<Integer> protectedLines = new java.util.HashSet<>();
                for (Draft d : drafts) {
                    if (d.kind != ShotKind.STORY) {
                        continue;
                    }
                    if (d.firstInScene || d.lineKind != trimmable) {
                        protectedLines.addAll(d.lineIds);
                    }
                    for (int id : d.lineIds) {
                        byLine.computeIfAbsent(id, k -> new ArrayList<>()).add(d);
                    }
                }
                byLine.keySet().removeAll(protectedLines);
                if (byLine.isEmpty()) {
                    break;
                }
                int over = total(drafts) - max;
                Comparator<Map.Entry<Integer, List<Draft>>> bySize =
                        Comparator.comparingInt(e -> total(e.getValue()));
                Optional<Map.Entry<Integer, List<Draft>>> enough = byLine.entrySet().stream()
                        .filter(e -> total(e.getValue()) >= over).min(bySize);
                Map.Entry<Integer, List<Draft>> victim = enough.orElseGet(() ->
                        byLine.entrySet().stream().max(bySize).orElseThrow());
                drafts.removeAll(victim.getValue());
            }
        }
        int total = total(drafts);
        if (total > max) {
            throw new BadInputException("episodes/" + EpisodePlan.folder(script.episode()) + "/script.json",
                    String.format(Locale.ROOT, "the episode's dialogue alone runs %.1f s; the series allows at most %d s",
                            total / (double) FPS, bible.maxEpisodeSeconds()),
                    "shorten the dialogue, or raise episodeSeconds in series.yaml");
        }
        if (total < min) {
            List<Draft> stretchable = drafts.stream()
                    .filter(d -> d.kind == ShotKind.STORY || d.kind == ShotKind.HOOK).toList();
            if (stretchable.isEmpty()) {
                stretchable = drafts.stream().filter(d -> d.kind == ShotKind.TITLE || d.kind == ShotKind.END_CARD).toList();
            }
            int deficit = min - total;
            for (int i = 0; i < stretchable.size(); i++) {
                stretchable.get(i).extra += deficit / stretchable.size() + (i < deficit % stretchable.size() ? 1 : 0);
            }
        }
    }

    private static int total(List<Draft> drafts) {
        return drafts.stream().mapToInt(Draft::frames).sum();
    }

    static int minFrames(ShotKind kind) {
        return switch (kind) {
            case COLD_OPEN -> COLD_OPEN_MIN;
            case TITLE -> TITLE_FRAMES;
            case END_CARD -> END_CARD_FRAMES;
            case STORY, HOOK -> STORY_MIN;
        };
    }

    // ---- mood ------------------------------------------------------------------------------

    private static String mood(Script script) {
        StringBuilder all = new StringBuilder();
        for (ScriptScene s : script.scenes()) {
            for (Line l : s.lines()) {
                all.append(l.text()).append('\n');
            }
        }
        all.append(script.hook().text());
        Map<String, Integer> scores = new LinkedHashMap<>(WordCues.moodScores(all.toString()));
        switch (script.hook().kind()) {
            case THREAT, DANGER -> scores.merge("tense", 2, Integer::sum);
            case REVEAL, QUESTION -> scores.merge("mysterious", 2, Integer::sum);
            case TURN -> scores.merge("tense", 1, Integer::sum);
            case PROMISE -> scores.merge("tender", 1, Integer::sum);
        }
        String best = "tender";
        int bestScore = 0;
        for (Map.Entry<String, Integer> e : scores.entrySet()) {
            if (e.getValue() > bestScore) {
                best = e.getKey();
                bestScore = e.getValue();
            }
        }
        return best;
    }

    // ---- small pieces ----------------------------------------------------------------------

    static int frames(double seconds) {
        return Math.max(1, (int) Math.ceil(seconds * FPS - 1e-9));
    }

    static double seconds(Line l) {
        return Double.isFinite(l.seconds()) && l.seconds() > 0 ? l.seconds() : estimate(l.text());
    }

    static double estimate(String text) {
        return Math.max(0.5, WordCues.words(text) / WORDS_PER_SECOND);
    }

    /** Keeps whole sentences, else whole words, so the text can be spoken in {@code seconds}. */
    static String fitWords(String text, double seconds) {
        if (estimate(text) <= seconds) {
            return text;
        }
        String[] sentences = text.split("(?<=[.!?…])\\s+");
        if (estimate(sentences[0]) <= seconds) {
            StringBuilder b = new StringBuilder(sentences[0]);
            for (int i = 1; i < sentences.length && estimate(b + " " + sentences[i]) <= seconds; i++) {
                b.append(' ').append(sentences[i]);
            }
            return b.toString();
        }
        String[] words = text.split("\\s+");
        int keep = Math.max(1, (int) Math.floor(seconds * WORDS_PER_SECOND));
        return String.join(" ", java.util.Arrays.copyOf(words, Math.min(keep, words.length))) + "…";
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

    /** Speech of one shot-sized piece of a script line; {@code lineId} numbers the line in the episode. */
    record Piece(LineKind kind, String speaker, String text, double seconds, int lineId) {}

    record Spoken(String speaker, String text, double seconds) {}

    /** Speech laid out in a shot: [starts[i], ends[i]) per line, and the shot's length. */
    static final class Layout {
        final int frames;
        final int[] starts;
        final int[] ends;

        private Layout(int frames, int[] starts, int[] ends) {
            this.frames = frames;
            this.starts = starts;
            this.ends = ends;
        }

        static Layout of(List<Integer> speech, int min, int max) {
            int n = speech.size();
            int[] starts = new int[n];
            int[] ends = new int[n];
            if (n == 0) {
                return new Layout(min, starts, ends);
            }
            int sum = speech.stream().mapToInt(Integer::intValue).sum();
            int lead = LEAD;
            int gap = GAP;
            int tail = TAIL;
            if (lead + sum + gap * (n - 1) + tail > max) {
                lead = 0;
                tail = 0;
            }
            if (sum + gap * (n - 1) > max) {
                gap = 0;
            }
            // only when speech alone exceeds the cap (a cold open): each line is cut in proportion
            double scale = sum > max ? (double) max / sum : 1.0;
            int f = lead;
            for (int i = 0; i < n; i++) {
                int len = Math.max(1, (int) Math.floor(speech.get(i) * scale));
                starts[i] = f;
                ends[i] = Math.min(f + len, max);
                f = ends[i] + gap;
            }
            int frames = Math.min(max, Math.max(min, ends[n - 1] + tail));
            return new Layout(frames, starts, ends);
        }
    }

    /** A shot being built: mutable until the length is fitted, then frozen into a {@link Shot}. */
    private static final class Draft {
        final ShotKind kind;
        boolean firstInScene;
        final Set<Integer> lineIds = new LinkedHashSet<>();
        LineKind lineKind;
        Framing framing;
        CameraMove camera;
        String place;
        String timeOfDay;
        List<ShotCast> cast = List.of();
        String action = "";
        final List<Spoken> spoken = new ArrayList<>();
        List<String> sfx = List.of();
        int min;
        int max = Integer.MAX_VALUE;
        int extra;

        Draft(ShotKind kind) {
            this.kind = kind;
        }

        private Layout layout;

        /** Computed once: speech, min and max are settled before anyone asks for the length. */
        Layout layout() {
            if (layout == null) {
                layout = Layout.of(spoken.stream().map(s -> Storyboarder.frames(s.seconds())).toList(), min, max);
            }
            return layout;
        }

        int frames() {
            return layout().frames + extra;
        }

        Shot toShot(int index, ShotPrompt prompts) {
            Layout layout = layout();
            List<ShotLine> lines = new ArrayList<>();
            for (int i = 0; i < spoken.size(); i++) {
                lines.add(new ShotLine(spoken.get(i).speaker(), spoken.get(i).text(), layout.starts[i], layout.ends[i]));
            }
            String prompt = prompts.prompt(cast, place, timeOfDay, action, camera, framing);
            return new Shot(index, kind, layout.frames + extra, framing, camera, place, timeOfDay, cast, action,
                    lines, sfx, prompt);
        }
    }

    /** Who is on screen: bible lookups, mentions, positions and expressions. */
    private static final class Cast {
        private final Bible bible;

        Cast(Bible bible) {
            this.bible = bible;
        }

        String canonical(String name) {
            if (name == null) {
                return null;
            }
            return bible.character(name.trim()).map(Character::name).orElse(name.trim());
        }

        /** Narrators speak over the picture; they are never drawn. */
        boolean onScreen(String name) {
            return name != null && bible.character(name).map(c -> c.role() != Character.Role.NARRATOR).orElse(true);
        }

        boolean exterior(String place) {
            return bible.places().stream().anyMatch(p -> p.name() != null && p.name().equalsIgnoreCase(place)
                    && "exterior".equalsIgnoreCase(p.kind()));
        }

        List<String> mentioned(String text) {
            List<String> names = new ArrayList<>();
            for (Character c : bible.cast()) {
                if (c.role() == Character.Role.NARRATOR) {
                    continue;
                }
                boolean hit = WordCues.mentions(text, c.name()) || c.aliases().stream().anyMatch(a -> WordCues.mentions(text, a));
                if (hit) {
                    names.add(c.name());
                }
            }
            // order by where they are first named, so the first one named stands left
            String norm = WordCues.normalize(text);
            names.sort(Comparator.comparingInt(n -> firstIndex(norm, n)));
            return names;
        }

        private int firstIndex(String norm, String name) {
            int best = Integer.MAX_VALUE;
            Character c = bible.character(name).orElseThrow();
            List<String> all = new ArrayList<>(c.aliases());
            all.add(c.name());
            for (String a : all) {
                int i = norm.indexOf(WordCues.normalize(a));
                if (i >= 0) {
                    best = Math.min(best, i);
                }
            }
            return best;
        }

        /** Speakers and named characters of a scene, in order of appearance. */
        List<String> sceneCast(List<Line> lines) {
            Set<String> names = new LinkedHashSet<>();
            for (Line l : lines) {
                if (l.kind() == LineKind.DIALOGUE && onScreen(l.speaker())) {
                    names.add(canonical(l.speaker()));
                }
                names.addAll(mentioned(l.text()));
            }
            return List.copyOf(names);
        }

        /** First on screen stands left, the second right, the rest center: shot/reverse shot keeps sides. */
        Map<String, String> positions(List<Line> lines) {
            Map<String, String> positions = new LinkedHashMap<>();
            for (String name : sceneCast(lines)) {
                positions.put(name, POSITIONS[Math.min(positions.size(), POSITIONS.length - 1)]);
            }
            return positions;
        }

        List<ShotCast> forShot(List<String> speakers, String text, List<String> sceneCast, Map<String, String> positions) {
            Set<String> names = new LinkedHashSet<>();
            for (String s : speakers) {
                if (onScreen(s)) {
                    names.add(canonical(s));
                }
            }
            names.addAll(mentioned(text));
            names.addAll(sceneCast);
            List<ShotCast> out = new ArrayList<>();
            Set<String> speakerSet = new LinkedHashSet<>();
            speakers.forEach(s -> speakerSet.add(canonical(s)));
            for (String name : names) {
                if (out.size() == MAX_CAST) {
                    break;
                }
                String position = positions.getOrDefault(name,
                        POSITIONS[Math.min(out.size(), POSITIONS.length - 1)]);
                out.add(new ShotCast(name, expression(name, speakerSet.contains(name), text), position));
            }
            return out;
        }

        /** From the sentences this character speaks or is named in; neutral when none says more. */
        String expression(String name, boolean speaks, String text) {
            if (speaks) {
                Optional<String> e = WordCues.expression(text);
                if (e.isPresent()) {
                    return e.get();
                }
            }
            Character c = bible.character(name).orElse(null);
            for (String sentence : text.split("(?<=[.!?…])\\s+")) {
                boolean named = WordCues.mentions(sentence, name)
                        || (c != null && c.aliases().stream().anyMatch(a -> WordCues.mentions(sentence, a)));
                if (named) {
                    Optional<String> e = WordCues.expression(sentence);
                    if (e.isPresent()) {
                        return e.get();
                    }
                }
            }
            return "neutral";
        }
    }
}
