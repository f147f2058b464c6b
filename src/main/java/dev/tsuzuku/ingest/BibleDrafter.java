package dev.tsuzuku.ingest;

import dev.tsuzuku.ingest.CastIndex.Member;
import dev.tsuzuku.model.ArtStyle;
import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.Chapter;
import dev.tsuzuku.model.Character;
import dev.tsuzuku.model.DropSchedule;
import dev.tsuzuku.model.Look;
import dev.tsuzuku.model.Monetization;
import dev.tsuzuku.model.Place;
import dev.tsuzuku.model.Routing;
import dev.tsuzuku.model.Setting;
import dev.tsuzuku.model.Source;
import dev.tsuzuku.model.SourceSpan;
import dev.tsuzuku.model.VoiceSpec;
import dev.tsuzuku.workspace.BibleFile;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Drafts a series bible from an ingested source: title, logline, language, cast (with looks and
 * distinct voices, plus a narrator), places and the house defaults. A draft for the showrunner
 * to edit, the same for the same source every time.
 */
public final class BibleDrafter {
    public static final int EPISODE_SECONDS = BibleFile.DEFAULT_EPISODE_SECONDS;
    public static final DropSchedule SCHEDULE = BibleFile.DEFAULT_SCHEDULE;
    public static final Monetization MONETIZATION = BibleFile.DEFAULT_MONETIZATION;
    public static final Routing ROUTING = BibleFile.DEFAULT_ROUTING;
    public static final String NARRATOR = "Narrator";

    private BibleDrafter() {}

    /** A drafted bible with the cast index it was drafted from (mention counts for summaries). */
    public record Draft(Bible bible, CastIndex cast) {}

    /** The drafted bible; the title is {@code titleOrNull}, else the one the file declares, else the first heading, else the file name. */
    public static Bible draft(Source source, String titleOrNull) {
        return draftWithCast(source, titleOrNull).bible();
    }

    /** Like {@link #draft}, keeping the book's cast index. */
    public static Draft draftWithCast(Source source, String titleOrNull) {
        String title = title(source, titleOrNull);
        String language = language(source.text());
        List<CastIndex> perChapter = new ArrayList<>();
        for (Chapter c : source.chapters()) {
            perChapter.add(castOf(source, c));
        }
        boolean collection = isCollection(source);
        CastIndex book = CastIndex.merge(perChapter, CastIndex.PER_BOOK, collection ? taleLabels(source, perChapter) : null);
        Map<String, Character.Role> roles = roles(source, book, perChapter, collection);

        String voicePrefix = switch (language) {
            case "ja" -> "ja";
            case "zh" -> "cmn";
            default -> "en-us";
        };
        Set<String> usedVoices = new HashSet<>();
        VoiceSpec narratorVoice = new VoiceSpec(voicePrefix + "+m3", 45, 160);
        usedVoices.add(narratorVoice.voice() + "@" + narratorVoice.pitch());
        List<Character> cast = new ArrayList<>();
        Set<String> names = new HashSet<>(Set.of(NARRATOR.toLowerCase(Locale.ROOT)));
        for (Member m : book.members()) {
            if (!names.add(m.name().toLowerCase(Locale.ROOT))) {
                continue;
            }
            List<String> aliases = m.aliases().stream().filter(a -> names.add(a.toLowerCase(Locale.ROOT))).toList();
            cast.add(new Character(m.name(), aliases, roles.getOrDefault(m.name().toLowerCase(Locale.ROOT), Character.Role.MINOR),
                    Casting.look(m), Casting.voice(m, voicePrefix, usedVoices)));
        }
        cast.add(new Character(NARRATOR, List.of(), Character.Role.NARRATOR,
                new Look("charcoal", "brown", "slate", "medium", "unseen storyteller"), narratorVoice));

        boolean fairyTale = isFairyTale(source.text());
        Bible bible = new Bible(slug(title), title, logline(source, cast), language, fairyTale ? "fairy tale" : "drama",
                new ArtStyle(fairyTale ? "ghibli-watercolor" : "shojo-pastel", ""), cast, places(source, language),
                EPISODE_SECONDS, SCHEDULE, MONETIZATION, ROUTING, SettingDrafter.draft(source.text()), source.readings());
        return new Draft(bible, book);
    }

