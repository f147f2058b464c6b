package dev.tsuzuku.story;

import static dev.tsuzuku.story.WritingFixtures.aBible;
import static dev.tsuzuku.story.WritingFixtures.aPlan;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tsuzuku.model.Chapter;
import dev.tsuzuku.model.Season;
import dev.tsuzuku.model.Source;
import dev.tsuzuku.model.SourceSpan;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScriptPromptTest {
    private static Source source(String text) {
        return new Source("tale.txt", text, List.<Chapter>of());
    }

    @Test
    void only_the_episode_span_of_the_source_is_sent() {
        Source source = source("Before the episode.\n\nInside the episode.\n\nAfter it.");
        SourceSpan span = new SourceSpan(21, 40);

        String user = new ScriptPrompt(1000).user(new WriteRequest(aBible().build(), source,
                new Season("urashima", List.of()), aPlan().span(span).build()));

        assertThat(user).contains("# Source text of this episode\nInside the episode.\n")
                .doesNotContain("Before the episode", "After it");
    }

    @Test
    void a_long_span_is_cut_at_a_paragraph_end_within_the_budget() {
        String text = "First paragraph is here.\n\nSecond paragraph is a little longer.\n\nThird one.";
        String sent = new ScriptPrompt(70).sourceText(source(text), new SourceSpan(0, text.length()));

        assertThat(sent).isEqualTo("First paragraph is here.\n\nSecond paragraph is a little longer.\n"
                + "[… the rest of the span is left out …]");
    }

    @Test
    void without_a_paragraph_break_the_cut_falls_on_a_sentence_end() {
        String text = "One sentence here. Another sentence follows here. And a third that runs long.";
        String sent = new ScriptPrompt(60).sourceText(source(text), new SourceSpan(0, text.length()));

        assertThat(sent).isEqualTo("One sentence here. Another sentence follows here.\n"
                + "[… the rest of the span is left out …]");
    }

    @Test
    void a_span_past_the_end_of_a_changed_source_is_clamped_not_a_crash() {
        assertThat(new ScriptPrompt(100).sourceText(source("Short."), new SourceSpan(0, 500))).isEqualTo("Short.");
        assertThat(new ScriptPrompt(100).sourceText(null, new SourceSpan(0, 5))).isEmpty();
    }

    @Test
    void the_fix_message_lists_every_problem() {
        assertThat(new ScriptPrompt(100).fix(List.of("a is wrong", "b is wrong"))).isEqualTo(
                "Your script has these problems:\n- a is wrong\n- b is wrong\n"
                        + "Answer again with the whole corrected JSON object only, in the same shape.");
    }
}
