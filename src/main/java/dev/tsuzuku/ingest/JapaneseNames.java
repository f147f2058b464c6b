package dev.tsuzuku.ingest;

import dev.tsuzuku.text.Cjk;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names in Japanese (and Chinese) prose, which has no capitals to find them by. A run of kanji
 * or katakana is a name candidate when the text treats it as a person: it takes an honorific
 * (太郎さん, 鈴守様), it is tagged as the speaker of a quote (「…」と花子が言いました), or it is
 * introduced as one (太郎という小僧). Every later use of the run counts as a mention.
 */
final class JapaneseNames {
    private static final String RUN = "[\\p{IsHan}\\p{IsKatakana}ー々]{2,6}";
    private static final Pattern HONORIFIC = Pattern.compile("(" + RUN + ")(ちゃん|さん|さま|様|殿|どの|くん|君)");
    private static final Pattern CALLED = Pattern.compile("(" + RUN + ")という(?:名の)?[\\p{IsHan}\\p{IsHiragana}]{0,3}"
            + "(?:小僧|少年|少女|男|女|娘|子|侍|若者|老人|僧|姫|王|人)");
    private static final Pattern TAGGED = Pattern.compile("[」』]と[、]?(" + RUN + ")(?:ちゃん|さん|さま|様|殿|どの|くん|君)?[はがも]");
    private static final Pattern SUBJECT_SPEAKS = Pattern.compile("(?:^|[。、　\\s」])(" + RUN + ")(?:ちゃん|さん|さま|様|殿|どの|くん|君)?[はが]"
            + "[^。「」]{0,12}?(?:言|尋|答|叫|つぶや|呟|笑|申|話|ささや)");
    /** Runs that take honorifics but are not people of the story. */
    private static final Set<String> NOT_NAMES = Set.of("皆", "皆様", "皆さん", "お客", "奥", "お前", "あなた", "自分", "神様");

    private JapaneseNames() {}

    /** Adds the candidates found in [from, to) of {@code text}, keyed by the name as written. */
    static void scan(String text, int from, int to, Map<String, CastCandidate> candidates, Map<Integer, CastCandidate> byOffset) {
        String part = text.substring(from, to);
        Map<String, Integer> evidence = new java.util.HashMap<>();
        Map<String, Integer> spoken = new java.util.HashMap<>();
        for (Pattern p : new Pattern[] {HONORIFIC, CALLED, TAGGED, SUBJECT_SPEAKS}) {
            Matcher m = p.matcher(part);
            while (m.find()) {
                String name = trim(m.group(1));
                if (name.length() < 2 || NOT_NAMES.contains(name)) {
                    continue;
                }
                evidence.merge(name, 1, Integer::sum);
                if (p == TAGGED || p == SUBJECT_SPEAKS) {
                    spoken.merge(name, 1, Integer::sum);
                }
                if (p == HONORIFIC) {
                    evidence.merge(m.group(1) + m.group(2), 1, Integer::sum);
                }
            }
        }
        for (Map.Entry<String, Integer> e : evidence.entrySet()) {
            String name = e.getKey();
            CastCandidate c = candidates.computeIfAbsent(name, k -> new CastCandidate(k, false));
            c.personEvidence += e.getValue();
            c.spoken += spoken.getOrDefault(name, 0);
            int at = part.indexOf(name);
            while (at >= 0) {
                int end = at + name.length();
                // 花子 inside 花子さん is counted by the longer form; a name inside a longer run is not this name.
                boolean inside = at > 0 && isNameChar(part.charAt(at - 1))
                        || end < part.length() && isNameChar(part.charAt(end)) && !Honorifics.SUFFIXES.stream()
                                .anyMatch(s -> part.startsWith(s, end) && !name.endsWith(s));
                boolean longer = Honorifics.strip(name).equals(name) && Honorifics.SUFFIXES.stream()
                        .anyMatch(s -> part.startsWith(s, end) && evidence.containsKey(name + s));
                if (!inside && !longer) {
                    c.forms.merge(name, 1, Integer::sum);
                    c.spans.add(new int[] {from + at, from + end});
                    c.nonInitial++;
                    byOffset.put(from + at, c);
                }
                at = part.indexOf(name, end);
            }
        }
    }

    /**
     * What a Japanese given name or role says of the person: 花子, 千代, 姫 are women; 太郎, 権三,
     * 和尚 are men. Unknown for anything else (and for non-Japanese names).
     */
    static CastIndex.Gender gender(String name) {
        String n = Honorifics.strip(name);
        if (n.isEmpty() || !Cjk.isCjk(n.charAt(n.length() - 1))) {
            return CastIndex.Gender.UNKNOWN;
        }
        if (n.matches(".*(子|美|江|代|枝|姫|娘|女|母|婆|妃|奈|恵|香)")) {
            return CastIndex.Gender.FEMALE;
        }
        if (n.matches(".*(郎|男|夫|助|蔵|衛門|吉|太|平|介|雄|彦|尚|王|爺|父|三|丸|僧|侍|兵衛)")) {
            return CastIndex.Gender.MALE;
        }
        return CastIndex.Gender.UNKNOWN;
    }

    /** A name run ends at kanji or katakana; a trailing の or particle is not part of it. */
    private static String trim(String run) {
        return run;
    }

    private static boolean isNameChar(char c) {
        if (!Cjk.isCjk(c)) {
            return false;
        }
        Character.UnicodeScript s = Character.UnicodeScript.of(c);
        return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.KATAKANA || c == 'ー' || c == '々';
    }
}