    /**
     * A cast member someone else named (the LLM writers' room): a look and a voice drawn the same
     * way as for a drafted member, distinct from the {@code usedVoices} ("voice@pitch") already given.
     */
    public static Character castMember(String name, List<String> aliases, Character.Role role, String language,
            Set<String> usedVoices) {
        String voicePrefix = switch (language) {
            case "ja" -> "ja";
            case "zh" -> "cmn";
            default -> "en-us";
        };
        Member m = new Member(name, aliases, CastIndex.Gender.UNKNOWN, false, List.of(), 0, Map.of());
        return new Character(name, aliases, role, Casting.look(m), Casting.voice(m, voicePrefix, usedVoices));
    }

    /** The period, region and social world the text suggests (the drafted bible's setting). */
    public static Setting setting(Source source) {
        return SettingDrafter.draft(source.text());
    }

    /** Who is in one chapter, with mentions and spoken lines, ranked by presence. */
    public static CastIndex castOf(Source source, Chapter chapter) {
        return CastIndex.of(source, chapter);
    }

    private static final java.util.regex.Pattern NUMBERED = java.util.regex.Pattern.compile(
            "(?i)^(chapter|part|book|letter|volume|section|canto)\\b.*|^[ivxlc\\d]+[.:]?(\\s.*)?$");

    /** A book of tales: most of its (two or more) chapters have names of their own, not numbers. */
    static boolean isCollection(Source source) {
        List<Chapter> chapters = source.chapters();
        if (chapters.size() < 2) {
            return false;
        }
        long named = chapters.stream().filter(c -> c.title() != null && !c.title().isBlank()
                && !NUMBERED.matcher(c.title().strip()).matches() && Diarist.of(c.title(), "", 0, 0).isEmpty()).count();
        return named * 2 > chapters.size();
    }

    /** What tells one tale's "old man" from another's: the tale's hero (its leading named character), else its title. */
    private static List<String> taleLabels(Source source, List<CastIndex> perChapter) {
        List<String> labels = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (int i = 0; i < perChapter.size(); i++) {
            // the tale's hero when the tale is theirs (they lead it), else the tale's title
            // (a title such as "Sea King" names no hero: the next of the tale's two leading people may)
            List<Member> top = perChapter.get(i).members();
            String label = top.stream().limit(top.isEmpty() || !dev.tsuzuku.text.Vocabulary.isTitleName(top.get(0).name()) ? 1 : 2)
                    .map(Member::name).filter(n -> !n.equals(n.toLowerCase(Locale.ROOT)) && !dev.tsuzuku.text.Vocabulary.isTitleName(n))
                    .findFirst().orElse(null);
            if (label == null || used.contains(label.toLowerCase(Locale.ROOT))) {
                String t = source.chapters().get(i).title();
                label = t == null || t.isBlank() ? "tale " + (i + 1)
                        : Headings.titleCase(t.strip()).replaceFirst("^(?i)the (story|tale|adventures?) of (the )?", "");
            }
            used.add(label.toLowerCase(Locale.ROOT));
            labels.add(label);
        }
        return labels;
    }

