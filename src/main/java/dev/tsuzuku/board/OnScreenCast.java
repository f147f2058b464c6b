package dev.tsuzuku.board;

import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.Character;
import dev.tsuzuku.model.Line;
import dev.tsuzuku.model.LineKind;
import dev.tsuzuku.model.ShotCast;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Who is on screen: bible lookups, mentions, positions and expressions. */
final class OnScreenCast {
    private static final String[] POSITIONS = {"left", "right", "center"};

    private final Bible bible;

    OnScreenCast(Bible bible) {
        this.bible = bible;
    }

    String canonical(String name) {
        if (name == null) {
            return null;
        }
        return bible.character(name.trim()).map(Character::name).orElse(name.trim());
    }

    /**
     * How much longer than the house pace ({@link ShotTiming#WORDS_PER_SECOND}) this speaker's
     * voice takes: the voice speaks at its bible pace ({@code voice.wordsPerMinute}; a null or
     * unknown speaker is the narrator), so a 150-words-a-minute narrator takes 162 / 150 of the
     * estimate. Clamped to 0.6–1.6, the pace range the voices honour.
     */
    double pace(String speaker) {
        Optional<Character> c = speaker == null ? Optional.empty() : bible.character(speaker.trim())
                .filter(x -> x.voice() != null && x.voice().wordsPerMinute() > 0);
        if (c.isEmpty()) {
            c = bible.cast().stream().filter(x -> x.role() == Character.Role.NARRATOR && x.voice() != null
                    && x.voice().wordsPerMinute() > 0).findFirst();
        }
        if (c.isEmpty()) {
            return 1.0;
        }
        double house = ShotTiming.WORDS_PER_SECOND * 60;
        return Math.max(0.6, Math.min(1.6, house / c.get().voice().wordsPerMinute()));
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
            if (out.size() == Storyboarder.MAX_CAST) {
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
