package dev.tsuzuku.story;

import dev.tsuzuku.ingest.Attribution;
import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.Chapter;
import dev.tsuzuku.model.Character;
import dev.tsuzuku.model.EpisodePlan;
import dev.tsuzuku.model.Line;
import dev.tsuzuku.model.LineKind;
import dev.tsuzuku.model.Place;
import dev.tsuzuku.model.Script;
import dev.tsuzuku.model.ScriptScene;
import dev.tsuzuku.model.Source;
import dev.tsuzuku.model.SourceScene;
import dev.tsuzuku.model.SourceSpan;
import dev.tsuzuku.text.CastNames;
import dev.tsuzuku.text.Cjk;
import dev.tsuzuku.text.Paragraphs;
import dev.tsuzuku.text.Prose;
import dev.tsuzuku.text.StoryUnits;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The default writer: no network, no randomness. Adapts the episode's span of source text into
 * a screenplay that is told, not only drawn: every sentence of speech becomes dialogue of the cast
 * member who says it, every sentence of narration a whole line for the Narrator; then
 * {@link StoryCut} chooses what the episode tells under its time budget, in story order (the cold
 * open's line and the hook kept), and {@link SpeakerNaming} gives an unnamed speaker who names
 * themselves their name. Nothing is cut off mid-sentence. The hook is the last line.
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
    /** Speech in 「」 or 『』, and a place one comes from (村から): neither is where a scene stands. */
    private static final Pattern QUOTED = Pattern.compile("[「『][^」』]*[」』]");
    private static final Pattern COME_FROM = Pattern.compile("\\p{IsHan}+から");
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
        java.util.Map<Integer, Bible> tales = new java.util.HashMap<>();
        for (int s = 0; s < segments.size(); s++) {
            // in a collection, "the King" of one tale is not the King of another
            Bible tale = tales.computeIfAbsent(segments.get(s).chapter, c -> {
                Chapter ch = source.chapters().stream().filter(x -> x.index() == c).findFirst().orElse(null);
                return ch == null ? TaleCast.within(bible, source.text())
                        : TaleCast.within(bible, ch.title(), source.slice(ch.span()));
            });
            CastNames taleNames = tale == bible ? cast : new CastNames(tale);
            for (SourceSpan p : segments.get(s).paragraphs) {
                String text = source.slice(p);
                pool.addAll(candidates(text, previous, s, p.startChar(), tale, taleNames, narrator, turns));
                previous = text;
            }
        }
        int[] chapterOf = segments.stream().mapToInt(seg -> seg.chapter).toArray();
        pool = SpeakerNaming.apply(pool, cast, chapterOf, narrator);
        // Board timing reads lines a little faster than the estimate (up to ~8% on the sample): a script
        // aimed at the minimum lands under it once retimed, so it aims 10% inside the range.
        double floor = Math.min(bible.maxEpisodeSeconds(), bible.minEpisodeSeconds() * 1.10);
        double target = Math.max(floor, Math.min(bible.maxEpisodeSeconds(), episode.estimatedSeconds()));
        StoryCut cut = StoryCut.of(pool, cast, episode, target, bible.minEpisodeSeconds(), bible.maxEpisodeSeconds(), narrator);

        List<ScriptScene> scenes = new ArrayList<>();
        for (int s = 0; s < segments.size(); s++) {
            List<Line> lines = new ArrayList<>();
            for (Candidate c : cut.lines()) {
                if (c.segment == s) {
                    lines.add(c.line);
                }
            }
            if (s == segments.size() - 1) {
                lines.add(cut.hook());
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
        int chapter;
    }

    /** A line the writer may use, where it came from and how much the story needs it. */
    record Candidate(Line line, int segment, int position, double value) {}

    private static List<Segment> segments(Source source, Bible bible, SourceSpan span) {
        List<List<SourceSpan>> groups = new ArrayList<>();
        List<Integer> chapters = new ArrayList<>();
        for (Chapter c : source.chapters()) {
            for (SourceScene sc : c.scenes()) {
                List<SourceSpan> inside = sc.paragraphs().stream()
                        .filter(p -> p.startChar() >= span.startChar() && p.endChar() <= span.endChar()).toList();
                if (!inside.isEmpty()) {
                    groups.add(inside);
                    chapters.add(c.index());
                }
            }
        }
        if (groups.isEmpty()) {
            groups.add(Paragraphs.split(source.text(), span));
            chapters.add(0);
        }
        String mainPlace = mainPlace(source, bible, span);
        List<Segment> out = new ArrayList<>();
        String time = "day";
        for (int g = 0; g < groups.size(); g++) {
            List<SourceSpan> group = groups.get(g);
            Segment current = null;
            for (SourceSpan p : group) {
                String text = source.slice(p);
                if (Paragraphs.isHeading(text)) {
                    continue;
                }
                // what a character says in 「」 does not move the scene: 「村の井戸が…」 is said at the temple
                // nor does a place one comes from (村から駆けて来ました: she arrives from the village)
                String told = COME_FROM.matcher(QUOTED.matcher(text).replaceAll(" ")).replaceAll(" ");
                String place = firstPlace(bible, told);
                String cue = timeCue(told);
                boolean change = current == null
                        || (place != null && !place.equals(current.place) && !current.paragraphs.isEmpty())
                        || (cue != null && !cue.equals(current.timeOfDay));
                if (change) {
                    current = new Segment();
                    current.place = place != null ? place : out.isEmpty() ? mainPlace : out.get(out.size() - 1).place;
                    current.timeOfDay = cue != null ? cue : time;
                    current.chapter = chapters.get(g);
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

    /**
     * Japanese and Chinese time words, longest first where one holds another (夜明け is dawn, not
     * night); the first one in the paragraph decides, as with English words.
     */
    private static final List<Map.Entry<String, String>> CJK_TIME_CUES = cjkCues(
            "夜明け=dawn 明け方=dawn 朝日=dawn 夜が明け=dawn 暁=dawn 黎明=dawn 拂晓=dawn 天亮=dawn 清晨=dawn 日の出=dawn"
                    + " 真夜中=night 夜中=night 月明かり=night 月光=night 深夜=night 夜=night 闇=night 晚上=night"
                    + " 夕暮れ=dusk 夕方=dusk 夕日=dusk 日暮れ=dusk 黄昏=dusk 傍晚=dusk 夕阳=dusk"
                    + " 朝=day 昼=day 早上=day 中午=day 白天=day");

    private static List<Map.Entry<String, String>> cjkCues(String spec) {
        List<Map.Entry<String, String>> cues = new ArrayList<>();
        for (String pair : spec.split(" ")) {
            String[] kv = pair.split("=");
            cues.add(Map.entry(kv[0], kv[1]));
        }
        cues.sort((a, b) -> Integer.compare(b.getKey().length(), a.getKey().length()));
        return List.copyOf(cues);
    }

    static String cjkTimeCue(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (java.lang.Character.UnicodeScript.of(text.charAt(i)) != java.lang.Character.UnicodeScript.HAN) {
                continue;
            }
            for (Map.Entry<String, String> cue : CJK_TIME_CUES) {
                if (text.startsWith(cue.getKey(), i)) {
                    return cue.getValue();
                }
            }
        }
        return null;
    }

    static String timeCue(String text) {
        String cjk = cjkTimeCue(text);
        if (cjk != null) {
            return cjk;
        }
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

        /** The last speaker goes on acting after their words ("…," and the Dragon King pointed): they keep the floor. */
        boolean held;

        String answerer() {
            if (inExchange && held && last != null) {
                return last;
            }
            return inExchange && beforeLast != null && !beforeLast.equals(last) && !gone.contains(beforeLast) ? beforeLast : null;
        }

        /** Who the narration of this scene said went away (権三は…逃げて行きました): not an answerer. */
        final java.util.Set<String> gone = new java.util.HashSet<>();

        void spoke(String speaker) {
            if (speaker != null && !speaker.equals(last)) {
                beforeLast = last;
                last = speaker;
            }
            inExchange = true;
            held = false;
        }

        /** The last line said (the last quote of the last speech paragraph), for Japanese turns. */
        String lastLine;

        void narration() {
            inExchange = false;
            beforeLast = null;
            lastLine = null;
        }

        /**
         * Who says an untagged Japanese line that follows another with nothing between: the
         * speaker goes on when their line trails off (今のは……。); the one their line calls by name
         * answers (…、太郎。), if still here; the turns' answerer otherwise; and when the exchange has
         * nobody else to answer, the speaker keeps the floor unless their line asked a question.
         */
        String cjkNext(CastNames cast) {
            if (!inExchange || last == null || lastLine == null) {
                return answerer();
            }
            if (TRAILS_OFF.matcher(lastLine).find()) {
                return last;
            }
            String called = addressee(lastLine, cast);
            if (called != null && !called.equals(last) && !gone.contains(called)) {
                return called;
            }
            String turn = answerer();
            if (turn != null) {
                return turn;
            }
            return ASKS.matcher(lastLine).find() ? null : last;
        }

        /** Who the current scene has named so far, the most recent last (for Japanese lines nobody tags). */
        final List<String> seen = new ArrayList<>();
        int segment = -1;

        void named(int inSegment, java.util.Collection<String> names) {
            if (inSegment != segment) {
                seen.clear();
                gone.clear();
                segment = inSegment;
            }
            for (String n : names) {
                seen.remove(n);
                seen.add(n);
            }
        }
    }

    /**
     * Every line the episode could tell from one paragraph, in reading order: each sentence of
     * speech as dialogue of its speaker (or narration when nobody can be named), each sentence of
     * narration whole, for the Narrator to read. Nothing is cut short here; the story cut chooses.
     */
    private static List<Candidate> candidates(String paragraph, String previous, int segment, int offset,
            Bible bible, CastNames cast, String narrator, Turns turns) {
        String flat = Prose.flat(paragraph);
        List<StoryUnits.Unit> units = StoryUnits.of(flat);
        List<Prose.Quote> quotes = Prose.quotes(flat);
        char[] unquoted = flat.toCharArray();
        boolean speech = false;
        for (StoryUnits.Unit u : units) {
            speech |= u.spoken();
        }
        for (Prose.Quote q : quotes) {
            java.util.Arrays.fill(unquoted, q.start(), q.end(), ' ');
        }
        String context = Prose.flat(previous) + " ";
        String narrative = context + new String(unquoted);
        boolean onlySpeech = speech && ScreenTime.words(new String(unquoted).replaceAll("[\"\u201c\u201d]", " ")) == 0;
        String introducer = introducer(previous, flat, cast);
        String answerer = !onlySpeech ? null : introducer != null ? introducer
                : Cjk.has(flat) ? turns.cjkNext(cast) : turns.answerer();
        String paragraphSpeaker = null;
        java.util.Map<Integer, String> speakers = new java.util.HashMap<>();
        List<Candidate> out = new ArrayList<>();
        for (StoryUnits.Unit u : units) {
            if (!u.spoken()) {
                out.add(new Candidate(new Line(LineKind.NARRATION, narrator, u.text(),
                        ScreenTime.line(LineKind.NARRATION, u.text())), segment, offset + u.at(), 0));
                continue;
            }
            String speaker = speakers.computeIfAbsent(u.quoteStart(), start -> {
                Prose.Quote q = quotes.stream().filter(x -> x.start() == start).findFirst().orElse(null);
                if (q != null && Cjk.has(q.text())) {
                    // わしは山賊の権三だ: one who names themself speaks, whoever the turns say
                    String self = selfNamed(q.text(), cast);
                    if (self != null) {
                        return self;
                    }
                    if (answerer != null && answerer.equals(addressee(q.text(), cast))) {
                        return speaker(flat, q, bible, cast, narrative, context.length(), turns.seen); // 太郎 is spoken to, not speaking
                    }
                }
                if (answerer != null) {
                    return answerer;
                }
                return q == null ? null : speaker(flat, q, bible, cast, narrative, context.length(), turns.seen);
            });
            if (speaker != null && paragraphSpeaker == null) {
                paragraphSpeaker = speaker;
            }
            Line line = speaker != null
                    ? new Line(LineKind.DIALOGUE, speaker, u.text(), ScreenTime.line(LineKind.DIALOGUE, u.text()))
                    : new Line(LineKind.NARRATION, narrator, u.text(), ScreenTime.line(LineKind.NARRATION, u.text()));
            out.add(new Candidate(line, segment, offset + u.at(), 0));
        }
        List<String> inOrder = new ArrayList<>(cast.mentioned(new String(unquoted)));
        inOrder.sort(java.util.Comparator.comparingInt(n -> flat.lastIndexOf(n)));
        turns.named(segment, inOrder);
        if (Cjk.has(flat) && !speech) {
            java.util.Set<String> left = new java.util.HashSet<>();
            cjkSubject(flat + "。", "", bible, cast, left);
            turns.gone.addAll(left);
        }
        speakers.values().stream().filter(java.util.Objects::nonNull).forEach(n -> turns.named(segment, List.of(n)));
        if (paragraphSpeaker != null) {
            turns.spoke(paragraphSpeaker);
            turns.lastLine = quotes.isEmpty() ? null : quotes.get(quotes.size() - 1).text();
            int lastQuote = quotes.isEmpty() ? -1 : quotes.get(quotes.size() - 1).end();
            String tail = lastQuote < 0 || lastQuote >= flat.length() ? "" : flat.substring(lastQuote);
            // "…," and the Dragon King pointed: not a speech tag ("…," answered the old woman, shaking her head)
            turns.held = tail.matches("(?s)^[\\s,]*(and|as|while|then)\\b.*") && cast.mentioned(tail).contains(paragraphSpeaker);
        } else if (!speech) {
            turns.narration();
        }
        return out;
    }

    /**
     * "…he had come up to the man on the bridge and now addressed him:" then an untagged quote:
     * the one who addresses speaks. The subject is a cast member named in that sentence before
     * any pronoun, else (for "he") the one named last before the sentence who is not its object.
     */
    static String introducer(String previous, String paragraph, CastNames cast) {
        String prev = Prose.flat(previous).strip();
        if (!paragraph.stripLeading().matches("(?s)^[\"“].*")) {
            return null;
        }
        // "Hidesato showed no fear. He tried to calm the Dragon King." then an untagged quote: the
        // one who acts speaks, not the one acted upon (a narration paragraph ending on "He …" or "She …")
        boolean actedOn = !prev.isEmpty() && !prev.matches("(?s).*[\"“”].*") && prev.endsWith(".")
                && prev.substring(Math.max(0, Math.max(prev.lastIndexOf(". ", prev.length() - 2), 0))).matches("(?s)^(\\. )?(He|She) .*");
        if (!prev.endsWith(":") && !actedOn) {
            return null;
        }
        int cut = Math.max(prev.lastIndexOf(". ", prev.length() - 2), Math.max(prev.lastIndexOf("? ", prev.length() - 2),
                prev.lastIndexOf("! ", prev.length() - 2)));
        String sentence = prev.substring(cut + 1);
        Matcher pronoun = Pattern.compile("\\b(he|she)\\b", Pattern.CASE_INSENSITIVE).matcher(sentence);
        int p = pronoun.find() ? pronoun.start() : sentence.length();
        Set<String> before = cast.mentioned(sentence.substring(0, p));
        if (!before.isEmpty()) {
            return before.iterator().next();
        }
        if (p == sentence.length() || cut < 0) {
            return null;
        }
        Set<String> objects = cast.mentioned(sentence);
        String earlier = prev.substring(0, cut + 1);
        // the nearest named before the sentence who is not the one addressed
        String best = null;
        int at = -1;
        String lower = earlier.toLowerCase(Locale.ROOT);
        for (String name : cast.mentioned(earlier)) {
            if (objects.contains(name)) {
                continue;
            }
            int i = lower.lastIndexOf(name.toLowerCase(Locale.ROOT));
            if (i > at) {
                at = i;
                best = name;
            }
        }
        return best;
    }

    /**
     * Who says a quote: the cast member the speech tag names (the ingest attribution, then a
     * looser "said the old man" match), else, for a pronoun or an untagged quote, the nearest cast
     * member named in the narration around it; null if nobody.
     */
    static String speaker(String paragraph, Prose.Quote q, Bible bible, CastNames cast, String narrative, int shift) {
        return speaker(paragraph, q, bible, cast, narrative, shift, List.of());
    }

    /** As above; {@code seen}: who the scene has named so far, most recent last. */
    static String speaker(String paragraph, Prose.Quote q, Bible bible, CastNames cast, String narrative, int shift,
            List<String> seen) {
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
        // "…," and the Dragon King pointed to the peak: the one the sentence goes on with spoke.
        if (names.isEmpty()) {
            String rest = paragraph.substring(q.end());
            int stop = rest.indexOf(". ");
            String clause = (stop >= 0 ? rest.substring(0, stop) : rest).replaceAll("[\"\u201c\u201d].*", "");
            if (clause.matches("^[\\s,]*(and|as|while|then)\\b.*")) {
                java.util.Set<String> goesOn = cast.mentioned(clause.length() > 60 ? clause.substring(0, 60) : clause);
                if (!goesOn.isEmpty()) {
                    return goesOn.iterator().next();
                }
            }
        }
        if (names.isEmpty() && Cjk.has(q.text())) {
            java.util.Set<String> gone = new java.util.HashSet<>();
            String subject = cjkSubject(narrative.substring(0, Math.min(narrative.length(), shift + q.start())), q.text(), bible,
                    cast, gone);
            if (subject != null) {
                return subject;
            }
            String stranger = stranger(narrative.substring(0, Math.min(narrative.length(), shift + q.start())));
            if (stranger != null) { // 白い着物の女の人が立っておりました。「よく来ましたね、太郎。」
                return stranger;
            }
            if (!gone.isEmpty()) { // the one the narration was about has gone: someone else of the scene speaks
                String addressed = addressee(q.text(), cast);
                for (int k = seen.size() - 1; k >= 0; k--) {
                    if (!gone.contains(seen.get(k)) && !seen.get(k).equals(addressed)) {
                        return seen.get(k);
                    }
                }
                return null;
            }
        }
        // A pronoun, or a quote with no tag at all, belongs to the nearest cast member named before it.
        if (pronoun || names.isEmpty()) {
            String nearest = cast.nearest(narrative, shift + q.start());
            // 「和尚様、こんな鈴が…」: the one a line calls by name is spoken to, not speaking.
            if (nearest != null && Cjk.has(q.text()) && nearest.equals(addressee(q.text(), cast))) {
                return null;
            }
            return nearest;
        }
        return null;
    }

    /** A line that trails off (今のは……。, まさか――): its speaker has not finished. */
    static final Pattern TRAILS_OFF = Pattern.compile("(…|‥|―|ーー)[。！？!?」』]*\\s*$");
    /** A line that asks (…ですか。, …のか？): someone else answers. */
    static final Pattern ASKS = Pattern.compile("(か|かい|かしら|の|[？?])[。！!？?」』]*\\s*$");
    /**
     * Someone the narration brings in without a name (女の人, 背の高い男, 老人) as a subject: they
     * speak the untagged line that follows, until a line of theirs names them ({@link SpeakerNaming}).
     */
    static final Pattern STRANGER = Pattern.compile(
            "(女の人|男の人|おじいさん|おばあさん|お爺さん|お婆さん|老人|老婆|婦人|旅人|少年|少女|娘|女|男|僧|侍|武士)(?:が|は)");
    /** The nouns {@link #STRANGER} finds: a speaker known by one of them is not yet named. */
    static final java.util.Set<String> STRANGERS = java.util.Set.of("女の人", "男の人", "おじいさん", "おばあさん", "お爺さん",
            "お婆さん", "老人", "老婆", "婦人", "旅人", "少年", "少女", "娘", "女", "男", "僧", "侍", "武士");

    /** The unnamed person the last three sentences of narration bring in as a subject (the latest one), or null. */
    static String stranger(String before) {
        String text = before.replaceAll("「[^「」]*」", "");
        List<String> sentences = Cjk.sentences(text.length() > 400 ? text.substring(text.length() - 400) : text);
        for (int k = sentences.size() - 1; k >= Math.max(0, sentences.size() - 3); k--) {
            Matcher m = STRANGER.matcher(sentences.get(k));
            String found = null;
            while (m.find()) {
                found = m.group(1);
            }
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** The cast member a Japanese line addresses, opening (太郎さん、…) or closing (…、太郎。) with the name, or null. */
    static String addressee(String line, CastNames cast) {
        int comma = line.indexOf('、');
        if (comma >= 2 && comma <= 8) {
            java.util.Set<String> named = cast.mentioned(line.substring(0, comma));
            if (!named.isEmpty()) {
                return named.iterator().next();
            }
        }
        int last = line.lastIndexOf('、');
        String tail = last < 0 ? "" : line.substring(last + 1).replaceAll("[。！？!?」』\\s]+$", "");
        if (!tail.isEmpty() && tail.length() <= 6) {
            java.util.Set<String> named = cast.mentioned(tail);
            return named.isEmpty() ? null : named.iterator().next();
        }
        return null;
    }

    /** 「わしは山賊の権三だ」, 「私はこの山の鈴守。」: the cast member a line says its speaker is, or null. */
    static String selfNamed(String line, CastNames cast) {
        Matcher m = Cjk.SELF.matcher(line);
        if (m.find()) {
            return withHonorific(m.group(1), cast);
        }
        Matcher plain = SELF_PLAIN.matcher(line);
        return plain.find() ? withHonorific(plain.group(1), cast) : null;
    }

    /** The cast member a bare name is, also when the bible lists them with an honorific (鈴守 → 鈴守様). */
    private static String withHonorific(String name, CastNames cast) {
        for (String form : List.of(name, name + "様", name + "さま", name + "さん", name + "殿")) {
            String r = cast.resolve(form);
            if (r != null) {
                return r;
            }
        }
        return null;
    }

    private static final Pattern SELF_PLAIN = Pattern.compile(
            "^(?:わし|私|俺|僕|わたし|わたくし|あたし|拙者|おれ)は[^。、「」]{0,10}?([\\p{IsHan}\\p{IsKatakana}ー々]{2,6})。");
    /** Narration that says someone went away: 逃げて行きました, 去りました, 出て行きました. */
    private static final Pattern LEFT = Pattern.compile("(逃げ|去[っり]|出て行|帰って行|消え)");

    /**
     * Who an untagged Japanese line belongs to: the one the narration just before it is about —
     * the last cast member written as a subject (太郎は…, 花子が…, 花子ちゃんは…) in the last three
     * sentences, not the one the line addresses and not one who just went away; null if none.
     */
    static String cjkSubject(String before, String line, Bible bible, CastNames cast, java.util.Set<String> gone) {
        String addressed = addressee(line, cast);
        String text = before.replaceAll("「[^「」]*」", "");
        List<String> sentences = Cjk.sentences(text.length() > 400 ? text.substring(text.length() - 400) : text);
        for (int k = sentences.size() - 1; k >= Math.max(0, sentences.size() - 3); k--) {
            String sentence = sentences.get(k);
            String best = null;
            int at = -1;
            for (String name : cast.mentioned(sentence)) {
                List<String> forms = new ArrayList<>(List.of(name));
                bible.character(name).ifPresent(c -> forms.addAll(c.aliases()));
                for (String form : forms) {
                    Matcher m = Pattern.compile(Pattern.quote(form) + "(?:さん|さま|様|殿|どの|くん|君|ちゃん)?[はが]").matcher(sentence);
                    while (m.find()) {
                        if (m.start() > at) {
                            at = m.start();
                            best = name;
                        }
                    }
                }
            }
            if (best == null) {
                continue;
            }
            if (LEFT.matcher(sentence).find()) {
                gone.add(best);
                continue;
            }
            if (!best.equals(addressed) && !gone.contains(best)) {
                return best;
            }
        }
        // the nearest other named one, when the subject is spoken to or has gone
        for (int k = sentences.size() - 1; k >= Math.max(0, sentences.size() - 3); k--) {
            for (String name : cast.mentioned(sentences.get(k))) {
                if (!name.equals(addressed) && !gone.contains(name)) {
                    return name;
                }
            }
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
}