    /**
     * Roles per arc, not per word count alone. An arc is a tale of a collection, or a run of about
     * four chapters of a novel. In each arc a character's presence is their mentions there, plus
     * their spoken lines, weighted by how many of the arc's chapters they appear in: the one the arc
     * follows is its lead (a close second too), the next three who carry a share of it supporting,
     * the rest minor. A character keeps the best role of any arc; the narrator of a journal or
     * letter leads the arc they narrate.
     */
    private static Map<String, Character.Role> roles(Source source, CastIndex book, List<CastIndex> perChapter,
            boolean collection) {
        List<Chapter> chapters = source.chapters();
        int n = chapters.size();
        int arcSize = collection || n <= 4 ? (collection ? 1 : Math.max(1, n)) : 4;
        Map<String, Character.Role> roles = new HashMap<>();
        for (int a = 0; a < n; a += arcSize) {
            List<Chapter> arc = chapters.subList(a, Math.min(n, a + arcSize));
            Map<Member, Double> weight = new HashMap<>();
            for (Member m : book.members()) {
                int mentions = 0;
                int present = 0;
                for (Chapter c : arc) {
                    int k = m.mentionsIn(c.span());
                    mentions += k;
                    present += k > 0 ? 1 : 0;
                }
                if (mentions == 0) {
                    continue;
                }
                double share = m.mentions().isEmpty() ? 0 : (double) mentions / m.mentions().size();
                double presence = mentions + 4.0 * m.spokenLines() * share;
                weight.put(m, presence * (0.5 + (double) present / arc.size()));
            }
            List<Member> ranked = new ArrayList<>(weight.keySet());
            ranked.sort((x, y) -> Double.compare(weight.get(y), weight.get(x)) != 0 ? Double.compare(weight.get(y), weight.get(x))
                    : CastIndex.RANKING.compare(x, y));
            Set<String> narrators = new HashSet<>();
            for (int i = 0; i < arc.size(); i++) {
                CastIndex idx = perChapter.get(a + i);
                Chapter c = arc.get(i);
                Diarist.of(c.title(), source.text(), c.span().startChar(), c.span().endChar())
                        .flatMap(d -> book.find(d).or(() -> idx.members().isEmpty() ? java.util.Optional.empty()
                                : book.find(idx.members().get(0).name())))
                        .ifPresent(d -> narrators.add(d.name().toLowerCase(Locale.ROOT)));
            }
            double top = ranked.isEmpty() ? 0 : weight.get(ranked.get(0));
            for (int i = 0; i < ranked.size(); i++) {
                Member m = ranked.get(i);
                double w = weight.get(m);
                String key = m.name().toLowerCase(Locale.ROOT);
                Character.Role r = i == 0 || i == 1 && w * 10 >= top * 7 || narrators.contains(key) ? Character.Role.LEAD
                        : i <= 3 && w * 100 >= top * 8 ? Character.Role.SUPPORTING : Character.Role.MINOR;
                roles.merge(key, r, (x, y) -> x.ordinal() <= y.ordinal() ? x : y);
            }
        }
        return roles;
    }

    static String title(Source source, String titleOrNull) {
        if (titleOrNull != null && !titleOrNull.isBlank()) {
            return titleOrNull.strip();
        }
        if (source.title() != null && !source.title().isBlank()) {
            return source.title();
        }
        if (!source.chapters().isEmpty() && source.chapters().get(0).title() != null) {
            return source.chapters().get(0).title();
        }
        String n = Path.of(source.fileName()).getFileName().toString();
        return n.contains(".") ? n.substring(0, n.lastIndexOf('.')) : n;
    }

    /** Lower-case ASCII words joined by hyphens; "series" when nothing ASCII is left (a CJK title). */
    public static String slug(String title) {
        String ascii = Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String s = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (s.length() > 60) {
            s = s.substring(0, 60).replaceAll("-[^-]*$", "");
        }
        return s.isEmpty() ? "series" : s;
    }

