package dev.tsuzuku.story;

import dev.tsuzuku.ingest.Attribution;
import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.Chapter;
import dev.tsuzuku.model.Character;
import dev.tsuzuku.model.EpisodePlan;
import dev.tsuzuku.model.Hook;
import dev.tsuzuku.model.Line;
import dev.tsuzuku.model.LineKind;
import dev.tsuzuku.model.Place;
import dev.tsuzuku.model.Script;
import dev.tsuzuku.model.ScriptScene;
import dev.tsuzuku.model.Source;
import dev.tsuzuku.model.SourceScene;
import dev.tsuzuku.model.SourceSpan;
import dev.tsuzuku.text.CastNames;
import dev.tsuzuku.text.Paragraphs;
import dev.tsuzuku.text.Prose;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The default writer: no network, no randomness. Adapts the episode's span of source text into
 * a screenplay: quotes become dialogue of the cast members who say them, plot sentences become
 * short action beats, the rest narration; then lines are chosen to fit the planned screen time
 * (low-value narration goes first, dialogue and the hook stay). The cold open is the first
 * line and the hook the last.
 */
public final class OfflineWriter implements Writer {
    private static final String SAYING = "said|cried|asked|replied|answered|exclaimed|shouted|called|whispered"
            + "|thought|began|continued|added|screamed|sobbed|laughed|murmured|returned|called out|went on";
    private static final Pattern SAID_AFTER = Pattern.compile(
            "^[\\s,]*(?:" + SAYING + ")\\s+(?:the\\s+)?([A-Za-z][\\w'-]*(?:\\s+[A-Za-z][\\w'-]*){0,2})");
    private static final Pattern NAME_SAID_AFTER = Pattern.compile(
            "^[\\s,]*(?:the\\s+)?([A-Za-z][\\w'-]*(?:\\s+[A-Za-z][\\w'-]*){0,2})\\s+(?:" + SAYING + ")\\b");
    private static final Pattern NAME_SAID_BEFORE = Pattern.compile(
            "(?:the\\s+)?([A-Za-z][\\w'-]*(?:\\s+[A-Za-z][\\w'-]*){0,2})\\s+(?:" + SAYING + ")[^\"\u201c]{0,25}[,:]?\\s*$");
    private static final Set<String> PRONOUNS = Set.of("he", "she", "they", "i", "it", "we", "you");
    private static final Set<String> ACTION_VERBS = Set.of(
            "ran", "run", "runs", "took", "went", "came", "struck", "opened", "jumped", "fell", "threw", "seized",
            "caught", "fled", "rushed", "hurried", "climbed", "pulled", "drew", "shot", "killed", "cut", "fought",
            "carried", "dragged", "walked", "stepped", "turned", "looked", "saw", "found", "gave", "handed", "picked",
            "entered", "left", "rode", "sailed", "swam", "flew", "rose", "sat", "stood", "knelt", "bowed", "wept",
            "cried", "laughed", "pushed", "broke", "burst", "hid", "crept", "crawled", "leaped", "leapt", "grabbed",
            "stabbed", "bit", "tore", "dug", "lifted", "dropped", "ate", "drank", "arrived", "returned",
            "reached", "appeared", "vanished", "disappeared", "followed", "chased", "attacked", "shut");
    private static final Map<String, String> TIME_CUES = Map.ofEntries(
            Map.entry("night", "night"), Map.entry("midnight", "night"), Map.entry("moonlight", "night"),
            Map.entry("darkness", "night"), Map.entry("nightfall", "night"),
            Map.entry("dawn", "dawn"), Map.entry("daybreak", "dawn"), Map.entry("sunrise", "dawn"),
            Map.entry("morning", "day"), Map.entry("noon", "day"), Map.entry("afternoon", "day"),
            Map.entry("evening", "dusk"), Map.entry("sunset", "dusk"), Map.entry("dusk", "dusk"),
            Map.entry("twilight", "dusk"));

    @Override
    public String name() {
        return "offline";
    }

