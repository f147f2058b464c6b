package dev.tsuzuku.workspace;

import dev.tsuzuku.model.ArtStyle;
import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.Character;
import dev.tsuzuku.model.Colors;
import dev.tsuzuku.model.DropSchedule;
import dev.tsuzuku.model.Generation;
import dev.tsuzuku.model.Look;
import dev.tsuzuku.model.Monetization;
import dev.tsuzuku.model.Place;
import dev.tsuzuku.model.Setting;
import dev.tsuzuku.model.Problem;
import dev.tsuzuku.model.Routing;
import dev.tsuzuku.model.VoiceSpec;
import dev.tsuzuku.workspace.YamlSections.Child;
import dev.tsuzuku.workspace.YamlSections.Section;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The rules of {@code series.yaml}: which sections and keys a bible has, their defaults and
 * allowed values. Reads the composed node tree through {@link YamlSections} (which knows lines,
 * columns and paths, nothing of bibles) into a {@link Bible}. Never stops at the first problem:
 * a broken section yields a placeholder so the rest is still checked.
 */
final class BibleSchema {
    static final List<String> TOP_KEYS = List.of("id", "title", "logline", "language", "genre", "style", "cast",
            "places", "episodeSeconds", "schedule", "monetization", "routing", "generation", "setting");
    static final List<String> SETTING_KEYS = List.of("era", "period", "region", "world");
    static final List<String> STYLE_KEYS = List.of("preset", "notes");
    static final List<String> CHARACTER_KEYS = List.of("name", "aliases", "role", "look", "voice");
    static final List<String> LOOK_KEYS = List.of("hair", "eyes", "outfit", "skin", "silhouette");
    static final List<String> VOICE_KEYS = List.of("voice", "pitch", "wordsPerMinute");
    static final List<String> PLACE_KEYS = List.of("name", "kind", "description");
    static final List<String> SCHEDULE_KEYS = List.of("time", "zone", "skip", "buffer", "start");
    static final List<String> MONETIZATION_KEYS = List.of("freeEpisodes", "coinsPerEpisode");
    static final List<String> ROUTING_KEYS = List.of("writer", "llmBaseUrl", "llmModel", "llmApiKeyEnv", "video",
            "voice", "budgetPerEpisode", "currency", "llmTimeoutSeconds", "llmDeadlineSeconds",
            "llmContextTokens");
    /** The smallest context the LLM writers' room can read a book in (story.LlmRoom checks the same). */
    static final int MIN_CONTEXT_TOKENS = 1024;
    static final List<String> ROLES = List.of("lead", "supporting", "minor", "narrator");
    static final List<String> PLACE_KINDS = List.of("interior", "exterior");
    static final List<String> WRITERS = List.of("offline", "llm");
    static final List<String> VIDEO_PROVIDERS = List.of("animatic", "seedance", "kling", "runway", "hailuo", "veo",
            "fal", "replicate");
    static final List<String> VOICE_PROVIDERS = List.of("offline", "openai", "elevenlabs");

