package dev.tsuzuku.ingest;

import dev.tsuzuku.model.Chapter;
import dev.tsuzuku.model.Source;
import dev.tsuzuku.model.SourceSpan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who appears where in a source: each cast member found in the text, with aliases and the
 * offsets (into {@link Source#text()}) of every mention, ranked by presence. The planner and the
 * writers use it to know who is in a span and to attribute dialogue.
 */
public final class CastIndex {
    /** Most cast members kept for one chapter, and for a whole book. */
    public static final int PER_CHAPTER = 12;
    public static final int PER_BOOK = 50;
    /** In a collection, each tale keeps up to this many of its people, each with at least this presence. */
    static final int TALE_PEOPLE = 4;
    static final int TALE_PRESENCE = 12;

    public enum Gender { FEMALE, MALE, UNKNOWN }

    /**
     * A cast member. {@code mentions} are sorted offsets of every mention of the name or an
     * alias; {@code spokenLines} counts dialogue attributed to them ("said the monkey");
     * {@code colours} maps "hair"/"eyes"/"outfit"/"skin" to colour words the text puts near them.
     */
    public record Member(String name, List<String> aliases, Gender gender, boolean animal, List<Integer> mentions,
                         int spokenLines, Map<String, String> colours) {
        public Member {
            aliases = List.copyOf(aliases);
            mentions = List.copyOf(mentions);
            colours = Map.copyOf(colours);
        }

        /** Presence: mentions, with attributed dialogue weighted heavily. */
        public int score() {
            return mentions.size() + 4 * spokenLines;
        }

        public boolean answersTo(String nameOrAlias) {
            return name.equalsIgnoreCase(nameOrAlias) || aliases.stream().anyMatch(a -> a.equalsIgnoreCase(nameOrAlias));
        }

        /** Mentions inside the span. */
        public int mentionsIn(SourceSpan span) {
            int n = 0;
            for (int m : mentions) {
                if (m >= span.startChar() && m < span.endChar()) {
                    n++;
                }
            }
            return n;
        }
    }

    private final List<Member> members;

    private CastIndex(List<Member> members) {
        this.members = List.copyOf(members);
    }

    /** The cast of one chapter, at most {@link #PER_CHAPTER}. */
    public static CastIndex of(Source source, Chapter chapter) {
        int from = chapter.span().startChar();
        int to = chapter.span().endChar();
        List<Member> members = new ArrayList<>(CastScanner.scan(source.text(), from, to, PER_CHAPTER));
        Optional<String> diarist = Diarist.of(chapter.title(), source.text(), from, to);
        diarist.ifPresent(name -> leadWith(members, name, from));
        return new CastIndex(members.size() > PER_CHAPTER ? members.subList(0, PER_CHAPTER) : members);
    }

    /** The narrator of a journal or letter leads its chapter, whether or not the text names them often. */
    private static void leadWith(List<Member> members, String name, int at) {
        List<String> words = List.of(name.toLowerCase(Locale.ROOT).split(" "));
        for (int i = 0; i < members.size(); i++) {
            Member m = members.get(i);
            List<String> mw = List.of(m.name.toLowerCase(Locale.ROOT).split(" "));
            if (m.answersTo(name) || mw.containsAll(words) || words.containsAll(mw) && !m.name.equals(m.name.toLowerCase(Locale.ROOT))) {
                List<String> aliases = new ArrayList<>(m.aliases);
                String lead = m.name;
                if (words.size() > mw.size()) { // the heading has the fuller name
                    aliases.add(0, m.name);
                    lead = name;
                }
                members.remove(i);
                members.add(0, new Member(lead, aliases, m.gender, m.animal, m.mentions, m.spokenLines, m.colours));
                return;
            }
        }
        members.add(0, new Member(name, List.of(), Gender.UNKNOWN, false, List.of(at), 0, Map.of()));
    }

    /**
     * The cast of the whole book, at most {@link #PER_BOOK}: the chapter casts merged by name.
     * Every chapter's leading character is kept before the rest are ranked by presence, so a
     * collection of tales keeps the hero of each tale.
     */
    public static CastIndex of(Source source) {
        List<CastIndex> chapters = new ArrayList<>();
        for (Chapter c : source.chapters()) {
            chapters.add(of(source, c));
        }
        return merge(chapters, PER_BOOK);
    }

    static CastIndex merge(List<CastIndex> parts, int limit) {
        return merge(parts, limit, null);
    }

    /**
     * The book's cast from its parts' casts. {@code tales} (one label per part, for a collection
     * of tales; null for a novel) keeps the people a tale calls by a common noun apart from those
     * of other tales: "the old man" of two tales becomes "the old man (Momotaro)" and "the old man
     * (Kintaro)". Across parts, a name that is part of exactly one fuller name joins it ("Harker"
     * and "Mr. Harker" into "Jonathan Harker").
     */
    static CastIndex merge(List<CastIndex> parts, int limit, List<String> tales) {
        Map<String, Integer> partsWithName = new HashMap<>();
        for (CastIndex part : parts) {
            for (Member m : part.members) {
                partsWithName.merge(m.name.toLowerCase(Locale.ROOT), 1, Integer::sum);
            }
        }
        List<CastIndex> renamed = new ArrayList<>(parts.size());
        for (int i = 0; i < parts.size(); i++) {
            List<Member> ms = new ArrayList<>();
            for (Member m : parts.get(i).members) {
                // a lower-case name is a common noun; a script without case (Japanese) has no such names
                boolean common = m.name.equals(m.name.toLowerCase(Locale.ROOT)) && !m.name.equals(m.name.toUpperCase(Locale.ROOT));
                // a title for a name ("Sea King", "the Princess") is another person in another tale too;
                // such a person keeps the aliases the tale gives them ("Ryn Jin"), an alias names one person
                boolean title = dev.tsuzuku.text.Vocabulary.isTitleName(m.name);
                if (tales != null && (common || title) && partsWithName.get(m.name.toLowerCase(Locale.ROOT)) > 1
                        && tales.get(i) != null && !tales.get(i).isBlank()) {
                    m = new Member(m.name + " (" + tales.get(i) + ")", title ? m.aliases : List.of(), m.gender, m.animal,
                            m.mentions, m.spokenLines, m.colours);
                }
                ms.add(m);
            }
            renamed.add(new CastIndex(ms));
        }
        parts = renamed;
        Map<String, List<Member>> byName = new LinkedHashMap<>();
        for (CastIndex part : parts) {
            for (Member m : part.members) {
                byName.computeIfAbsent(m.name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(m);
            }
        }
        Map<String, String> joinedInto = joinShortForms(byName, tales != null);
        Map<String, Member> merged = new LinkedHashMap<>();
        for (Map.Entry<String, List<Member>> e : byName.entrySet()) {
            merged.put(e.getKey(), combine(e.getValue()));
        }
        Set<String> keep = new LinkedHashSet<>();
        for (CastIndex part : parts) {
            if (!part.members.isEmpty() && keep.size() < limit) {
                String k = part.members.get(0).name.toLowerCase(Locale.ROOT);
                keep.add(joinedInto.getOrDefault(k, k));
            }
        }
        if (tales != null) { // each tale keeps the people it is about, not only its lead
            for (CastIndex part : parts) {
                part.members.stream().skip(1).limit(TALE_PEOPLE - 1).filter(m -> m.score() >= TALE_PRESENCE).forEach(m -> {
                    String k = m.name.toLowerCase(Locale.ROOT);
                    keep.add(joinedInto.getOrDefault(k, k));
                });
            }
        }
        int most = Math.max(limit, keep.size());
        merged.values().stream().sorted(RANKING)
                .forEach(m -> {
                    if (keep.size() < most) {
                        keep.add(m.name.toLowerCase(Locale.ROOT));
                    }
                });
        List<Member> out = new ArrayList<>();
        for (String k : keep) {
            out.add(merged.get(k));
        }
        out.sort(RANKING);
        return new CastIndex(dedupeAliases(out));
    }

    /**
     * "Harker" (or "Mr. Harker") found in one chapter and "Jonathan Harker" in another are one
     * person when the short form's words are inside exactly one fuller name of the book; the
     * short form's members move under the fuller name (kept as an alias). In a collection the
     * same is done only for a name without a title, so one tale's "the King" stays its own.
     */
    private static Map<String, String> joinShortForms(Map<String, List<Member>> byName, boolean collection) {
        Map<String, String> joined = new HashMap<>();
        for (String shortKey : new ArrayList<>(byName.keySet())) {
            List<Member> shortMembers = byName.get(shortKey);
            if (isCommon(shortMembers)) {
                continue;
            }
            List<String> tokens = untitled(shortKey);
            if (tokens.isEmpty() || collection && tokens.size() < shortKey.split(" ").length) {
                continue;
            }
            String into = null;
            int found = 0;
            for (Map.Entry<String, List<Member>> e : byName.entrySet()) {
                // one tale's "Dragon King (Hidesato)" makes "Dragon" ambiguous, but nobody joins it
                String base = Casting.base(e.getValue().get(0).name);
                if (e.getKey().equals(shortKey) || base.equals(base.toLowerCase(Locale.ROOT))) {
                    continue;
                }
                List<String> lt = untitled(base.toLowerCase(Locale.ROOT));
                if (lt.size() > tokens.size() && lt.containsAll(tokens)) {
                    found++;
                    into = e.getKey();
                }
            }
            if (found == 1 && !isCommon(byName.get(into))) {
                List<Member> target = byName.get(into);
                String name = target.get(0).name;
                for (Member m : shortMembers) {
                    List<String> aliases = new ArrayList<>(m.aliases);
                    aliases.add(0, m.name);
                    target.add(new Member(name, aliases, m.gender, m.animal, m.mentions, m.spokenLines, m.colours));
                }
                byName.remove(shortKey);
                joined.put(shortKey, into);
                String target2 = into;
                joined.replaceAll((k, v) -> v.equals(shortKey) ? target2 : v);
            }
        }
        return joined;
    }

    /** A common noun ("the old man"), or a person of one tale ("Sea King (Urashima Taro)"): no short form joins it. */
    private static boolean isCommon(List<Member> ms) {
        String n = ms.get(0).name;
        int open = n.indexOf(" (");
        String base = open > 0 ? n.substring(0, open) : n;
        return open > 0 || base.equals(base.toLowerCase(Locale.ROOT));
    }

    private static List<String> untitled(String key) {
        List<String> tokens = new ArrayList<>();
        for (String t : key.replace(".", "").split(" ")) {
            if (!t.isBlank()) {
                tokens.add(t);
            }
        }
        while (tokens.size() > 1 && dev.tsuzuku.text.Vocabulary.TITLES.contains(tokens.get(0))) {
            tokens.remove(0);
        }
        return tokens;
    }

    static final Comparator<Member> RANKING = Comparator.comparingInt(Member::score).reversed()
            .thenComparingInt(m -> m.mentions.isEmpty() ? Integer.MAX_VALUE : m.mentions.get(0));

    private static Member combine(List<Member> same) {
        if (same.size() == 1) {
            return same.get(0);
        }
        Set<String> aliases = new LinkedHashSet<>();
        List<Integer> mentions = new ArrayList<>();
        int spoken = 0;
        int female = 0;
        int male = 0;
        Map<String, String> colours = new HashMap<>();
        for (Member m : same) {
            aliases.addAll(m.aliases);
            mentions.addAll(m.mentions);
            spoken += m.spokenLines;
            female += m.gender == Gender.FEMALE ? m.mentions.size() : 0;
            male += m.gender == Gender.MALE ? m.mentions.size() : 0;
            m.colours.forEach(colours::putIfAbsent);
        }
        mentions.sort(null);
        Gender g = female > male ? Gender.FEMALE : male > female ? Gender.MALE : Gender.UNKNOWN;
        return new Member(same.get(0).name, new ArrayList<>(aliases), g, same.get(0).animal, mentions, spoken, colours);
    }

    /** An alias may point at one member only; the better-ranked member keeps it. */
    private static List<Member> dedupeAliases(List<Member> ranked) {
        Set<String> taken = new LinkedHashSet<>();
        for (Member m : ranked) {
            taken.add(m.name.toLowerCase(Locale.ROOT));
        }
        List<Member> out = new ArrayList<>();
        for (Member m : ranked) {
            List<String> aliases = new ArrayList<>();
            for (String a : m.aliases) {
                if (taken.add(a.toLowerCase(Locale.ROOT))) {
                    aliases.add(a);
                }
            }
            out.add(new Member(m.name, aliases, m.gender, m.animal, m.mentions, m.spokenLines, m.colours));
        }
        return out;
    }

    /** Ranked by presence, best first. */
    public List<Member> members() {
        return members;
    }

    public Optional<Member> find(String nameOrAlias) {
        return members.stream().filter(m -> m.answersTo(nameOrAlias)).findFirst();
    }

    /** The members mentioned inside a span, most mentioned there first. */
    public List<Member> presentIn(SourceSpan span) {
        List<Member> out = new ArrayList<>();
        for (Member m : members) {
            if (m.mentionsIn(span) > 0) {
                out.add(m);
            }
        }
        out.sort(Comparator.comparingInt((Member m) -> m.mentionsIn(span)).reversed());
        return out;
    }
}
