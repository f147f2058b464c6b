package dev.tsuzuku.story;

import static dev.tsuzuku.story.WritingFixtures.aBible;
import static dev.tsuzuku.story.WritingFixtures.aScript;
import static dev.tsuzuku.story.WritingFixtures.action;
import static dev.tsuzuku.story.WritingFixtures.says;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tsuzuku.model.Hook;
import dev.tsuzuku.model.HookKind;
import dev.tsuzuku.model.Script;
import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever the story's text, a Fountain reader sees the element the script meant. */
class FountainEscapingPropertiesTest {

    @Property(tries = 300)
    void any_action_text_reads_back_as_action(@ForAll("storyText") String text) {
        Script script = aScript().noScenes().scene("the sea shore", "day", action(text, 5))
                .hook(new Hook("x", HookKind.TURN)).build();

        List<String> elements = read(script);

        assertThat(elements.get(3)).startsWith("action: ");
        assertThat(elements).hasSize(6);
    }

    @Property(tries = 300)
    void any_speaker_reads_back_as_a_cue_followed_by_the_dialogue(@ForAll("storyText") String speaker,
            @ForAll("storyText") String text) {
        Script script = aScript().noScenes().scene("the sea shore", "day", says(speaker, text, 5))
                .hook(new Hook("x", HookKind.TURN)).build();

        List<String> elements = read(script);

        assertThat(elements.get(3)).startsWith("cue: ");
        assertThat(elements.get(4)).startsWith("dialogue: ");
        assertThat(elements).hasSize(7);
    }

    private static List<String> read(Script script) {
        return FountainWriterTest.TinyFountainReader.read(
                FountainWriter.render(script, aBible().build(), LocalDate.of(2026, 1, 1)));
    }

    /** Text with the characters and openings Fountain gives a meaning to. */
    @Provide
    Arbitrary<String> storyText() {
        Arbitrary<String> opening = Arbitraries.of("", "INT. ", "EXT ", "est. ", "I/E ", "int./ext. ", ".", "!", "@",
                "> ", "~", "=", "#", "(", "*", "_");
        Arbitrary<String> body = Arbitraries.strings().withChars("aBcXYZ ’.!@>~=#*_()<:/0 ").ofMinLength(0).ofMaxLength(24);
        return Combinators.combine(opening, body, Arbitraries.of("a", "Z", "7"))
                .as((o, b, c) -> o + b + c);
    }
}
