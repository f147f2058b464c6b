package dev.tsuzuku.story;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tsuzuku.ingest.BibleDrafter;
import dev.tsuzuku.ingest.Ingest;
import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.Character;
import dev.tsuzuku.model.Season;
import dev.tsuzuku.model.Source;
import dev.tsuzuku.plan.SeasonPlanner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The LLM drafts the bible and the season against a local chat-completions stub. */
class LlmRoomTest {
    private static final String BOOK = """
            CHAPTER I

            Long ago, in the days when the shogun ruled Japan, a ronin named Kageyama walked the mountain road.
            "Who goes there?" said Kageyama at the ford. "Only Hana, from the village," said Hana.

            """ + ("Kageyama and Hana walked on towards the village, and the samurai told her of the war. ".repeat(6) + "\n\n").repeat(8);

    private ChatStub stub;
    private final List<String> progress = new ArrayList<>();

    @BeforeEach
    void start() {
        stub = new ChatStub();
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    private LlmRoom room(int contextTokens) {
        return LlmRoom.on(stub.baseUrl(), null, "stub", Duration.ofSeconds(10), contextTokens, progress::add);
    }

    private static final String VALID_BIBLE = """
            {"cast": [{"name": "Kageyama", "aliases": ["the ronin"], "role": "lead"},
                      {"name": "Hana", "aliases": [], "role": "supporting"}],
             "setting": {"era": "japanese-period", "period": "Edo period", "region": "Japan", "world": "ronin and villagers"},
             "summary": "A wandering ronin meets a village girl on the mountain road."}""";

    private final Source source = Ingest.parse("ronin.txt", BOOK);
    private final Bible offline = BibleDrafter.draft(source, null);

    @Test
    void a_valid_answer_becomes_the_bible_cast_setting_and_logline_with_tokens_counted() {
        stub.then(body -> VALID_BIBLE);
        LlmRoom room = room(32_000);

        Bible b = room.draftBible(source, offline);

        assertThat(b.cast()).extracting(Character::name).containsExactly("Kageyama", "Hana", "Narrator");
        assertThat(b.character("the ronin")).map(Character::name).contains("Kageyama");
        assertThat(b.setting().period()).isEqualTo("Edo period");
        assertThat(b.logline()).startsWith("A wandering ronin");
        assertThat(room.usage()).isEqualTo(new LlmRoom.Usage(1, 100, 20));
        assertThat(progress).anyMatch(p -> p.contains("reading part 1 of 1")).anyMatch(p -> p.contains("120 tokens"));
    }

    @Test
    void an_invalid_answer_is_sent_back_once_with_its_problems_and_the_fix_is_used() {
        stub.then(body -> VALID_BIBLE.replace("\"lead\"", "\"hero\""));
        stub.then(body -> VALID_BIBLE);

        Bible b = room(32_000).draftBible(source, offline);

        assertThat(stub.requests()).hasSize(2);
        assertThat(stub.requests().get(1)).contains("'Kageyama' has role 'hero'");
        assertThat(b.character("Kageyama")).map(Character::role).contains(Character.Role.LEAD);
    }

    @Test
    void garbage_twice_keeps_the_offline_draft_and_says_so() {
        stub.then(body -> "Sure! Here is your bible: cast = Kageyama");

        Bible b = room(32_000).draftBible(source, offline);

        assertThat(b).isEqualTo(offline);
        assertThat(stub.requests()).hasSize(2);
        assertThat(progress).anyMatch(p -> p.contains("not a JSON object") && p.contains("kept the offline draft"));
    }

    @Test
    void a_book_longer_than_the_context_is_read_in_parts_that_fit() {
        stub.then(body -> VALID_BIBLE);
        LlmRoom room = room(1024); // 2,048 characters of book a call

        room.draftBible(source, offline);

        int parts = (int) Math.ceil(source.text().length() / 2048.0);
        assertThat(stub.requests().size()).isGreaterThanOrEqualTo(parts).isGreaterThan(1);
        for (String r : stub.requests()) {
            assertThat(r.length()).isLessThan(2048 + 3000); // the part and the instructions, never the whole book
        }
        assertThat(progress).anyMatch(p -> p.contains("reading part 2 of " + stub.requests().size()));
        assertThat(room.usage().calls()).isEqualTo(stub.requests().size());
    }

    @Test
    void the_season_plan_is_checked_for_coverage_and_repaired_once_then_used() {
        Season offlineSeason = new SeasonPlanner().plan(source, offline, OptionalInt.empty());
        Pattern range = Pattern.compile("Cut paragraphs (\\d+) to (\\d+)");
        Function<String, String> whole = body -> {
            Matcher m = range.matcher(body);
            m.find();
            return "{\"episodes\": [{\"firstParagraph\": " + m.group(1) + ", \"lastParagraph\": " + m.group(2)
                    + ", \"title\": \"The Ronin at the Ford\", \"synopsis\": \"Kageyama meets Hana.\", \"hook\": \"Who follows them?\","
                    + " \"coldOpen\": \"Who goes there?\", \"cast\": [\"Kageyama\", \"Hana\"]}]}";
        };
        stub.then(body -> whole.apply(body).replace("\"Hana\"]", "\"Ogre King\"]").replace("\"firstParagraph\": 0", "\"firstParagraph\": 1"));
        stub.then(whole);

        Season s = room(32_000).planSeason(source, offline, offlineSeason);

        assertThat(stub.requests()).hasSize(2);
        assertThat(stub.requests().get(1)).contains("starts at paragraph 1, expected 0").contains("'Ogre King', who is not in the cast");
        assertThat(s.episodes()).hasSize(1);
        assertThat(s.episodes().get(0).title()).isEqualTo("The Ronin at the Ford");
        assertThat(s.episodes().get(0).source().startChar()).isEqualTo(offlineSeason.episodes().get(0).source().startChar());
        assertThat(s.episodes().get(0).source().endChar()).isEqualTo(offlineSeason.episodes().get(offlineSeason.episodes().size() - 1).source().endChar());
    }

    @Test
    void a_plan_that_stays_wrong_keeps_the_offline_season() {
        Season offlineSeason = new SeasonPlanner().plan(source, offline, OptionalInt.empty());
        stub.then(body -> "{\"episodes\": [{\"firstParagraph\": 0, \"lastParagraph\": 0, \"title\": \"A\", \"synopsis\": \"s\","
                + " \"hook\": \"h\", \"coldOpen\": \"c\"}]}");

        Season s = room(32_000).planSeason(source, offline, offlineSeason);

        assertThat(s).isEqualTo(offlineSeason);
        assertThat(progress).anyMatch(p -> p.contains("kept the offline plan"));
    }
}
