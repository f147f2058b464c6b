package dev.tsuzuku.story;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.output.TokenUsage;
import dev.tsuzuku.ingest.BibleDrafter;
import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.Character;
import dev.tsuzuku.model.CutScore;
import dev.tsuzuku.model.EpisodePlan;
import dev.tsuzuku.model.Hook;
import dev.tsuzuku.model.Season;
import dev.tsuzuku.model.Setting;
import dev.tsuzuku.model.Source;
import dev.tsuzuku.model.SourceSpan;
import dev.tsuzuku.text.Paragraphs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The LLM in the rest of the writers' room: it drafts the bible (cast, setting, logline) from a
 * chunked read of the book and the season plan (episode spans, synopses, hooks, cold opens). The
 * book is read in parts that fit the model's context (about four characters a token, half the
 * context for the text), with the progress shown. Every answer is validated like a script:
 * a bible needs named cast with known roles, a lead and a known era; a plan's spans must be
 * ordered and cover the text, their lengths within the series' range, and only known cast may be
 * named. An invalid answer goes back once with its problems; still invalid, or unreadable, or
 * the endpoint failing, the offline draft is kept and a notice says why. Tokens are counted.
 */
public final class LlmRoom {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CHARS_PER_TOKEN = 4;

    /** Tokens the room used: what the endpoint reported, over every call. */
    public record Usage(int calls, long inputTokens, long outputTokens) {
        public long total() {
            return inputTokens + outputTokens;
        }
    }

    private final ChatModel chat;
    private final int contextTokens;
    private final Consumer<String> progress;
    private int calls;
    private long input;
    private long output;

