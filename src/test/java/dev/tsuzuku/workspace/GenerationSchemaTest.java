package dev.tsuzuku.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tsuzuku.model.BadInputException;
import dev.tsuzuku.model.Generation;
import dev.tsuzuku.model.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerationSchemaTest {
    @TempDir
    Path dir;

    private Generation read(String generation) throws Exception {
        Path f = dir.resolve("series.yaml");
        Files.writeString(f, BibleFileTest.VALID + generation);
        return BibleFile.generation(f);
    }

    private List<Problem> problems(String generation) {
        return catchThrowableOfType(() -> read(generation), BadInputException.class).problems();
    }

    @Test
    void without_a_generation_section_nothing_is_paid_for_and_the_bible_hashes_as_before() throws Exception {
        assertThat(read("")).isEqualTo(Generation.ANIMATIC_ONLY);
        assertThat(read("").animaticOnly()).isTrue();
        assertThat(BibleFile.parse("series.yaml", BibleFileTest.VALID + "generation:\n  providers: [kling]\n"))
                .isEqualTo(BibleFile.parse("series.yaml", BibleFileTest.VALID));
    }

    @Test
    void a_full_section_reads_providers_routes_shots_budget_rates_and_key_variable_names() throws Exception {
        Generation g = read("""
                generation:
                  providers: [kling, seedance]
                  keyframes: [seedream]
                  routes: {hook: [video], narration: [keyframe], action: [runway, keyframe]}
                  shots: {"2.4": [seedance]}
                  budget: {perEpisode: 5, perDay: 20.5}
                  rates: {klingUsdPerUnit: 0.12, imageUsd: {seedream-4-5: 0.05}}
                  accounts:
                    kling: {keyEnv: MY_KLING_KEY, baseUrl: "https://api-singapore.klingai.com", concurrency: 3}
                """);
        assertThat(g.providers()).containsExactly("kling", "seedance");
        assertThat(g.keyframes()).containsExactly("seedream");
        assertThat(g.routes()).containsEntry("hook", List.of("video")).containsEntry("action", List.of("runway", "keyframe"));
        assertThat(g.shots()).containsEntry("2.4", List.of("seedance"));
        assertThat(g.perEpisode()).isEqualTo(5);
        assertThat(g.perDay()).isEqualTo(20.5);
        assertThat(g.rates()).containsEntry("klingUsdPerUnit", Map.of("", 0.12)).containsEntry("imageUsd", Map.of("seedream-4-5", 0.05));
        assertThat(g.accounts().get("kling")).isEqualTo(new Generation.Account("MY_KLING_KEY",
                "https://api-singapore.klingai.com", null, 3));
    }

    @Test
    void unknown_keys_providers_and_shot_classes_are_bad_input_with_their_line_and_a_fix() {
        List<Problem> p = problems("""
                generation:
                  provider: [kling]
                  routes: {hok: [video], hook: [sedance]}
                  shots: {"two": [kling]}
                """);
        assertThat(p).extracting(Problem::line).containsExactly(10, 11, 11, 12);
        assertThat(p.get(0).message()).contains("unknown key 'provider'");
        assertThat(p.get(0).fix()).contains("did you mean 'providers'");
        assertThat(p.get(1).message()).contains("unknown key 'hok'");
        assertThat(p.get(2).message()).contains("'sedance' is not a route step");
        assertThat(p.get(2).fix()).contains("did you mean 'seedance'");
        assertThat(p.get(3).fix()).contains("\"1.4\"");
    }

    @Test
    void a_key_pasted_where_its_variable_name_belongs_is_refused_without_echoing_it() {
        List<Problem> p = problems("""
                generation:
                  providers: [seedance]
                  accounts:
                    seedance: {keyEnv: "sk-live-0123456789abcdef"}
                """);
        assertThat(p).singleElement().satisfies(x -> {
            assertThat(x.message()).contains("is not an environment variable name").doesNotContain("0123456789abcdef");
            assertThat(x.fix()).contains("never the key itself");
        });
    }
}
