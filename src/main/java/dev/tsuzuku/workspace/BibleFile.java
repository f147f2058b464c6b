package dev.tsuzuku.workspace;

import dev.tsuzuku.model.ArtStyle;
import dev.tsuzuku.model.BadInputException;
import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.Character;
import dev.tsuzuku.model.DropSchedule;
import dev.tsuzuku.model.Generation;
import dev.tsuzuku.model.Look;
import dev.tsuzuku.model.Monetization;
import dev.tsuzuku.model.Place;
import dev.tsuzuku.model.Problem;
import dev.tsuzuku.model.Routing;
import dev.tsuzuku.model.Setting;
import dev.tsuzuku.model.TsuzukuException;
import dev.tsuzuku.model.VoiceSpec;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads and writes {@code series.yaml}. Loading validates everything and reports all problems
 * at once with file, line and column (a {@link BadInputException}); {@link #render} writes a
 * commented file that {@link #load} reads back to an equal {@link Bible}.
 */
public final class BibleFile {
    public static final int DEFAULT_EPISODE_SECONDS = 150;
    public static final ArtStyle DEFAULT_STYLE = new ArtStyle(ArtStylePresets.DEFAULT, "");
    public static final Look DEFAULT_LOOK = new Look("black", "brown", "gray", "fair", "");
    public static final VoiceSpec DEFAULT_VOICE = new VoiceSpec("en", 50, 160);
    public static final DropSchedule DEFAULT_SCHEDULE = new DropSchedule(LocalTime.of(18, 0), ZoneId.of("UTC"));
    public static final Monetization DEFAULT_MONETIZATION = new Monetization(5, 60);
    public static final Routing DEFAULT_ROUTING = new Routing("offline", "http://localhost:11434/v1", "qwen2.5",
            "TSUZUKU_LLM_API_KEY", "animatic", "offline", 20.0, "USD");

    /** Larger files are refused unread; smaller ones are still held to {@link YamlText}'s limits. */
    static final long MAX_BYTES = 16L << 20;

    // Decides how SnakeYAML would read a plain scalar (yes, 1984, 2001-01-01 …); immutable once built.
    private static final org.yaml.snakeyaml.resolver.Resolver RESOLVER = new org.yaml.snakeyaml.resolver.Resolver();

    private BibleFile() {}

    /** A bible with the house defaults for every optional section (what {@code tsuzuku new} starts from). */
    public static Bible draft(String id, String title, String language, List<Character> cast) {
        return new Bible(id, title, "", language, "", DEFAULT_STYLE, cast, List.of(), DEFAULT_EPISODE_SECONDS,
                DEFAULT_SCHEDULE, DEFAULT_MONETIZATION, DEFAULT_ROUTING);
    }

    /** Loads and validates the bible; every problem found is in the one exception thrown. */
    public static Bible load(Path file) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        String text;
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new BadInputException(name, "is not a regular file (a folder, named pipe or device)",
                    "put the bible in a plain file named series.yaml");
        }
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new BadInputException(name, String.format(Locale.ROOT,
                        "the file is %.1f MB; a bible is a few kilobytes (the limit is %d MB)", size / 1048576.0,
                        MAX_BYTES >> 20), "restore series.yaml from a backup, or draft one again with: tsuzuku new DIR --from SOURCE.txt");
            }
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new BadInputException(name, "file not found at " + file,
                    "run tsuzuku in the series folder, or draft a bible with: tsuzuku new DIR --from SOURCE.txt");
        } catch (CharacterCodingException e) {
            throw new BadInputException(name, "not UTF-8 text", "save the file as UTF-8");
        } catch (IOException e) {
            throw new TsuzukuException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return parse(name, text);
    }

    /**
     * The {@code generation:} section of the bible file ({@link Generation#ANIMATIC_ONLY} when
     * absent), validated with the rest of the file: any problem anywhere is a BadInputException.
     */
    public static Generation generation(Path file) {
        load(file);
        try {
            String text = Files.readString(file);
            return schema(file.getFileName().toString(), text).generation;
        } catch (IOException e) {
            throw new TsuzukuException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Validates bible text; {@code name} is the file name used in messages. */
    public static Bible parse(String name, String text) {
        return schema(name, text).bible;
    }

    private record Read(Bible bible, Generation generation) {}

    private static Read schema(String name, String text) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        Node root = YamlText.compose(name, text);
        if (root == null || root instanceof ScalarNode s && s.getTag().equals(Tag.NULL)) {
            throw new BadInputException(new Problem(name, 1, 1, "the file is empty",
                    "write the bible (id, title, language, cast), or draft one with: tsuzuku new DIR --from SOURCE.txt"));
        }
        BibleSchema reader = new BibleSchema(name);
        Bible bible = reader.bible(root);
        if (!reader.problems().isEmpty()) {
            throw new BadInputException(reader.problems());
        }
        return new Read(bible, reader.generation);
    }

    /** The YAML text of a bible, with comments that help the showrunner edit it. */
    public static String render(Bible bible) {
        StringBuilder y = new StringBuilder();
        y.append("# Series bible. Tsuzuku reads it before every stage and names the line of anything it cannot use.\n");
        y.append("# Text with ': ', ' #', commas or brackets needs \"double quotes\".\n\n");
        field(y, "id", scalar(bible.id()), "slug used in URLs and manifests (lowercase, digits, dashes)");
        field(y, "title", scalar(bible.title()), null);
        field(y, "logline", scalar(bible.logline()), "one sentence that sells the series");
        field(y, "language", scalar(bible.language()), "language code of the episodes: en, ja, pt-BR …");
        field(y, "genre", scalar(bible.genre()), null);

        ArtStyle style = Objects.requireNonNullElse(bible.style(), DEFAULT_STYLE);
        y.append("\n# Art style. preset: ").append(String.join(" | ", ArtStylePresets.names()))
                .append("\n# notes are added to every image and video prompt.\n");
        y.append("style:\n");
        field(y, "  preset", scalar(style.preset()), null);
        field(y, "  notes", scalar(style.notes()), null);

        Setting setting = Objects.requireNonNullElse(bible.setting(), Setting.UNSPECIFIED);
        y.append("\n# Where and when the story happens; every picture prompt follows it, not the art style.\n");
        y.append("# era: ").append(String.join(" | ", Setting.ERAS)).append(" (the family of sets drawn).\n");
        y.append("setting:\n");
        field(y, "  era", scalar(setting.era()), null);
        field(y, "  period", scalar(setting.period()), "e.g. 1890s, feudal era, present day");
        field(y, "  region", scalar(setting.region()), "e.g. England and Transylvania, Japan");
        field(y, "  world", scalar(setting.world()), "the social world: court, village, city professionals …");

        y.append("\n# The cast. role: ").append(String.join(" | ", BibleSchema.ROLES)).append(".\n");
        y.append("# look: colours as names (black, navy, dark blue, sakura …) or #RRGGBB; silhouette is free text.\n");
        y.append("# voice: espeak-ng voice id (en-us+f3, ja …), pitch 0–99, wordsPerMinute 80–400.\n");
        if (bible.cast().isEmpty()) {
            y.append("cast: []\n");
        } else {
            y.append("cast:\n");
        }
        for (Character c : bible.cast()) {
            y.append("  - name: ").append(scalar(c.name())).append('\n');
            y.append("    aliases: ").append(flowList(c.aliases())).append('\n');
            y.append("    role: ").append(c.role() == null ? "supporting" : c.role().name().toLowerCase(Locale.ROOT)).append('\n');
            Look l = Objects.requireNonNullElse(c.look(), DEFAULT_LOOK);
            y.append("    look: {hair: ").append(scalar(l.hair())).append(", eyes: ").append(scalar(l.eyes()))
                    .append(", outfit: ").append(scalar(l.outfit())).append(", skin: ").append(scalar(l.skin()))
                    .append(", silhouette: ").append(scalar(l.silhouette())).append("}\n");
            VoiceSpec v = Objects.requireNonNullElse(c.voice(), DEFAULT_VOICE);
            y.append("    voice: {voice: ").append(scalar(v.voice())).append(", pitch: ").append(v.pitch())
                    .append(", wordsPerMinute: ").append(v.wordsPerMinute()).append("}\n");
        }

        y.append("\n# Places. kind: ").append(String.join(" | ", BibleSchema.PLACE_KINDS)).append(".\n");
        if (bible.places().isEmpty()) {
            y.append("places: []\n");
        } else {
            y.append("places:\n");
        }
        for (Place p : bible.places()) {
            y.append("  - name: ").append(scalar(p.name())).append('\n');
            y.append("    kind: ").append(scalar(p.kind())).append('\n');
            y.append("    description: ").append(scalar(p.description())).append('\n');
        }

        y.append('\n');
        field(y, "episodeSeconds", Integer.toString(bible.episodeSeconds()), "target episode length in seconds, 60–300");

        DropSchedule s = Objects.requireNonNullElse(bible.schedule(), DEFAULT_SCHEDULE);
        y.append("\n# One drop a day: time is \"HH:MM\" (24-hour), zone a region like Asia/Tokyo, Europe/Paris or UTC.\n");
        LocalTime t = s.time();
        y.append("# skip: weekdays and dates without a drop ([sunday, 2026-12-25]); buffer: finished episodes to keep\n");
        y.append("# ahead of the drops (default ").append(DropSchedule.DEFAULT_BUFFER)
                .append("); start: the first drop's date (default: the first drop time after the series was made).\n");
        y.append("schedule: {time: \"").append(String.format("%02d:%02d", t.getHour(), t.getMinute()))
                .append("\", zone: ").append(scalar(s.zone().getId()));
        if (!s.skipDays().isEmpty() || !s.skipDates().isEmpty()) {
            List<String> skip = new java.util.ArrayList<>();
            s.skipDays().forEach(d -> skip.add(d.name().toLowerCase(Locale.ROOT)));
            s.skipDates().forEach(d -> skip.add(d.toString()));
            y.append(", skip: [").append(String.join(", ", skip)).append(']');
        }
        if (s.buffer() != null) {
            y.append(", buffer: ").append(s.buffer());
        }
        if (s.start() != null) {
            y.append(", start: ").append(s.start());
        }
        y.append("}\n");

        Monetization m = Objects.requireNonNullElse(bible.monetization(), DEFAULT_MONETIZATION);
        y.append("\n# The first freeEpisodes are free; each later episode costs coinsPerEpisode.\n");
        y.append("monetization: {freeEpisodes: ").append(m.freeEpisodes()).append(", coinsPerEpisode: ")
                .append(m.coinsPerEpisode()).append("}\n");

        Routing r = Objects.requireNonNullElse(bible.routing(), DEFAULT_ROUTING);
        y.append("\n# Which adapters make the series and what one episode may cost.\n");
        y.append("routing:\n");
        field(y, "  writer", scalar(r.writer()), String.join(" | ", BibleSchema.WRITERS));
        field(y, "  llmBaseUrl", scalar(r.llmBaseUrl()), "any OpenAI-compatible endpoint (Ollama, vLLM, OpenAI …)");
        field(y, "  llmModel", scalar(r.llmModel()), null);
        field(y, "  llmApiKeyEnv", scalar(r.llmApiKeyEnv()), "name of the environment variable holding the key");
        field(y, "  video", scalar(r.video()), String.join(" | ", BibleSchema.VIDEO_PROVIDERS));
        field(y, "  voice", scalar(r.voice()), String.join(" | ", BibleSchema.VOICE_PROVIDERS));
        field(y, "  budgetPerEpisode", Double.toString(r.budgetPerEpisode()), "paid generation stops above this");
        field(y, "  currency", scalar(r.currency()), "ISO 4217 code");
        if (r.llmTimeoutSeconds() != null) {
            field(y, "  llmTimeoutSeconds", Integer.toString(r.llmTimeoutSeconds()), "one LLM request at most (default 60)");
        } else {
            y.append("  # llmTimeoutSeconds: 60          # one LLM request at most\n");
        }
        if (r.llmDeadlineSeconds() != null) {
            field(y, "  llmDeadlineSeconds", Integer.toString(r.llmDeadlineSeconds()),
                    "all LLM attempts at one episode (default 180)");
        } else {
            y.append("  # llmDeadlineSeconds: 180        # all LLM attempts at one episode, then the offline writer\n");
        }
        if (r.llmContextTokens() != null) {
            field(y, "  llmContextTokens", Integer.toString(r.llmContextTokens()),
                    "the model's context window; the book is read in parts of half of it");
        } else {
            y.append("  # llmContextTokens: 8192         # the model's context window; the book is read in parts of half of it\n");
        }
        return y.toString();
    }

    private static void field(StringBuilder y, String key, String value, String comment) {
        String line = key + ": " + value;
        String indent = line.substring(0, line.length() - line.stripLeading().length());
        if (comment != null && line.length() > 60) {
            // A long value would push the comment off screen: it goes on its own line above.
            y.append(indent).append("# ").append(comment).append('\n').append(line);
        } else {
            y.append(line);
            if (comment != null) {
                y.append(" ".repeat(Math.max(1, 34 - line.length()))).append("# ").append(comment);
            }
        }
        y.append('\n');
    }

    private static String flowList(List<String> items) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < items.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(scalar(items.get(i)));
        }
        return b.append(']').toString();
    }

    /** A YAML scalar that reads back as exactly this text: plain when unambiguous, else double-quoted. */
    static String scalar(String s) {
        if (s == null) {
            return "~";
        }
        if (s.matches("[\\p{L}\\p{N}][\\p{L}\\p{N} .'/+()_-]*") && !s.endsWith(" ")
                && Tag.STR.equals(RESOLVER.resolve(org.yaml.snakeyaml.nodes.NodeId.scalar, s, true))) {
            return s;
        }
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                default -> {
                    if (ch < 0x20 || (ch >= 0x7f && ch <= 0x9f) || ch == 0x2028 || ch == 0x2029 || ch == 0xfeff
                            || ch >= 0xfffe || (java.lang.Character.isSurrogate(ch) && !pairedSurrogate(s, i))) {
                        b.append(String.format("\\u%04x", (int) ch));
                    } else {
                        b.append(ch);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    private static boolean pairedSurrogate(String s, int i) {
        char ch = s.charAt(i);
        return java.lang.Character.isHighSurrogate(ch) ? i + 1 < s.length() && java.lang.Character.isLowSurrogate(s.charAt(i + 1))
                : i > 0 && java.lang.Character.isHighSurrogate(s.charAt(i - 1));
    }
}
