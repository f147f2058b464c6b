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
    public static final int PER_BOOK = 40;

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
        return new CastIndex(CastScanner.scan(source.text(), chapter.span().startChar(), chapter.span().endChar(), PER_CHAPTER));
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
        Map<String, List<Member>> byName = new LinkedHashMap<>();
        for (CastIndex part : parts) {
            for (Member m : part.members) {
                byName.computeIfAbsent(m.name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(m);
            }
        }
        Map<String, Member> merged = new LinkedHashMap<>();
        for (Map.Entry<String, List<Member>> e : byName.entrySet()) {
            merged.put(e.getKey(), combine(e.getValue()));
        }
        Set<String> keep = new LinkedHashSet<>();
        for (CastIndex part : parts) {
            if (!part.members.isEmpty() && keep.size() < limit) {
                keep.add(part.members.get(0).name.toLowerCase(Locale.ROOT));
            }
        }
        merged.values().stream().sorted(RANKING)
                .forEach(m -> {
                    if (keep.size() < limit) {
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