    @Override
    public Script write(WriteRequest request) {
        Bible bible = request.bible();
        Source source = request.source();
        EpisodePlan episode = request.episode();
        CastNames cast = new CastNames(bible);
        String narrator = bible.cast().stream().filter(c -> c.role() == Character.Role.NARRATOR)
                .map(Character::name).findFirst().orElse(null);

        List<Segment> segments = segments(source, bible, episode.source());
        List<Candidate> pool = new ArrayList<>();
        String previous = "";
        Turns turns = new Turns();
        for (int s = 0; s < segments.size(); s++) {
            for (SourceSpan p : segments.get(s).paragraphs) {
                String text = source.slice(p);
                pool.addAll(candidates(text, previous, s, p.startChar(), bible, cast, narrator, turns));
                previous = text;
            }
        }
        Line open = matchOrNarrate(episode.coldOpen(), pool, narrator);
        Line close = hookLine(episode.hook(), pool, narrator);

        double target = Math.max(bible.minEpisodeSeconds(), Math.min(bible.maxEpisodeSeconds(), episode.estimatedSeconds()));
        double budget = target - open.seconds() - close.seconds();
        List<Candidate> chosen = choose(pool, budget, bible.maxEpisodeSeconds() - open.seconds() - close.seconds(),
                bible.minEpisodeSeconds() - open.seconds() - close.seconds());

        List<ScriptScene> scenes = new ArrayList<>();
        for (int s = 0; s < segments.size(); s++) {
            List<Line> lines = new ArrayList<>();
            if (s == 0) {
                lines.add(open);
            }
            for (Candidate c : chosen) {
                if (c.segment == s) {
                    lines.add(c.line);
                }
            }
            if (s == segments.size() - 1) {
                lines.add(close);
            }
            if (!lines.isEmpty()) {
                Segment seg = segments.get(s);
                scenes.add(new ScriptScene(seg.place, seg.timeOfDay, lines));
            }
        }
        double total = scenes.stream().flatMap(sc -> sc.lines().stream()).mapToDouble(Line::seconds).sum();
        return new Script(episode.number(), episode.title(), Math.round(total * 10) / 10.0, scenes, episode.hook());
    }

    /** One scene of the script to be: paragraphs of the span in one place and time. */
    private static final class Segment {
        final List<SourceSpan> paragraphs = new ArrayList<>();
        String place;
        String timeOfDay;
    }

    /** A line the writer may use, where it came from and how much the story needs it. */
    private record Candidate(Line line, int segment, int position, double value) {}

    private static List<Segment> segments(Source source, Bible bible, SourceSpan span) {
        List<List<SourceSpan>> groups = new ArrayList<>();
        for (Chapter c : source.chapters()) {
            for (SourceScene sc : c.scenes()) {
                List<SourceSpan> inside = sc.paragraphs().stream()
                        .filter(p -> p.startChar() >= span.startChar() && p.endChar() <= span.endChar()).toList();
                if (!inside.isEmpty()) {
                    groups.add(inside);
                }
            }
        }
        if (groups.isEmpty()) {
            groups.add(Paragraphs.split(source.text(), span));
        }
        String mainPlace = mainPlace(source, bible, span);
        List<Segment> out = new ArrayList<>();
        String time = "day";
        for (List<SourceSpan> group : groups) {
            Segment current = null;
            for (SourceSpan p : group) {
                String text = source.slice(p);
                if (Paragraphs.isHeading(text)) {
                    continue;
                }
                String place = firstPlace(bible, text);
                String cue = timeCue(text);
                boolean change = current == null
                        || (place != null && !place.equals(current.place) && !current.paragraphs.isEmpty())
                        || (cue != null && !cue.equals(current.timeOfDay));
                if (change) {
                    current = new Segment();
                    current.place = place != null ? place : out.isEmpty() ? mainPlace : out.get(out.size() - 1).place;
                    current.timeOfDay = cue != null ? cue : time;
                    time = current.timeOfDay;
                    out.add(current);
                }
                current.paragraphs.add(p);
            }
        }
        if (out.isEmpty()) {
            Segment only = new Segment();
            only.place = mainPlace;
            only.timeOfDay = "day";
            out.add(only);
        }
        return out;
    }

    /** The bible place named most often in the chapter around the span, else the first place. */
    private static String mainPlace(Source source, Bible bible, SourceSpan span) {
        SourceSpan around = source.chapters().stream()
                .filter(c -> c.span().startChar() <= span.startChar() && c.span().endChar() >= span.startChar())
                .map(Chapter::span).findFirst().orElse(span);
        String lower = source.slice(around).toLowerCase(Locale.ROOT);
        String best = null;
        int most = 0;
        for (Place p : bible.places()) {
            int n = 0;
            String needle = p.name().toLowerCase(Locale.ROOT);
            for (int i = lower.indexOf(needle); i >= 0; i = lower.indexOf(needle, i + 1)) {
                n++;
            }
            if (n > most) {
                most = n;
                best = p.name();
            }
        }
        if (best != null) {
            return best;
        }
        return bible.places().isEmpty() ? "Unknown place" : bible.places().get(0).name();
    }

    private static String firstPlace(Bible bible, String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        String best = null;
        int at = Integer.MAX_VALUE;
        for (Place p : bible.places()) {
            int i = lower.indexOf(p.name().toLowerCase(Locale.ROOT));
            if (i >= 0 && i < at) {
                at = i;
                best = p.name();
            }
        }
        return best;
    }

    static String timeCue(String text) {
        for (String w : Prose.words(text)) {
            String t = TIME_CUES.get(w);
            if (t != null) {
                return t;
            }
        }
        return null;
    }