    /**
     * @param contextTokens the model's context window; a part of the book takes at most half of it
     * @param progress      "reading part 2 of 5", fallback notices and the token count go here
     */
    public LlmRoom(ChatModel chat, int contextTokens, Consumer<String> progress) {
        this.chat = Objects.requireNonNull(chat, "chat");
        if (contextTokens < 1024) {
            throw new IllegalArgumentException("contextTokens must be at least 1024, got " + contextTokens);
        }
        this.contextTokens = contextTokens;
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /** A local model's context when the bible does not say ({@code routing.llmContextTokens}): Ollama's default. */
    public static final int DEFAULT_CONTEXT_TOKENS = 8192;

    /**
     * The room the bible's routing asks for: none unless {@code routing.writer} is "llm"; then the
     * endpoint, model and key variable the LLM writer uses ({@link LlmWriter#fromBible} checks them).
     */
    public static java.util.Optional<LlmRoom> fromBible(Bible bible, Map<String, String> env, Consumer<String> notices) {
        dev.tsuzuku.model.Routing r = bible.routing();
        if (r == null || r.writer() == null || !r.writer().strip().equalsIgnoreCase("llm")) {
            return java.util.Optional.empty();
        }
        LlmWriter.fromBible(bible, env, new OfflineWriter(), notices); // the same checks: URL, key for a remote endpoint
        String baseUrl = r.llmBaseUrl() == null || r.llmBaseUrl().isBlank() ? LlmWriter.DEFAULT_BASE_URL : r.llmBaseUrl().strip();
        String model = r.llmModel() == null || r.llmModel().isBlank() ? LlmWriter.DEFAULT_MODEL : r.llmModel().strip();
        String keyEnv = r.llmApiKeyEnv() == null || r.llmApiKeyEnv().isBlank() ? LlmWriter.DEFAULT_KEY_ENV : r.llmApiKeyEnv();
        Duration timeout = r.llmTimeoutSeconds() == null ? LlmWriter.DEFAULT_TIMEOUT : Duration.ofSeconds(r.llmTimeoutSeconds());
        int context = r.llmContextTokens() == null ? DEFAULT_CONTEXT_TOKENS : r.llmContextTokens();
        return java.util.Optional.of(on(baseUrl, env.get(keyEnv), model, timeout, context, notices));
    }

    /** A room on an OpenAI-compatible endpoint. */
    public static LlmRoom on(String baseUrl, String apiKey, String model, Duration timeout, int contextTokens,
            Consumer<String> progress) {
        ChatModel chat = OpenAiChatModel.builder().baseUrl(baseUrl).apiKey(apiKey == null || apiKey.isBlank() ? "none" : apiKey)
                .modelName(model).timeout(timeout).responseFormat("json_object").maxRetries(0).build();
        return new LlmRoom(chat, contextTokens, progress);
    }

    public Usage usage() {
        return new Usage(calls, input, output);
    }

    /** Characters of book text one call may carry. */
    int partChars() {
        return contextTokens / 2 * CHARS_PER_TOKEN;
    }

    // --- the bible ------------------------------------------------------------------------------

    /**
     * The bible with the LLM's cast, setting and logline, everything else (looks and voices of
     * known names, places, routing) from {@code offline}; {@code offline} itself on failure.
     */
    public Bible draftBible(Source source, Bible offline) {
        List<String> parts = parts(source.text());
        Map<String, JsonNode> cast = new LinkedHashMap<>();
        JsonNode setting = null;
        List<String> summaries = new ArrayList<>();
        try {
            for (int i = 0; i < parts.size(); i++) {
                progress.accept(String.format(Locale.ROOT, "llm bible: reading part %d of %d", i + 1, parts.size()));
                String known = String.join(", ", cast.keySet());
                JsonNode answer = ask(BIBLE_SYSTEM, "Cast so far (reuse these names for the same people): "
                        + (known.isEmpty() ? "none" : known) + "\n\nPart " + (i + 1) + " of " + parts.size() + ":\n" + parts.get(i),
                        LlmRoom::bibleProblems);
                for (JsonNode c : answer.path("cast")) {
                    cast.merge(c.path("name").asText().strip(), c, (a, b) -> rank(b) < rank(a) ? b : a);
                }
                if (setting == null || setting.path("era").asText().equals("unspecified")) {
                    setting = answer.path("setting");
                }
                summaries.add(answer.path("summary").asText(""));
            }
        } catch (Refused e) {
            progress.accept("llm bible: " + e.getMessage() + "; kept the offline draft");
            return offline;
        }
        String logline = summaries.isEmpty() ? offline.logline() : firstNonBlank(summaries.get(0), offline.logline());
        Set<String> usedVoices = new HashSet<>();
        List<Character> out = new ArrayList<>();
        Character narrator = null;
        for (Character c : offline.cast()) {
            if (c.role() == Character.Role.NARRATOR) {
                narrator = c;
            }
        }
        if (narrator != null) {
            usedVoices.add(narrator.voice().voice() + "@" + narrator.voice().pitch());
        }
        Set<String> taken = new HashSet<>();
        if (narrator != null) {
            taken.add(narrator.name().toLowerCase(Locale.ROOT)); // the offline narrator stays; the LLM's "Narrator" is dropped
        }
        for (JsonNode c : cast.values()) {
            String name = c.path("name").asText().strip();
            Character.Role role = Character.Role.valueOf(c.path("role").asText().strip().toUpperCase(Locale.ROOT));
            List<String> aliases = new ArrayList<>();
            for (JsonNode a : c.path("aliases")) {
                String alias = a.asText().strip();
                if (!alias.isEmpty() && !alias.equalsIgnoreCase(name) && !cast.containsKey(alias)) {
                    aliases.add(alias);
                }
            }
            if (!taken.add(name.toLowerCase(Locale.ROOT))) {
                continue;
            }
            aliases.removeIf(a -> !taken.add(a.toLowerCase(Locale.ROOT)));
            Character known = offline.character(name).filter(k -> k.role() != Character.Role.NARRATOR).orElse(null);
            if (known != null && usedVoices.add(known.voice().voice() + "@" + known.voice().pitch())) {
                out.add(new Character(name, aliases, role, known.look(), known.voice()));
            } else {
                out.add(BibleDrafter.castMember(name, aliases, role, offline.language(), usedVoices));
            }
        }
        if (narrator != null) {
            out.add(narrator);
        }
        Setting s = setting == null ? offline.setting() : new Setting(setting.path("era").asText("unspecified"),
                setting.path("period").asText(""), setting.path("region").asText(""), setting.path("world").asText(""));
        Bible drafted = new Bible(offline.id(), offline.title(), logline, offline.language(), offline.genre(), offline.style(),
                out, offline.places(), offline.episodeSeconds(), offline.schedule(), offline.monetization(), offline.routing(), s);
        progress.accept(String.format(Locale.ROOT, "llm bible: %d cast, setting %s; %s", out.size(), s.era(), tokens()));
        return drafted;
    }

    private static int rank(JsonNode c) {
        return switch (c.path("role").asText().toLowerCase(Locale.ROOT)) {
            case "lead" -> 0;
            case "supporting" -> 1;
            default -> 2;
        };
    }

    static final String BIBLE_SYSTEM = """
            You are the story editor of an anime adaptation. Read the part of the book you are given and
            answer with one JSON object only:
            {"cast": [{"name": "...", "aliases": ["..."], "role": "lead|supporting|minor"}],
             "setting": {"era": "%s", "period": "...", "region": "...", "world": "..."},
             "summary": "one sentence: what happens in this part"}
            One entry per person (a person's other names, titles and nicknames are aliases); no places,
            no groups. The first-person narrator of a journal or letter is named from its heading or signature.
            """.formatted(String.join("|", Setting.ERAS));

    static List<String> bibleProblems(JsonNode a) {
        List<String> problems = new ArrayList<>();
        if (!a.path("cast").isArray() || a.path("cast").isEmpty()) {
            problems.add("cast must be a non-empty list of {name, aliases, role}");
            return problems;
        }
        Set<String> names = new HashSet<>();
        boolean lead = false;
        for (JsonNode c : a.path("cast")) {
            String name = c.path("name").asText("").strip();
            String role = c.path("role").asText("").strip().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                problems.add("a cast entry has no name");
            } else if (!names.add(name.toLowerCase(Locale.ROOT))) {
                problems.add("'" + name + "' is listed twice: one entry per person, other names as aliases");
            }
            if (!List.of("lead", "supporting", "minor").contains(role)) {
                problems.add("'" + name + "' has role '" + role + "': use lead, supporting or minor");
            }
            lead |= role.equals("lead");
        }
        if (!lead) {
            problems.add("no cast member is the lead");
        }
        String era = a.path("setting").path("era").asText("");
        if (!Setting.ERAS.contains(era)) {
            problems.add("setting.era '" + era + "' is not one of " + String.join(", ", Setting.ERAS));
        }
        return problems;
    }