    private static final String SLUG = "[a-z0-9]+(-[a-z0-9]+)*";
    private static final String LANGUAGE = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})*";
    private static final String ENV_NAME = "[A-Za-z_][A-Za-z0-9_]*";
    private static final String COLOUR_FIX = "use a colour name (blue, navy, …) or #RRGGBB";

    private final YamlSections yaml;
    /** The generation section as last read by {@link #bible} (kept out of the Bible record, so bibles hash as before). */
    Generation generation = Generation.ANIMATIC_ONLY;

    BibleSchema(String file) {
        this.yaml = new YamlSections(file);
    }

    List<Problem> problems() {
        return yaml.problems();
    }

    private void problem(Node at, String path, String message, String fix) {
        yaml.problem(at, path, message, fix);
    }

    private Section section(Node node, String path, List<String> keys) {
        return yaml.section(node, path, keys);
    }

    Bible bible(Node root) {
        Section top = section(root, "", TOP_KEYS);
        if (top == null) {
            return null;
        }
        String id = top.text("id", null, true);
        if (id != null && !id.matches(SLUG)) {
            top.problemAt("id", "'" + id + "' is not a slug",
                    "use lowercase letters, digits and dashes, like " + slugOf(id));
        }
        String title = top.text("title", null, true);
        String logline = top.text("logline", "", false);
        String language = top.text("language", null, true);
        if (language != null && !language.matches(LANGUAGE)) {
            top.problemAt("language", "'" + language + "' is not a language code",
                    "use a code like en, ja, pt-BR");
        }
        String genre = top.text("genre", "", false);
        ArtStyle style = style(top.child("style"));
        List<Character> cast = cast(top);
        List<Place> places = places(top.child("places"));
        int episodeSeconds = top.whole("episodeSeconds", BibleFile.DEFAULT_EPISODE_SECONDS, 60, 300,
                "use a target length between 60 and 300 seconds (150 is the house default)");
        DropSchedule schedule = schedule(top.child("schedule"));
        Monetization monetization = monetization(top.child("monetization"));
        Routing routing = routing(top.child("routing"), language);
        generation = new GenerationSchema(yaml).generation(top.child("generation"));
        Setting setting = setting(top.child("setting"));
        return new Bible(id, title, logline, language == null ? "en" : language, genre, style, cast, places,
                episodeSeconds, schedule, monetization, routing, setting);
    }

    private ArtStyle style(Child c) {
        ArtStyle d = BibleFile.DEFAULT_STYLE;
        Section s = c.section(STYLE_KEYS);
        if (s == null) {
            return d;
        }
        String preset = s.choice("preset", d.preset(), ArtStylePresets.names(), "a style preset");
        return new ArtStyle(preset, s.text("notes", "", false));
    }

    /** Optional: a bible written before settings existed has none, and nothing is assumed. */
    private Setting setting(Child c) {
        Section s = c.section(SETTING_KEYS);
        if (s == null) {
            return Setting.UNSPECIFIED;
        }
        String era = s.choice("era", "unspecified", Setting.ERAS, "an era");
        return new Setting(era, s.text("period", "", false), s.text("region", "", false), s.text("world", "", false));
    }

    private List<Character> cast(Section top) {
        Child c = top.child("cast");
        if (c.node == null && c.present) {
            problem(c.key, c.path, "is empty", "list at least one character under it: '  - name: …' and '    role: lead'");
            return List.of();
        }
        if (c.node == null) {
            top.missing("cast", "add a cast list with at least one character: cast: [{name: …, role: lead}]");
            return List.of();
        }
        List<Character> cast = new ArrayList<>();
        List<Node> items = c.list("write one '- name: …' entry per character");
        if (items == null) {
            return cast;
        }
        if (items.isEmpty()) {
            problem(c.node, c.path, "the cast is empty", "add at least one character with a name and a role");
        }
        Map<String, String> taken = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            String path = c.path + "[" + i + "]";
            Section s = section(items.get(i), path, CHARACTER_KEYS);
            if (s == null) {
                continue;
            }
            String name = s.text("name", null, true);
            List<String> aliases = s.texts("aliases");
            String role = s.choice("role", "supporting", ROLES, "a role");
            Look look = look(s.child("look"));
            VoiceSpec voice = voice(s.child("voice"));
            if (name != null) {
                claim(taken, name, path, s, "name", "give each character a unique name; put other names in aliases");
            }
            for (int a = 0; a < aliases.size(); a++) {
                claim(taken, aliases.get(a), path, s, "aliases",
                        "an alias must point at one character only; remove it or rename it");
            }
            cast.add(new Character(name, aliases, Character.Role.valueOf(role.toUpperCase(Locale.ROOT)), look, voice));
        }
        return cast;
    }

    /** Names and aliases must each point at one character, or dialogue attribution is ambiguous. */
    private void claim(Map<String, String> taken, String word, String path, Section s, String key, String fix) {
        String k = word.toLowerCase(Locale.ROOT);
        String owner = taken.get(k);
        if (owner != null && !owner.equals(path)) {
            s.problemAt(key, "'" + word + "' is already used by " + owner, fix);
        } else {
            taken.put(k, path);
        }
    }

    private Look look(Child c) {
        Look d = BibleFile.DEFAULT_LOOK;
        Section s = c.section(LOOK_KEYS);
        if (s == null) {
            return d;
        }
        return new Look(colour(s, "hair", d.hair()), colour(s, "eyes", d.eyes()), colour(s, "outfit", d.outfit()),
                colour(s, "skin", d.skin()), s.text("silhouette", d.silhouette(), false));
    }

    private VoiceSpec voice(Child c) {
        VoiceSpec d = BibleFile.DEFAULT_VOICE;
        Section s = c.section(VOICE_KEYS);
        if (s == null) {
            return d;
        }
        String voice = s.text("voice", d.voice(), false);
        java.util.Optional<String> badVoice = voice == null ? java.util.Optional.empty() : VoiceIds.problem(voice);
        if (badVoice.isPresent()) {
            s.problemAt("voice", badVoice.get(),
                    "use an espeak-ng voice id like en-us, en-us+f3, en-gb+m3 or ja (list them with: espeak-ng --voices)");
            voice = d.voice();
        }
        int pitch = s.whole("pitch", d.pitch(), 0, 99, "use a pitch between 0 and 99 (50 is neutral)");
        int wpm = s.whole("wordsPerMinute", d.wordsPerMinute(), 80, 400,
                "use a speaking rate between 80 and 400 words per minute (about 160 is natural)");
        return new VoiceSpec(voice, pitch, wpm);
    }

    private List<Place> places(Child c) {
        List<Place> places = new ArrayList<>();
        if (c.node == null) {
            return places;
        }
        List<Node> items = c.list("write one '- name: …' entry per place");
        if (items == null) {
            return places;
        }
        Map<String, String> taken = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            String path = c.path + "[" + i + "]";
            Section s = section(items.get(i), path, PLACE_KEYS);
            if (s == null) {
                continue;
            }
            String name = s.text("name", null, true);
            String kind = s.choice("kind", "exterior", PLACE_KINDS, "a kind of place");
            String description = s.text("description", "", false);
            if (name != null) {
                claim(taken, name, path, s, "name", "give each place a unique name");
            }
            places.add(new Place(name, kind, description));
        }
        return places;
    }

    private DropSchedule schedule(Child c) {
        DropSchedule d = BibleFile.DEFAULT_SCHEDULE;
        Section s = c.section(SCHEDULE_KEYS);
        if (s == null) {
            return d;
        }
        LocalTime time = d.time();
        String t = s.text("time", null, false);
        if (t != null) {
            if (t.matches("\\d{2}:\\d{2}") && Integer.parseInt(t.substring(0, 2)) < 24
                    && Integer.parseInt(t.substring(3)) < 60) {
                time = LocalTime.of(Integer.parseInt(t.substring(0, 2)), Integer.parseInt(t.substring(3)));
            } else {
                s.problemAt("time", "'" + t + "' is not a time of day as HH:MM",
                        "write a 24-hour time in quotes, like \"18:00\"");
            }
        }
        ZoneId zone = d.zone();
        String z = s.text("zone", null, false);
        if (z != null) {
            try {
                zone = ZoneId.of(z);
            } catch (DateTimeException e) {
                s.problemAt("zone", "'" + z + "' is not a known time zone",
                        YamlSections.suggest(z, ZoneId.getAvailableZoneIds()) + "use a region like Asia/Tokyo, Europe/Paris or UTC");
            }
        }
        List<DayOfWeek> skipDays = new ArrayList<>();
        List<LocalDate> skipDates = new ArrayList<>();
        skips(s.child("skip"), skipDays, skipDates);
        Integer buffer = optionalWhole(s, "buffer", 0, 365,
                "use how many finished episodes to keep ahead of the drops, 0–365 (leave it out for the default, "
                        + DropSchedule.DEFAULT_BUFFER + ")");
        LocalDate start = null;
        String st = s.text("start", null, false);
        if (st != null) {
            try {
                start = LocalDate.parse(st.strip());
            } catch (DateTimeParseException e) {
                s.problemAt("start", "'" + st + "' is not a date as YYYY-MM-DD",
                        "write the day of the first drop, like 2026-12-01 (leave it out to start after the series was made)");
            }
        }
        return new DropSchedule(time, zone, skipDays, skipDates, buffer, start);
    }

    /** {@code skip: [sunday, 2026-12-25]}: weekdays (every week) and dates (once) without a drop. */
    private void skips(Child c, List<DayOfWeek> days, List<LocalDate> dates) {
        if (c.node == null) {
            return;
        }
        List<Node> items = c.list("write a list of weekdays and dates, like [sunday, 2026-12-25]");
        if (items == null) {
            return;
        }
        List<String> weekdays = java.util.Arrays.stream(DayOfWeek.values())
                .map(d -> d.name().toLowerCase(Locale.ROOT)).toList();
        for (int i = 0; i < items.size(); i++) {
            Node n = items.get(i);
            String path = c.path + "[" + i + "]";
            String v = n instanceof org.yaml.snakeyaml.nodes.ScalarNode sc ? sc.getValue().strip() : null;
            String fix = "write a weekday (monday … sunday) or a date as YYYY-MM-DD, like 2026-12-25";
            if (v == null || v.isEmpty()) {
                problem(n, path, "expected a weekday or a date, got " + (v == null ? YamlSections.kindOf(n) : "nothing"), fix);
                continue;
            }
            String lower = v.toLowerCase(Locale.ROOT);
            if (weekdays.contains(lower)) {
                DayOfWeek d = DayOfWeek.valueOf(lower.toUpperCase(Locale.ROOT));
                if (!days.contains(d)) {
                    days.add(d);
                }
                continue;
            }
            try {
                LocalDate d = LocalDate.parse(v);
                if (!dates.contains(d)) {
                    dates.add(d);
                }
            } catch (DateTimeParseException e) {
                problem(n, path, "'" + v + "' is neither a weekday nor a date", YamlSections.suggest(lower, weekdays) + fix);
            }
        }
        if (days.size() == DayOfWeek.values().length) {
            problem(c.node, c.path, "skips every day of the week, so nothing would ever drop",
                    "keep at least one weekday out of skip");
        }
    }

    private Monetization monetization(Child c) {
        Monetization d = BibleFile.DEFAULT_MONETIZATION;
        Section s = c.section(MONETIZATION_KEYS);
        if (s == null) {
            return d;
        }
        return new Monetization(
                s.whole("freeEpisodes", d.freeEpisodes(), 0, 10_000, "use 0 or more (0 = every episode costs coins)"),
                s.whole("coinsPerEpisode", d.coinsPerEpisode(), 0, 100_000, "use 0 or more coins (60 is the house default)"));
    }

    private Routing routing(Child c, String language) {
        Routing d = BibleFile.DEFAULT_ROUTING;
        Section s = c.section(ROUTING_KEYS);
        if (s == null) {
            return d;
        }
        String writer = s.choice("writer", d.writer(), WRITERS, "a writer");
        String baseUrl = s.text("llmBaseUrl", d.llmBaseUrl(), false);
        if (!isHttpUrl(baseUrl)) {
            s.problemAt("llmBaseUrl", "'" + baseUrl + "' is not an http(s) URL",
                    "use the endpoint's base URL, like http://localhost:11434/v1");
        }
        String model = s.text("llmModel", d.llmModel(), false);
        String keyEnv = s.text("llmApiKeyEnv", d.llmApiKeyEnv(), false);
        if (!keyEnv.matches(ENV_NAME)) {
            s.problemAt("llmApiKeyEnv", "'" + keyEnv + "' is not an environment variable name",
                    "name the variable that holds the key (like TSUZUKU_LLM_API_KEY), never the key itself");
        }
        String video = s.choice("video", d.video(), VIDEO_PROVIDERS, "a video provider");
        String voice = s.choice("voice", d.voice(), VOICE_PROVIDERS, "a voice provider");
        double budget = s.decimal("budgetPerEpisode", d.budgetPerEpisode(), 0, 1_000_000,
                "use an amount of 0 or more in the series currency, like 20.0");
        String currency = s.text("currency", d.currency(), false);
        if (!isCurrency(currency)) {
            s.problemAt("currency", "'" + currency + "' is not a currency code", "use an ISO 4217 code like USD, EUR, JPY, CNY");
        }
        Integer timeout = optionalWhole(s, "llmTimeoutSeconds", 5, 3_600,
                "use the seconds one LLM request may take, 5–3600 (leave it out for the default, 60)");
        Integer deadline = optionalWhole(s, "llmDeadlineSeconds", 5, 86_400,
                "use the seconds all LLM attempts at one episode may take, 5–86400 (leave it out for the default, 180)");
        if (timeout != null && deadline != null && deadline < timeout) {
            s.problemAt("llmDeadlineSeconds", deadline + " is shorter than llmTimeoutSeconds (" + timeout + ")",
                    "give the episode at least the time of one request: llmDeadlineSeconds ≥ llmTimeoutSeconds");
        }
        Integer context = optionalWhole(s, "llmContextTokens", MIN_CONTEXT_TOKENS, 10_000_000,
                "use the model's context window in tokens, 1024 or more (leave it out for the default, 8192)");
        return new Routing(writer, baseUrl, model, keyEnv, video, voice, budget, currency, timeout, deadline, context);
    }

    /** A whole number, or null when the key is absent (the reader of the value has a default). */
    private static Integer optionalWhole(Section s, String key, int min, int max, String fix) {
        if (s.child(key).node == null) {
            return null;
        }
        int none = Integer.MIN_VALUE;
        int v = s.whole(key, none, min, max, fix);
        return v == none ? null : v;
    }

    private static String colour(Section s, String key, String fallback) {
        String v = s.text(key, fallback, false);
        if (v != null && Colors.rgb(v).isEmpty()) {
            s.problemAt(key, "'" + v + "' is not a colour", YamlSections.suggest(v, Colors.names().keySet()) + COLOUR_FIX);
            return fallback;
        }
        return v;
    }

    private static boolean isHttpUrl(String s) {
        try {
            URI u = new URI(s);
            return ("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean isCurrency(String s) {
        if (!s.matches("[A-Z]{3}")) {
            return false;
        }
        try {
            Currency.getInstance(s);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static String slugOf(String s) {
        String slug = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return slug.isEmpty() ? "my-series" : slug;
    }

}