    /**
     * Who spoke in the last dialogue paragraphs. In an exchange, an untagged speech that follows
     * A's line answers it, so it belongs to the one A was talking to: the speaker before A.
     */
    static final class Turns {
        String last;
        String beforeLast;
        boolean inExchange;

        String answerer() {
            return inExchange && beforeLast != null && !beforeLast.equals(last) ? beforeLast : null;
        }

        void spoke(String speaker) {
            if (speaker != null && !speaker.equals(last)) {
                beforeLast = last;
                last = speaker;
            }
            inExchange = true;
        }

        void narration() {
            inExchange = false;
            beforeLast = null;
        }
    }

    private static List<Candidate> candidates(String paragraph, String previous, int segment, int offset,
            Bible bible, CastNames cast, String narrator, Turns turns) {
        // Work on the flattened paragraph; its offsets stay below the next paragraph's start.
        String flat = Prose.flat(paragraph);
        List<Candidate> out = new ArrayList<>();
        List<Prose.Quote> quotes = Prose.quotes(flat);
        boolean[] quoted = new boolean[flat.length()];
        char[] unquoted = flat.toCharArray();
        for (Prose.Quote q : quotes) {
            java.util.Arrays.fill(quoted, q.start(), q.end(), true);
            java.util.Arrays.fill(unquoted, q.start(), q.end(), ' ');
        }
        String context = Prose.flat(previous) + " ";
        String narrative = context + new String(unquoted);
        boolean onlySpeech = !quotes.isEmpty() && ScreenTime.words(new String(unquoted).replaceAll("[\"\u201c\u201d]", " ")) == 0;
        String answerer = onlySpeech ? turns.answerer() : null;
        String paragraphSpeaker = null;
        for (int qi = 0; qi < quotes.size(); qi++) {
            Prose.Quote q = quotes.get(qi);
            String speaker = answerer != null ? answerer : speaker(flat, q, bible, cast, narrative, context.length());
            if (speaker != null && paragraphSpeaker == null) {
                paragraphSpeaker = speaker;
            }
            String words = q.text();
            // "But," said Urashima, "how is it possible…": one speech broken by its tag is one line.
            while (words.endsWith(",") && qi + 1 < quotes.size()) {
                words = words + " " + quotes.get(qi + 1).text();
                qi++;
            }
            String text = Prose.condense(words, 30);
            if (ScreenTime.words(text) == 0) {
                continue;
            }
            Line line = speaker != null
                    ? new Line(LineKind.DIALOGUE, speaker, text, ScreenTime.line(LineKind.DIALOGUE, text))
                    : new Line(LineKind.NARRATION, narrator, text, ScreenTime.line(LineKind.NARRATION, text));
            out.add(new Candidate(line, segment, offset + q.start(), speaker != null ? 3.0 : 1.2));
        }
        if (paragraphSpeaker != null) {
            turns.spoke(paragraphSpeaker);
        } else if (quotes.isEmpty()) {
            turns.narration();
        }
        int cursor = 0;
        for (String sentence : Prose.sentences(flat)) {
            int at = Math.max(cursor, flat.indexOf(sentence, cursor));
            cursor = at + sentence.length();
            StringBuilder said = new StringBuilder();
            for (int k = at; k < Math.min(cursor, flat.length()); k++) {
                char ch = flat.charAt(k);
                if (!quoted[k] && ch != '"' && ch != '\u201c' && ch != '\u201d') {
                    said.append(ch);
                }
            }
            String prose = Prose.flat(said.toString()).replaceAll("^[,;:.!?\\s]+", "");
            int words = ScreenTime.words(prose);
            // A remainder starting in lower case is a speech tag ("said the old man, ..."), not a beat.
            if (words < 6 || prose.isEmpty() || !java.lang.Character.isUpperCase(prose.charAt(0))) {
                continue;
            }
            boolean action = Prose.words(prose).stream().anyMatch(ACTION_VERBS::contains);
            double castBonus = cast.mentioned(prose).isEmpty() ? 0 : 0.5;
            if (action) {
                // 11 words fit an action beat's 3 s even at the fastest readable pace (4 words/s).
                String text = Prose.condense(prose, 11);
                out.add(new Candidate(new Line(LineKind.ACTION, null, text, ScreenTime.line(LineKind.ACTION, text)),
                        segment, offset + at, 2.0 + castBonus));
            } else {
                String text = Prose.condense(prose, 22);
                out.add(new Candidate(new Line(LineKind.NARRATION, narrator, text, ScreenTime.line(LineKind.NARRATION, text)),
                        segment, offset + at, 1.0 + castBonus - (words > 35 ? 0.3 : 0)));
            }
        }
        return out;
    }