    // --- the season plan ----------------------------------------------------------------------

    /**
     * The season with the LLM's episode cuts, titles, synopses, hooks and cold opens; {@code offline}
     * on failure. Episodes are whole paragraphs; the LLM sees each paragraph's number and opening words.
     */
    public Season planSeason(Source source, Bible bible, Season offline) {
        List<Paragraphs.Para> paras = Paragraphs.of(source);
        if (paras.isEmpty() || offline.episodes().isEmpty()) {
            return offline;
        }
        int totalSeconds = offline.episodes().stream().mapToInt(EpisodePlan::estimatedSeconds).sum();
        double charsPerSecond = (double) source.text().length() / Math.max(1, totalSeconds);
        List<String> index = new ArrayList<>();
        for (int i = 0; i < paras.size(); i++) {
            String t = source.slice(paras.get(i).span()).replaceAll("\\s+", " ").strip();
            index.add(i + " (" + paras.get(i).span().length() + "): " + (t.length() > 80 ? t.substring(0, 80) : t));
        }
        List<List<String>> chunks = new ArrayList<>();
        List<String> current = new ArrayList<>();
        int size = 0;
        for (String line : index) {
            if (size + line.length() > partChars() && !current.isEmpty()) {
                chunks.add(current);
                current = new ArrayList<>();
                size = 0;
            }
            current.add(line);
            size += line.length() + 1;
        }
        chunks.add(current);
        Set<String> cast = new HashSet<>();
        for (Character c : bible.cast()) {
            cast.add(c.name().toLowerCase(Locale.ROOT));
        }
        List<EpisodePlan> episodes = new ArrayList<>();
        int first = 0;
        try {
            for (int k = 0; k < chunks.size(); k++) {
                List<String> chunk = chunks.get(k);
                int from = first;
                int to = first + chunk.size() - 1;
                progress.accept(String.format(Locale.ROOT, "llm plan: paragraphs %d–%d (part %d of %d)", from, to, k + 1, chunks.size()));
                String user = String.format(Locale.ROOT, """
                        Cut paragraphs %d to %d into episodes of %d to %d seconds (about %.0f characters of text a second).
                        Cast: %s
                        Paragraphs (number: opening words, with their length in characters):
                        %s""", from, to, bible.minEpisodeSeconds(), bible.maxEpisodeSeconds(), charsPerSecond,
                        String.join(", ", bible.cast().stream().map(Character::name).toList()), String.join("\n", chunk));
                boolean lastPart = k == chunks.size() - 1;
                JsonNode answer = ask(PLAN_SYSTEM, user, a -> planProblems(a, from, to, paras, charsPerSecond, bible, cast,
                        lastPart));
                for (JsonNode e : answer.path("episodes")) {
                    int a = e.path("firstParagraph").asInt();
                    int b = e.path("lastParagraph").asInt();
                    SourceSpan span = new SourceSpan(paras.get(a).span().startChar(), paras.get(b).span().endChar());
                    int seconds = (int) Math.round(span.length() / charsPerSecond);
                    int number = episodes.size() + 1;
                    String previously = episodes.isEmpty() ? null : "Last time: " + episodes.get(episodes.size() - 1).synopsis();
                    episodes.add(new EpisodePlan(number, e.path("title").asText().strip(), e.path("synopsis").asText().strip(),
                            seconds, span, List.of(), e.path("coldOpen").asText().strip(),
                            new Hook(e.path("hook").asText().strip(), dev.tsuzuku.model.HookKind.QUESTION), previously,
                            new CutScore(0, 0, 0, List.of("cut by the LLM writers' room"))));
                }
                first = to + 1;
            }
        } catch (Refused e) {
            progress.accept("llm plan: " + e.getMessage() + "; kept the offline plan");
            return offline;
        }
        // the season covers the whole text, headings before the first paragraph and after the last included
        EpisodePlan head = episodes.get(0);
        episodes.set(0, withSpan(head, new SourceSpan(Math.min(head.source().startChar(),
                offline.episodes().get(0).source().startChar()), head.source().endChar())));
        EpisodePlan tail = episodes.get(episodes.size() - 1);
        episodes.set(episodes.size() - 1, withSpan(tail, new SourceSpan(tail.source().startChar(), Math.max(tail.source().endChar(),
                offline.episodes().get(offline.episodes().size() - 1).source().endChar()))));
        progress.accept(String.format(Locale.ROOT, "llm plan: %d episodes; %s", episodes.size(), tokens()));
        return new Season(offline.series(), episodes);
    }

