package dev.tsuzuku.story;

import dev.tsuzuku.model.Line;
import dev.tsuzuku.model.LineKind;
import dev.tsuzuku.story.OfflineWriter.Candidate;
import dev.tsuzuku.text.CastNames;
import dev.tsuzuku.text.Cjk;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An unnamed speaker who is then named is that character: when "the man" says "I am the Dragon
 * King of the Lake", every line of "the man" in that tale is the Dragon King's, before and after.
 * Only a speaker known by a common noun ("the man", "the stranger") is renamed, and only within
 * the chapter (tale) where they name themselves.
 */
final class SpeakerNaming {
    private static final Pattern SELF = Pattern.compile(
            "\\b(?:I am|I'm|my name is|I am called|they call me)\\s+(?:the\\s+)?([A-Z][\\w'-]*(?:\\s+[\\w'-]+){0,5})");

    private SpeakerNaming() {}

    /** The pool with self-named speakers renamed; {@code chapterOfSegment[s]} is the tale of segment s. */
    static List<Candidate> apply(List<Candidate> pool, CastNames cast, int[] chapterOfSegment) {
        return apply(pool, cast, chapterOfSegment, null);
    }

    /**
     * As above; a Japanese stranger (女の人, 男) is also named by the first line of the tale that
     * names its speaker (私はこの山の鈴守。) when that one has not spoken before, whoever the line
     * was given to; a stranger nobody names and the bible does not list is read by the narrator.
     */
    static List<Candidate> apply(List<Candidate> pool, CastNames cast, int[] chapterOfSegment, String narrator) {
        Map<String, String> renames = new HashMap<>();
        java.util.Set<String> spoke = new java.util.HashSet<>();
        Map<Integer, String> strangerOf = new HashMap<>();
        for (Candidate c : pool) {
            Line l = c.line();
            if (l.kind() != LineKind.DIALOGUE) {
                continue;
            }
            int chapter = chapterOfSegment[c.segment()];
            boolean stranger = OfflineWriter.STRANGERS.contains(l.speaker()) && cast.resolve(l.speaker()) == null;
            String named = unnamed(l.speaker()) || stranger ? selfNamed(l.text(), cast) : null;
            String who = l.speaker();
            if (named == null && strangerOf.containsKey(chapter) && Cjk.has(l.text())) {
                // 「私はこの山の鈴守。」 was given to 鈴守 already: the stranger of the tale is the one named
                named = OfflineWriter.selfNamed(l.text(), cast);
                who = strangerOf.get(chapter);
            }
            // One who has already spoken in this tale is not the stranger introducing himself: the
            // line was given to the wrong speaker ("My name is Urashima Taro" said to a villager).
            if (named != null && !named.equals(who) && !spoke.contains(chapter + "|" + named)) {
                renames.putIfAbsent(chapter + "|" + who, named);
                strangerOf.remove(chapter);
            }
            if (stranger && !renames.containsKey(chapter + "|" + l.speaker())) {
                strangerOf.put(chapter, l.speaker());
            }
            spoke.add(chapter + "|" + l.speaker());
        }
        boolean strangers = pool.stream().anyMatch(c -> c.line().kind() == LineKind.DIALOGUE
                && OfflineWriter.STRANGERS.contains(c.line().speaker()) && cast.resolve(c.line().speaker()) == null);
        if (renames.isEmpty() && !strangers) {
            return pool;
        }
        List<Candidate> out = new ArrayList<>(pool.size());
        for (Candidate c : pool) {
            Line l = c.line();
            String to = l.kind() == LineKind.DIALOGUE ? renames.get(chapterOfSegment[c.segment()] + "|" + l.speaker()) : null;
            if (to == null && l.kind() == LineKind.DIALOGUE && OfflineWriter.STRANGERS.contains(l.speaker())
                    && cast.resolve(l.speaker()) == null) {
                // nobody named them and the bible has no such person: the narrator reads the line, as before
                out.add(new Candidate(new Line(LineKind.NARRATION, narrator, l.text(), l.seconds()), c.segment(), c.position(),
                        c.value()));
                continue;
            }
            out.add(to == null ? c
                    : new Candidate(new Line(l.kind(), to, l.text(), l.seconds()), c.segment(), c.position(), c.value()));
        }
        return out;
    }

    /** A speaker known only by a common noun: "the man", "the old woman", "a stranger". */
    static boolean unnamed(String speaker) {
        if (speaker == null) {
            return false;
        }
        String s = speaker.trim();
        return (s.startsWith("the ") || s.startsWith("a ")) && s.equals(s.toLowerCase(Locale.ROOT));
    }

    /** The cast member a line names as its speaker ("I am the Dragon King of the Lake"), or null. */
    static String selfNamed(String text, CastNames cast) {
        if (Cjk.has(text)) {
            String ja = OfflineWriter.selfNamed(text, cast);
            if (ja != null) {
                return ja;
            }
        }
        Matcher ja = Cjk.SELF.matcher(text);
        while (ja.find()) {
            String r = cast.resolve(ja.group(1));
            if (r != null) {
                return r;
            }
        }
        Matcher m = SELF.matcher(text);
        while (m.find()) {
            String[] words = m.group(1).split("\\s+");
            for (int j = words.length; j > 0; j--) {
                String candidate = String.join(" ", java.util.Arrays.copyOf(words, j)).replaceAll("[^\\w' -]+$", "");
                String r = cast.resolve(candidate);
                if (r != null && !unnamed(r)) {
                    return r;
                }
            }
        }
        return null;
    }
}
