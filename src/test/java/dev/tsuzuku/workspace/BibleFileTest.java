package dev.tsuzuku.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tsuzuku.model.BadInputException;
import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.Character;
import dev.tsuzuku.model.Look;
import dev.tsuzuku.model.Problem;
import dev.tsuzuku.model.VoiceSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BibleFileTest {
    @TempDir
    Path dir;

    /** A small valid bible; tests change one line of it and expect exactly one message. */
    static final String VALID = """
            id: tales
            title: Tales
            language: en
            cast:
              - name: Taro
                role: lead
                look: {hair: black}
                voice: {pitch: 45}
            """;

    @Test
    void a_minimal_bible_loads_with_house_defaults_for_every_optional_section() {
        Bible b = load(VALID);

        assertThat(b.id()).isEqualTo("tales");
        assertThat(b.cast()).singleElement().satisfies(c -> {
            assertThat(c.role()).isEqualTo(Character.Role.LEAD);
            assertThat(c.look()).isEqualTo(new Look("black", "brown", "gray", "fair", ""));
            assertThat(c.voice()).isEqualTo(new VoiceSpec("en", 45, 160));
        });
        assertThat(b.episodeSeconds()).isEqualTo(150);
        assertThat(b.schedule().time()).isEqualTo(LocalTime.of(18, 0));
        assertThat(b.schedule().zone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(b.monetization().freeEpisodes()).isEqualTo(5);
        assertThat(b.monetization().coinsPerEpisode()).isEqualTo(60);
        assertThat(b.routing()).isEqualTo(BibleFile.DEFAULT_ROUTING);
        assertThat(b.style().preset()).isEqualTo("ghibli-watercolor");
        assertThat(b.logline()).isEmpty();
    }

    @Test
    void an_unknown_key_suggests_the_nearest_known_one() {
        assertThat(problems(VALID + "episodeSecond: 150\n")).containsExactly(
                "series.yaml:9:1: unknown key 'episodeSecond'\n    fix: did you mean 'episodeSeconds'?");
    }

    @Test
    void an_unknown_key_far_from_any_known_one_lists_the_allowed_keys() {
        assertThat(problems(VALID.replace("    voice: {pitch: 45}", "    voice: {pitch: 45, accent: posh}"))).containsExactly(
                "series.yaml:8:24: cast[0].voice: unknown key 'accent'\n"
                        + "    fix: remove it; the keys allowed here are voice, pitch, wordsPerMinute");
    }

    @Test
    void a_colour_word_that_is_not_a_colour_points_at_the_value() {
        assertThat(problems(VALID.replace("hair: black", "hair: bleu"))).containsExactly(
                "series.yaml:7:18: cast[0].look.hair: 'bleu' is not a colour\n"
                        + "    fix: did you mean 'blue'? use a colour name (blue, navy, …) or #RRGGBB");
    }

    @Test
    void a_number_written_as_a_word_is_a_wrong_type() {
        assertThat(problems(VALID + "episodeSeconds: long\n")).containsExactly(
                "series.yaml:9:17: episodeSeconds: expected a whole number, got 'long'\n"
                        + "    fix: use a target length between 60 and 300 seconds (150 is the house default)");
    }

    @Test
    void a_list_where_text_belongs_is_a_wrong_type() {
        assertThat(problems(VALID.replace("title: Tales", "title: [Tales, More]"))).containsExactly(
                "series.yaml:2:8: title: expected text, got a list\n"
                        + "    fix: write a single value, quoted if it contains ': ' or ' #'");
    }

    @Test
    void a_missing_required_key_points_at_the_mapping_that_lacks_it() {
        assertThat(problems(VALID.replace("title: Tales\n", ""))).containsExactly(
                "series.yaml:1:1: missing required key 'title'\n    fix: add 'title: …'");
        assertThat(problems(VALID.replace("  - name: Taro\n    role: lead", "  - role: lead"))).containsExactly(
                "series.yaml:5:5: cast[0]: missing required key 'name'\n    fix: add 'name: …' under cast[0]");
    }

    @Test
    void a_yaml_syntax_error_names_its_line() {
        assertThat(problems(VALID.replace("title: Tales", "title: \"Tales"))).containsExactly(
                "series.yaml:2:8: YAML syntax: this quote is not closed on its line\n    fix: end the text with the same "
                        + "quote mark on line 2, or escape a quote inside it (\\\" in double quotes, '' in single quotes)");
        assertThat(problems("id: a\n  title: b\n")).singleElement().asString()
                .startsWith("series.yaml:2:8: YAML syntax: mapping values are not allowed here");
    }

    @Test
    void an_unclosed_quote_is_reported_where_it_opened_not_where_the_parser_gave_up() {
        // the quote runs on to the next quote mark (line 4), and the parser fails on line 5
        String yaml = VALID.replace("title: Tales", "title: \"Tales").replace("language: en", "language: en\nlogline: \"A \\\"tale\\\"\"");

        assertThat(problems(yaml)).singleElement().asString().startsWith("series.yaml:2:8: YAML syntax: this quote is not closed on its line");
    }

    @Test
    void a_quoted_value_that_spans_lines_on_purpose_is_not_blamed_for_a_mistake_further_down() {
        String yaml = VALID.replace("title: Tales", "title: \"Tales\n  of the sea\"") + "genre: x\n  logline: y\n";

        assertThat(problems(yaml)).singleElement().asString().startsWith("series.yaml:11:10: YAML syntax: mapping values are not allowed here");
    }

    @Test
    void an_empty_required_value_is_called_empty_not_missing() {
        assertThat(problems(VALID.replace("title: Tales", "title:"))).containsExactly(
                "series.yaml:2:1: title: is empty\n    fix: write a value after 'title:'");
        assertThat(problems(VALID.replace("title: Tales", "title: \"  \""))).containsExactly(
                "series.yaml:2:8: title: is empty\n    fix: write a value after 'title:'");
        assertThat(problems(VALID.replace("  - name: Taro", "  - name:"))).containsExactly(
                "series.yaml:5:5: cast[0].name: is empty\n    fix: write a value after 'name:'");
    }

    @Test
    void an_unknown_voice_id_is_refused_at_its_line_with_the_nearest_known_one() {
        assertThat(problems(VALID.replace("voice: {pitch: 45}", "voice: {voice: klingon, pitch: 45}"))).containsExactly(
                "series.yaml:8:20: cast[0].voice.voice: 'klingon' is not a voice language espeak-ng knows\n"
                        + "    fix: use an espeak-ng voice id like en-us, en-us+f3, en-gb+m3 or ja (list them with: espeak-ng --voices)");
        assertThat(problems(VALID.replace("voice: {pitch: 45}", "voice: {voice: en-us+f9, pitch: 45}"))).singleElement()
                .asString().startsWith("series.yaml:8:20: cast[0].voice.voice: '+f9' is not an espeak-ng voice variant (did you mean '+f");
        assertThat(problems(VALID.replace("voice: {pitch: 45}", "voice: {voice: en-uss, pitch: 45}"))).singleElement()
                .asString().contains("'en-uss' is not a voice language espeak-ng knows (did you mean 'en-us'?)");
        assertThat(load(VALID.replace("voice: {pitch: 45}", "voice: {voice: EN-GB+M3, pitch: 45}")).cast().get(0).voice().voice())
                .isEqualTo("EN-GB+M3");
    }

    @Test
    void an_alias_bomb_is_refused_at_the_alias_that_passes_the_limit() {
        StringBuilder bomb = new StringBuilder("genre: x\nlol:\n  a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        String previous = "a";
        for (int level = 1; level <= 9; level++) {
            bomb.append("  b").append(level).append(": &b").append(level).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(9, "*" + previous))).append("]\n");
            previous = "b" + level;
        }
        // aliases 1-9 are on line 12 (b1), 10-18 on line 13 (b2), the 21st is the third on line 14
        assertThat(problems(VALID + bomb)).containsExactly("series.yaml:14:22: more than 20 aliases (*name) to lists or "
                + "mappings; each one copies a whole block, which is how an alias bomb fills memory\n"
                + "    fix: write the values out instead of &anchor/*alias references");
    }

    @Test
    void nesting_deeper_than_the_limit_is_refused_at_its_line() {
        assertThat(problems(VALID + "genre: " + "[".repeat(5_000) + "]".repeat(5_000) + "\n")).containsExactly(
                "series.yaml:9:27: lists and mappings nest more than 20 deep here\n"
                        + "    fix: flatten the value: a setting needs at most a few levels of indentation or brackets");
    }

    @Test
    void a_file_of_megabytes_is_refused_at_the_line_that_passes_the_limit() {
        String pasted = ("logline: \"" + "word ".repeat(20_000) + "\"\n").repeat(3) + "genre: " + "x".repeat(2_000_000) + "\n";
        assertThat(problems(VALID + pasted)).singleElement().asString()
                .startsWith("series.yaml:12: the file is 2.2 MB; the limit is 1 MB and line 12 passes it\n")
                .endsWith("fix: a series.yaml is a few kilobytes of settings: remove the text pasted into it from line 12 on"
                        + " (a book belongs in source/)");
    }

    @Test
    void an_unknown_style_preset_is_refused_with_the_nearest_one() {
        assertThat(problems(VALID + "style: {preset: ghibli-watercolour}\n")).containsExactly(
                "series.yaml:9:17: style.preset: 'ghibli-watercolour' is not a style preset\n"
                        + "    fix: did you mean 'ghibli-watercolor'? use one of ghibli-watercolor, shojo-pastel, shonen-action,"
                        + " noir-ink, chibi-comedy");
    }

    @Test
    void the_llm_timeout_and_deadline_are_optional_checked_and_read() {
        assertThat(load(VALID).routing().llmTimeoutSeconds()).isNull();
        assertThat(load(VALID + "routing: {llmTimeoutSeconds: 30, llmDeadlineSeconds: 90}\n").routing())
                .satisfies(r -> {
                    assertThat(r.llmTimeoutSeconds()).isEqualTo(30);
                    assertThat(r.llmDeadlineSeconds()).isEqualTo(90);
                });
        assertThat(problems(VALID + "routing: {llmTimeoutSeconds: 0}\n")).singleElement().asString()
                .startsWith("series.yaml:9:30: routing.llmTimeoutSeconds: 0 is outside 5–3600");
        assertThat(problems(VALID + "routing: {llmTimeoutSeconds: 60, llmDeadlineSeconds: 30}\n")).singleElement().asString()
                .startsWith("series.yaml:9:54: routing.llmDeadlineSeconds: 30 is shorter than llmTimeoutSeconds (60)");
    }

    @Test
    void the_llm_context_size_is_optional_checked_and_read() {
        assertThat(load(VALID).routing().llmContextTokens()).isNull();
        assertThat(load(VALID + "routing: {llmContextTokens: 131072}\n").routing().llmContextTokens()).isEqualTo(131_072);
        assertThat(problems(VALID + "routing: {llmContextTokens: 512}\n")).singleElement().asString()
                .startsWith("series.yaml:9:29: routing.llmContextTokens: 512 is outside 1024–10000000");
    }

    @Test
    void a_named_pipe_as_series_yaml_is_refused_instead_of_read_forever() throws Exception {
        Path fifo = dir.resolve("series.yaml");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();

        BadInputException e = catchThrowableOfType(BadInputException.class, () -> BibleFile.load(fifo));
        assertThat(e).hasMessageStartingWith("series.yaml: is not a regular file");
    }

    @Test
    void an_empty_file_says_what_to_write() {
        assertThat(problems("# nothing yet\n")).containsExactly("series.yaml:1:1: the file is empty\n"
                + "    fix: write the bible (id, title, language, cast), or draft one with: tsuzuku new DIR --from SOURCE.txt");
        assertThat(problems("")).hasSize(1);
    }

    @Test
    void a_missing_file_says_how_to_make_one() {
        BadInputException e = catchThrowableOfType(BadInputException.class, () -> BibleFile.load(dir.resolve("series.yaml")));
        assertThat(e.getMessage()).startsWith("series.yaml: file not found at ").contains("tsuzuku new");
    }

    @Test
    void two_characters_with_one_name_are_refused() {
        String yaml = VALID + "  - name: taro\n    role: minor\n";
        assertThat(problems(yaml)).containsExactly("series.yaml:9:11: cast[1].name: 'taro' is already used by cast[0]\n"
                + "    fix: give each character a unique name; put other names in aliases");
    }

    @Test
    void an_alias_of_two_characters_is_refused() {
        String yaml = VALID + "  - name: Hanako\n    aliases: [Hana, Taro]\n";
        assertThat(problems(yaml)).containsExactly("series.yaml:10:14: cast[1].aliases: 'Taro' is already used by cast[0]\n"
                + "    fix: an alias must point at one character only; remove it or rename it");
    }

    @Test
    void a_role_outside_the_four_roles_is_refused() {
        assertThat(problems(VALID.replace("role: lead", "role: villain"))).containsExactly(
                "series.yaml:6:11: cast[0].role: 'villain' is not a role\n    fix: use one of lead, supporting, minor, narrator");
        assertThat(problems(VALID.replace("role: lead", "role: laed"))).containsExactly(
                "series.yaml:6:11: cast[0].role: 'laed' is not a role\n"
                        + "    fix: did you mean 'lead'? use one of lead, supporting, minor, narrator");
    }

    @Test
    void an_empty_cast_and_a_cast_that_is_not_a_list_are_refused() {
        assertThat(problems(VALID.substring(0, VALID.indexOf("cast:")) + "cast: []\n")).containsExactly(
                "series.yaml:4:7: cast: the cast is empty\n    fix: add at least one character with a name and a role");
        assertThat(problems(VALID.substring(0, VALID.indexOf("cast:")) + "cast: Taro\n")).containsExactly(
                "series.yaml:4:7: cast: expected a list, got 'Taro'\n    fix: write one '- name: …' entry per character");
    }

    @Test
    void episode_length_must_lie_between_one_and_five_minutes() {
        assertThat(problems(VALID + "episodeSeconds: 30\n")).containsExactly("series.yaml:9:17: episodeSeconds: 30 is outside 60–300\n"
                + "    fix: use a target length between 60 and 300 seconds (150 is the house default)");
        assertThat(problems(VALID + "episodeSeconds: 301\n")).hasSize(1);
        assertThat(load(VALID + "episodeSeconds: 60\n").episodeSeconds()).isEqualTo(60);
    }

    @Test
    void the_drop_time_must_be_hh_mm() {
        assertThat(problems(VALID + "schedule: {time: 6pm}\n")).containsExactly(
                "series.yaml:9:18: schedule.time: '6pm' is not a time of day as HH:MM\n"
                        + "    fix: write a 24-hour time in quotes, like \"18:00\"");
        assertThat(problems(VALID + "schedule: {time: \"24:00\"}\n")).hasSize(1);
        assertThat(load(VALID + "schedule: {time: 07:30}\n").schedule().time()).isEqualTo(LocalTime.of(7, 30));
    }

    @Test
    void an_unknown_time_zone_suggests_a_known_one() {
        assertThat(problems(VALID + "schedule: {zone: Asia/Tokio}\n")).containsExactly(
                "series.yaml:9:18: schedule.zone: 'Asia/Tokio' is not a known time zone\n"
                        + "    fix: did you mean 'Asia/Tokyo'? use a region like Asia/Tokyo, Europe/Paris or UTC");
    }

    @Test
    void free_episodes_and_coins_cannot_be_negative() {
        assertThat(problems(VALID + "monetization: {freeEpisodes: -1, coinsPerEpisode: -60}\n")).containsExactly(
                "series.yaml:9:30: monetization.freeEpisodes: -1 is negative\n"
                        + "    fix: use 0 or more (0 = every episode costs coins)",
                "series.yaml:9:51: monetization.coinsPerEpisode: -60 is negative\n"
                        + "    fix: use 0 or more coins (60 is the house default)");
    }

    @Test
    void the_writer_is_offline_or_llm() {
        assertThat(problems(VALID + "routing:\n  writer: gpt\n")).containsExactly(
                "series.yaml:10:11: routing.writer: 'gpt' is not a writer\n    fix: use one of offline, llm");
    }

    @Test
    void voice_pitch_lies_between_0_and_99() {
        assertThat(problems(VALID.replace("pitch: 45", "pitch: 120"))).containsExactly(
                "series.yaml:8:20: cast[0].voice.pitch: 120 is outside 0–99\n    fix: use a pitch between 0 and 99 (50 is neutral)");
    }

    @Test
    void an_unknown_style_preset_suggests_the_nearest_preset() {
        assertThat(problems(VALID + "style: {preset: ghibli}\n")).containsExactly(
                "series.yaml:9:17: style.preset: 'ghibli' is not a style preset\n"
                        + "    fix: did you mean 'ghibli-watercolor'? use one of ghibli-watercolor, shojo-pastel, shonen-action, noir-ink, chibi-comedy");
    }

    @Test
    void a_key_written_twice_names_the_first_line() {
        assertThat(problems(VALID + "title: Again\n")).containsExactly(
                "series.yaml:9:1: duplicate key 'title' (first at line 2)\n    fix: keep only one of them");
    }

    @Test
    void the_id_is_a_slug_and_the_language_a_code() {
        assertThat(problems(VALID.replace("id: tales", "id: Japanese Tales").replace("language: en", "language: English")))
                .containsExactly(
                        "series.yaml:1:5: id: 'Japanese Tales' is not a slug\n"
                                + "    fix: use lowercase letters, digits and dashes, like japanese-tales",
                        "series.yaml:3:11: language: 'English' is not a language code\n    fix: use a code like en, ja, pt-BR");
    }

    @Test
    void routing_urls_key_names_and_currencies_are_checked() {
        String yaml = VALID + "routing:\n  llmBaseUrl: localhost\n  llmApiKeyEnv: sk-123\n  currency: usd\n  video: sedance\n";
        assertThat(problems(yaml)).containsExactly(
                "series.yaml:10:15: routing.llmBaseUrl: 'localhost' is not an http(s) URL\n"
                        + "    fix: use the endpoint's base URL, like http://localhost:11434/v1",
                "series.yaml:11:17: routing.llmApiKeyEnv: 'sk-123' is not an environment variable name\n"
                        + "    fix: name the variable that holds the key (like TSUZUKU_LLM_API_KEY), never the key itself",
                "series.yaml:13:10: routing.video: 'sedance' is not a video provider\n"
                        + "    fix: did you mean 'seedance'? use one of animatic, seedance, kling, runway, hailuo, veo, fal, replicate",
                "series.yaml:12:13: routing.currency: 'usd' is not a currency code\n    fix: use an ISO 4217 code like USD, EUR, JPY, CNY");
    }

    @Test
    void every_problem_is_reported_at_once_in_file_order_of_sections() {
        String yaml = """
                id: tales
                titel: Tales
                language: en
                style: {preset: noir}
                cast:
                  - name: Taro
                    role: hero
                    look: {hair: bleu, eyes: green}
                    voice: {pitch: 100}
                  - name: Taro
                episodeSeconds: 20
                schedule: {time: "6:00", zone: Mars/Base}
                monetization: {freeEpisodes: -2}
                routing: {writer: human}
                """;
        BadInputException e = catchThrowableOfType(BadInputException.class, () -> load(yaml));

        assertThat(e.problems()).extracting(p -> p.line() + ":" + p.column() + " " + p.message().split(":")[0])
                .containsExactly("2:1 unknown key 'titel'", "1:1 missing required key 'title'", "4:17 style.preset",
                        "7:11 cast[0].role", "8:18 cast[0].look.hair", "9:20 cast[0].voice.pitch",
                        "10:11 cast[1].name", "11:17 episodeSeconds", "12:18 schedule.time", "12:32 schedule.zone",
                        "13:30 monetization.freeEpisodes", "14:19 routing.writer");
        assertThat(e.problems()).allSatisfy(p -> {
            assertThat(p.file()).isEqualTo("series.yaml");
            assertThat(p.fix()).isNotBlank();
        });
        assertThat(e.getMessage().lines().filter(l -> l.startsWith("series.yaml:"))).hasSize(12);
    }

    @Test
    void the_rendered_default_bible_is_commented_and_loads_back_equal() throws IOException {
        Bible draft = BibleFile.draft("japanese-fairy-tales", "Japanese Fairy Tales", "en", List.of(
                new Character("Urashima Taro", List.of("Urashima", "Taro"), Character.Role.LEAD,
                        new Look("black", "brown", "indigo", "fair", "slim fisher lad, straw hat"),
                        new VoiceSpec("en-us+m3", 45, 165)),
                new Character("Narrator", List.of(), Character.Role.NARRATOR, BibleFile.DEFAULT_LOOK, BibleFile.DEFAULT_VOICE)));

        String yaml = BibleFile.render(draft);
        Path file = dir.resolve("series.yaml");
        Files.writeString(file, yaml);

        assertThat(BibleFile.load(file)).isEqualTo(draft);
        assertThat(yaml).contains("# Art style. preset: ghibli-watercolor | shojo-pastel")
                .contains("role: lead | supporting | minor | narrator")
                .contains("episodeSeconds: 150")
                .contains("schedule: {time: \"18:00\", zone: UTC}")
                .contains("silhouette: \"slim fisher lad, straw hat\"");
    }

    @Test
    void a_long_value_gets_its_comment_on_the_line_above() {
        Bible draft = BibleFile.draft("tales", "Tales", "en", List.of(new Character("Taro", List.of(), Character.Role.LEAD, null, null)));
        Bible withLogline = new Bible(draft.id(), draft.title(), "A fisher lad saves a turtle and is carried to the palace under the sea",
                draft.language(), draft.genre(), draft.style(), draft.cast(), draft.places(), draft.episodeSeconds(),
                draft.schedule(), draft.monetization(), draft.routing());

        assertThat(BibleFile.render(withLogline)).contains("\n# one sentence that sells the series\n"
                + "logline: A fisher lad saves a turtle and is carried to the palace under the sea\n");
    }

    @Test
    void crlf_line_endings_and_a_byte_order_mark_are_fine() throws IOException {
        Path file = dir.resolve("series.yaml");
        Files.write(file, ("\uFEFF" + VALID.replace("\n", "\r\n")).getBytes(StandardCharsets.UTF_8));
        assertThat(BibleFile.load(file).title()).isEqualTo("Tales");
    }

    private Bible load(String yaml) {
        try {
            Path file = dir.resolve("series.yaml");
            Files.writeString(file, yaml);
            return BibleFile.load(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> problems(String yaml) {
        BadInputException e = catchThrowableOfType(BadInputException.class, () -> load(yaml));
        assertThat(e).as("expected %s to be refused", yaml).isNotNull();
        return e.problems().stream().map(Problem::render).toList();
    }
}