    private static EpisodePlan withSpan(EpisodePlan e, SourceSpan span) {
        return new EpisodePlan(e.number(), e.title(), e.synopsis(), e.estimatedSeconds(), span, e.beats(), e.coldOpen(), e.hook(),
                e.previously(), e.cut());
    }

    static final String PLAN_SYSTEM = """
            You are the head writer of a vertical anime series. Cut the numbered paragraphs into episodes and
            answer with one JSON object only:
            {"episodes": [{"firstParagraph": 0, "lastParagraph": 12, "title": "...", "synopsis": "...",
              "hook": "the cliffhanger the episode ends on", "coldOpen": "the most gripping moment, told first",
              "cast": ["names from the cast list"]}]}
            Episodes follow each other with no gap and cover every paragraph given; titles are unique and
            name the episode's key event.
            """;

    static List<String> planProblems(JsonNode a, int from, int to, List<Paragraphs.Para> paras, double charsPerSecond,
            Bible bible, Set<String> cast, boolean last) {
        List<String> problems = new ArrayList<>();
        JsonNode eps = a.path("episodes");
        if (!eps.isArray() || eps.isEmpty()) {
            problems.add("episodes must be a non-empty list");
            return problems;
        }
        int expect = from;
        Set<String> titles = new HashSet<>();
        for (int i = 0; i < eps.size(); i++) {
            JsonNode e = eps.get(i);
            int f = e.path("firstParagraph").asInt(-1);
            int l = e.path("lastParagraph").asInt(-1);
            String label = "episode " + (i + 1);
            if (f != expect) {
                problems.add(label + " starts at paragraph " + f + ", expected " + expect + " (no gaps, no overlaps)");
            }
            if (l < f || l > to) {
                problems.add(label + " ends at paragraph " + l + ": must be between " + Math.max(f, from) + " and " + to);
            } else if (f >= 0) {
                int chars = paras.get(l).span().endChar() - paras.get(f).span().startChar();
                double seconds = chars / charsPerSecond;
                boolean lastOfBook = last && i == eps.size() - 1;
                if (seconds < bible.minEpisodeSeconds() && !lastOfBook || seconds > bible.maxEpisodeSeconds()) {
                    problems.add(String.format(Locale.ROOT, "%s runs %.0f s; keep it within %d–%d s", label, seconds,
                            bible.minEpisodeSeconds(), bible.maxEpisodeSeconds()));
                }
            }
            for (String field : List.of("title", "synopsis", "hook", "coldOpen")) {
                if (e.path(field).asText("").isBlank()) {
                    problems.add(label + " has no " + field);
                }
            }
            if (!titles.add(e.path("title").asText("").strip().toLowerCase(Locale.ROOT))) {
                problems.add(label + " repeats the title '" + e.path("title").asText() + "'");
            }
            for (JsonNode n : e.path("cast")) {
                if (!cast.contains(n.asText().strip().toLowerCase(Locale.ROOT))) {
                    problems.add(label + " names '" + n.asText() + "', who is not in the cast list");
                }
            }
            expect = l + 1;
        }
        if (expect != to + 1) {
            problems.add("the episodes end at paragraph " + (expect - 1) + "; they must cover up to " + to);
        }
        return problems;
    }

