package dev.tsuzuku.ingest;

import dev.tsuzuku.ingest.CastIndex.Gender;
import dev.tsuzuku.ingest.CastIndex.Member;
import dev.tsuzuku.model.Colors;
import dev.tsuzuku.text.Vocabulary;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** What the text says about a merged group of names: which is the name, the aliases, sex, kind and colours. */
final class CastProfile {
    private static final Pattern COLOUR_NEAR;
    private static final Pattern HE = Pattern.compile("\\b(he|him|his|himself)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern SHE = Pattern.compile("\\b(she|her|hers|herself)\\b", Pattern.CASE_INSENSITIVE);

    static {
        String colours = Colors.names().keySet().stream()
                .filter(c -> !List.of("light", "medium", "dark", "fair", "sky", "sand", "rose", "wine", "peach", "cream", "mint", "tan").contains(c))
                .collect(Collectors.joining("|"));
        COLOUR_NEAR = Pattern.compile("\\b((?:dark|light|pale|deep|bright) )?(" + colours + ")\\s+(?:[a-z]+\\s+)?"
                + "(hair|locks|tresses|eyes|robe|robes|kimono|dress|garments?|clothes|coat|cloak|hakama|armou?r|fur|feathers|plumage|scales|shell|skin|face)\\b");
    }

    private final String text;
    private final int from;
    private final int to;

    CastProfile(String text, int from, int to) {
        this.text = text;
        this.from = from;
        this.to = to;
    }

    /** The cast member a merged group names: the lead's name, the others as aliases, sex, kind and colours. */
    Member member(List<CastCandidate> group) {
        CastCandidate lead = group.get(0);
        String name = lead.display();
        List<String> aliases = new ArrayList<>();
        List<Integer> mentions = new ArrayList<>();
        int spoken = 0;
        boolean animal = false;
        for (CastCandidate c : group) {
            for (String form : c.forms.keySet()) {
                if (!form.equalsIgnoreCase(name) && aliases.stream().noneMatch(form::equalsIgnoreCase)) {
                    aliases.add(form);
                }
            }
            for (int[] s : c.spans) {
                mentions.add(s[0]);
            }
            spoken += c.spoken;
            animal |= c.role && Vocabulary.ANIMALS.stream().anyMatch(a -> c.key.endsWith(" " + a));
        }
        mentions.sort(null);
        return new Member(name, aliases, gender(group), animal, mentions, spoken, colours(group));
    }

    private Gender gender(List<CastCandidate> group) {
        Gender named = JapaneseNames.gender(group.get(0).key);
        if (named != Gender.UNKNOWN) {
            return named;
        }
        int female = 0;
        int male = 0;
        for (CastCandidate c : group) {
            for (String w : c.key.split(" ")) {
                if (Vocabulary.FEMALE_WORDS.contains(w)) {
                    female += 100;
                } else if (Vocabulary.MALE_WORDS.contains(w)) {
                    male += 100;
                }
            }
            for (int[] s : c.spans) {
                int end = Math.min(to, s[1] + 120);
                female += count(SHE, s[1], end);
                male += count(HE, s[1], end);
            }
        }
        if (female > male * 1.3) {
            return Gender.FEMALE;
        }
        return male > female * 1.3 ? Gender.MALE : Gender.UNKNOWN;
    }

    private Map<String, String> colours(List<CastCandidate> group) {
        Map<String, Map<String, Integer>> votes = new HashMap<>();
        for (CastCandidate c : group) {
            for (int[] s : c.spans) {
                Matcher m = COLOUR_NEAR.matcher(text).region(Math.max(from, s[0] - 60), Math.min(to, s[1] + 100));
                while (m.find()) {
                    String colour = (m.group(1) == null ? "" : m.group(1)) + m.group(2);
                    String slot = switch (m.group(3)) {
                        case "hair", "locks", "tresses", "fur", "feathers", "plumage", "scales", "shell" -> "hair";
                        case "eyes" -> "eyes";
                        case "skin", "face" -> "skin";
                        default -> "outfit";
                    };
                    votes.computeIfAbsent(slot, k -> new HashMap<>()).merge(colour.toLowerCase(Locale.ROOT), 1, Integer::sum);
                }
            }
        }
        Map<String, String> out = new HashMap<>();
        votes.forEach((slot, v) -> v.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey()))
                .ifPresent(best -> out.put(slot, best.getKey())));
        return out;
    }

    private int count(Pattern p, int start, int end) {
        Matcher m = p.matcher(text).region(start, end);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