    /** "ja" or "zh" when most letters are CJK (kana decides Japanese), else "en". */
    static String language(String text) {
        int latin = 0;
        int han = 0;
        int kana = 0;
        int n = Math.min(text.length(), 200_000);
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            java.lang.Character.UnicodeScript script = java.lang.Character.UnicodeScript.of(c);
            switch (script) {
                case LATIN -> latin++;
                case HAN -> han++;
                case HIRAGANA, KATAKANA -> kana++;
                default -> { }
            }
        }
        if (han + kana > latin) {
            return kana * 20 >= han + kana ? "ja" : "zh";
        }
        return "en";
    }

    private static boolean isFairyTale(String text) {
        String head = text.substring(0, Math.min(text.length(), 20_000)).toLowerCase(Locale.ROOT);
        return head.contains("once upon a time") || head.contains("long, long ago") || head.contains("long ago there lived")
                || head.contains("fairy");
    }

    /** The first sentence of the story, and who it follows. */
    static String logline(Source source, List<Character> cast) {
        String first = "";
        if (!source.chapters().isEmpty() && !source.chapters().get(0).scenes().isEmpty()) {
            SourceSpan p = source.chapters().get(0).scenes().get(0).paragraphs().get(0);
            first = firstSentence(source.slice(p));
        }
        List<String> leads = cast.stream().filter(c -> c.role() == Character.Role.LEAD).limit(3).map(Character::name)
                .collect(Collectors.toList());
        if (dev.tsuzuku.text.Cjk.mostly(source.text())) {
            return cjkLogline(source, cast);
        }
        StringBuilder b = new StringBuilder(first);
        if (!leads.isEmpty()) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append("Featuring ").append(joinNames(leads)).append('.');
        }
        return b.toString();
    }

    /**
     * A Japanese or Chinese logline: the book's opening sentences, whole, up to about 90 characters,
     * then who it is about ("主な登場人物は太郎、花子、和尚。") — never an English word or a cut-off.
     */
    static String cjkLogline(Source source, List<Character> cast) {
        StringBuilder b = new StringBuilder();
        outer:
        for (var chapter : source.chapters()) {
            for (var scene : chapter.scenes()) {
                for (SourceSpan p : scene.paragraphs()) {
                    for (String sentence : dev.tsuzuku.text.Cjk.sentences(source.slice(p).replaceAll("\\s+", ""))) {
                        if (sentence.startsWith("「") || sentence.startsWith("『")) {
                            break outer; // the opening narration, not a line of speech
                        }
                        if (b.length() > 0 && b.length() + sentence.length() > 90) {
                            break outer;
                        }
                        b.append(sentence);
                    }
                }
            }
        }
        List<String> people = cast.stream().filter(c -> c.role() != Character.Role.NARRATOR)
                .sorted(java.util.Comparator.comparingInt(c -> c.role().ordinal())).limit(3).map(Character::shownName).toList();
        if (!people.isEmpty()) {
            b.append(source.text().matches("(?s).*[\\p{IsHiragana}\\p{IsKatakana}].*") ? "主な登場人物は" : "主要人物：")
                    .append(String.join("、", people)).append("。");
        }
        return b.toString();
    }

    private static String firstSentence(String paragraph) {
        String p = paragraph.replaceAll("\\s+", " ").strip();
        int end = -1;
        for (int i = 20; i < p.length(); i++) {
            char c = p.charAt(i);
            if ((c == '.' || c == '!' || c == '?') && (i + 1 == p.length() || p.charAt(i + 1) == ' '
                    || p.charAt(i + 1) == '"' || p.charAt(i + 1) == '”')) {
                end = i + 1;
                if (end < p.length() && (p.charAt(end) == '"' || p.charAt(end) == '”')) {
                    end++;
                }
                break;
            }
        }
        String s = end < 0 ? p : p.substring(0, end);
        return s.length() <= 240 ? s : s.substring(0, 237).strip() + "…";
    }

    private static String joinNames(List<String> names) {
        List<String> shown = names;
        if (shown.size() == 1) {
            return shown.get(0);
        }
        return String.join(", ", shown.subList(0, shown.size() - 1)) + " and " + shown.get(shown.size() - 1);
    }

    private static List<Place> places(Source source, String language) {
        return PlaceFinder.find(source.text(), language);
    }
}
