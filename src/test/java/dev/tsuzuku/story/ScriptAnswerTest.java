package dev.tsuzuku.story;

import static dev.tsuzuku.story.WritingFixtures.aBible;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tsuzuku.model.LineKind;
import org.junit.jupiter.api.Test;

class ScriptAnswerTest {
    @Test
    void a_fenced_answer_is_read() throws Exception {
        ScriptAnswer answer = ScriptAnswer.parse("```json\n{\"episode\": 2, \"title\": \"T\"}\n```");

        assertThat(answer.episode()).isEqualTo(2);
        assertThat(answer.title()).isEqualTo("T");
    }

    @Test
    void broken_json_says_what_is_wrong() {
        assertThatThrownBy(() -> ScriptAnswer.parse("{\"episode\": 2, \"title\": }"))
                .isInstanceOf(ScriptAnswer.Unreadable.class)
                .hasMessageStartingWith("the answer is not valid JSON (")
                .hasMessageEndingWith("); answer with one complete JSON object only");
        assertThatThrownBy(() -> ScriptAnswer.parse("   "))
                .hasMessage("the answer was empty; answer with the JSON object only");
    }

    @Test
    void kinds_are_read_in_any_case_and_unknown_kinds_become_problems() throws Exception {
        ScriptAnswer answer = ScriptAnswer.parse("""
                {"episode": 1, "title": "T", "scenes": [{"place": "the sea shore", "timeOfDay": "day",
                  "lines": [{"kind": "Dialogue", "speaker": "urashima", "text": "Hi.", "seconds": 1.5},
                            {"kind": "monologue", "speaker": null, "text": "Hm.", "seconds": 1}]}],
                 "hook": {"text": "Hm.", "kind": "QUESTION"}}""");

        ScriptAnswer.Mapped mapped = answer.toScript(aBible().build());

        assertThat(mapped.problems()).containsExactly(
                "scene 1 line 2 has kind \"monologue\"; use action, dialogue or narration");
        assertThat(mapped.script().scenes().get(0).lines().get(0).kind()).isEqualTo(LineKind.DIALOGUE);
        assertThat(mapped.script().scenes().get(0).lines().get(0).speaker()).isEqualTo("Urashima Taro");
        assertThat(mapped.script().estimatedSeconds()).isEqualTo(2.5);
        assertThat(mapped.script().hook().kind().wireName()).isEqualTo("question");
    }

    @Test
    void the_string_null_as_a_speaker_means_no_speaker() throws Exception {
        ScriptAnswer answer = ScriptAnswer.parse("""
                {"scenes": [{"place": "x", "lines": [{"kind": "action", "speaker": "null", "text": "Go.", "seconds": 1}]}]}""");

        assertThat(answer.toScript(aBible().build()).script().scenes().get(0).lines().get(0).speaker()).isNull();
    }
}