    // --- one exchange -------------------------------------------------------------------------

    /** The answer was unusable twice, or the endpoint failed: the caller keeps the offline draft. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    /** One question; an answer with problems goes back once with them. */
    private JsonNode ask(String system, String user, java.util.function.Function<JsonNode, List<String>> rules) throws Refused {
        List<ChatMessage> conversation = new ArrayList<>(List.of(SystemMessage.from(system), UserMessage.from(user)));
        List<String> problems = List.of();
        for (int attempt = 1; attempt <= 2; attempt++) {
            String text;
            try {
                ChatResponse r = chat.chat(conversation);
                calls++;
                TokenUsage u = r.tokenUsage();
                if (u != null) {
                    input += u.inputTokenCount() == null ? 0 : u.inputTokenCount();
                    output += u.outputTokenCount() == null ? 0 : u.outputTokenCount();
                }
                text = r.aiMessage().text();
            } catch (RuntimeException e) {
                throw new Refused("the endpoint failed (" + e.getClass().getSimpleName() + ": "
                        + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + ")");
            }
            JsonNode parsed = parse(text);
            problems = parsed == null ? List.of("the answer is not a JSON object") : rules.apply(parsed);
            if (problems.isEmpty()) {
                return parsed;
            }
            conversation.add(AiMessage.from(text == null ? "" : text));
            conversation.add(UserMessage.from("Fix these problems and answer with the whole JSON object again:\n- "
                    + String.join("\n- ", problems)));
        }
        throw new Refused("invalid answer twice (" + String.join("; ", problems.subList(0, Math.min(3, problems.size()))) + ")");
    }

    /** Lenient: a fenced block or chatter around the object is fine. */
    static JsonNode parse(String text) {
        if (text == null) {
            return null;
        }
        int open = text.indexOf('{');
        int close = text.lastIndexOf('}');
        if (open < 0 || close < open) {
            return null;
        }
        try {
            JsonNode n = JSON.readTree(text.substring(open, close + 1));
            return n != null && n.isObject() ? n : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /** The book in parts of at most {@link #partChars()}, cut at paragraph ends where possible. */
    List<String> parts(String text) {
        List<String> out = new ArrayList<>();
        int max = partChars();
        int at = 0;
        while (at < text.length()) {
            int end = Math.min(text.length(), at + max);
            if (end < text.length()) {
                int para = text.lastIndexOf("\n\n", end);
                if (para > at + max / 2) {
                    end = para;
                }
            }
            out.add(text.substring(at, end));
            at = end;
        }
        return out;
    }

    private String tokens() {
        return String.format(Locale.ROOT, "%d calls, %,d tokens (%,d in, %,d out)", calls, input + output, input, output);
    }

    private static String firstNonBlank(String a, String b) {
        return a != null && !a.isBlank() ? a.strip() : b;
    }
}