    /**
     * Who says a quote: the cast member the speech tag names (the ingest attribution, then a
     * looser "said the old man" match), else, for a pronoun or an untagged quote, the nearest cast
     * member named in the narration around it; null if nobody.
     */
    static String speaker(String paragraph, Prose.Quote q, Bible bible, CastNames cast, String narrative, int shift) {
        Optional<Character> named = Attribution.speakerOf(paragraph, q.start(), bible);
        if (named.isPresent()) {
            return named.get().name();
        }
        String after = paragraph.substring(q.end(), Math.min(paragraph.length(), q.end() + 60));
        String before = paragraph.substring(Math.max(0, q.start() - 60), q.start());
        List<String> names = new ArrayList<>();
        for (Pattern p : List.of(SAID_AFTER, NAME_SAID_AFTER)) {
            Matcher m = p.matcher(after);
            if (m.find()) {
                names.add(m.group(1));
            }
        }
        Matcher m = NAME_SAID_BEFORE.matcher(before);
        if (m.find()) {
            names.add(m.group(1));
        }
        boolean pronoun = false;
        for (String n : names) {
            String resolved = resolve(n, cast);
            if (resolved != null) {
                return resolved;
            }
            pronoun |= PRONOUNS.contains(n.toLowerCase(Locale.ROOT).split("\\s+")[0]);
        }
        // A pronoun, or a quote with no tag at all, belongs to the nearest cast member named before it.
        if (pronoun || names.isEmpty()) {
            return cast.nearest(narrative, shift + q.start());
        }
        return null;
    }

    private static String resolve(String candidate, CastNames cast) {
        String[] words = candidate.trim().split("\\s+");
        // Try "old man Urashima", then "man Urashima", then "Urashima"; and the leading words.
        for (int i = 0; i < words.length; i++) {
            String r = cast.resolve(String.join(" ", java.util.Arrays.copyOfRange(words, i, words.length)));
            if (r != null) {
                return r;
            }
        }
        for (int j = words.length - 1; j > 0; j--) {
            String r = cast.resolve(String.join(" ", java.util.Arrays.copyOfRange(words, 0, j)));
            if (r != null) {
                return r;
            }
        }
        return null;
    }

    /** The line for a planned text: the dialogue it came from if it was spoken, else narration. */
    private static Line matchOrNarrate(String planned, List<Candidate> pool, String narrator) {
        String text = Prose.flat(planned.replaceAll("[\"\u201c\u201d]", ""));
        String key = key(text);
        for (Candidate c : pool) {
            if (!key.isEmpty() && c.line.kind() == LineKind.DIALOGUE && key(c.line.text()).startsWith(key)) {
                pool.remove(c);
                return new Line(LineKind.DIALOGUE, c.line.speaker(), text, ScreenTime.line(LineKind.DIALOGUE, text));
            }
        }
        return new Line(LineKind.NARRATION, narrator, text, ScreenTime.line(LineKind.NARRATION, text));
    }

    private static Line hookLine(Hook hook, List<Candidate> pool, String narrator) {
        Line line = matchOrNarrate(hook.text(), pool, narrator);
        // The hook is the last thing heard: give it a beat of silence after it.
        return new Line(line.kind(), line.speaker(), line.text(), line.seconds() + 1.0);
    }

    /** First words of a text without quotes or ellipsis, to recognise a condensed line. */
    private static String key(String text) {
        String k = text.replaceAll("[\"\u201c\u201d]", "").replaceAll("\\.\\.\\.$", "").trim().toLowerCase(Locale.ROOT);
        return k.length() > 40 ? k.substring(0, 40) : k;
    }

    /**
     * Picks the most valuable lines within {@code budget} seconds, then tops up with the cheapest
     * remaining lines while the total is under {@code floor} and stays under {@code ceiling}.
     */
    private static List<Candidate> choose(List<Candidate> pool, double budget, double ceiling, double floor) {
        List<Candidate> byValue = new ArrayList<>(pool);
        byValue.sort(Comparator.comparingDouble((Candidate c) -> -c.value / Math.max(1.0, c.line.seconds() / 4))
                .thenComparingInt(c -> c.position));
        List<Candidate> chosen = new ArrayList<>();
        double total = 0;
        List<Candidate> rest = new ArrayList<>();
        for (Candidate c : byValue) {
            if (total + c.line.seconds() <= budget) {
                chosen.add(c);
                total += c.line.seconds();
            } else {
                rest.add(c);
            }
        }
        rest.sort(Comparator.comparingDouble(c -> c.line.seconds()));
        for (Candidate c : rest) {
            if (total >= floor) {
                break;
            }
            if (total + c.line.seconds() <= ceiling) {
                chosen.add(c);
                total += c.line.seconds();
            }
        }
        chosen.sort(Comparator.comparingInt((Candidate c) -> c.segment).thenComparingInt(c -> c.position));
        return chosen;
    }
}
