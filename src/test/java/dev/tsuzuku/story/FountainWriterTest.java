package dev.tsuzuku.story;

import static dev.tsuzuku.story.WritingFixtures.aBible;
import static dev.tsuzuku.story.WritingFixtures.aScript;
import static dev.tsuzuku.story.WritingFixtures.action;
import static dev.tsuzuku.story.WritingFixtures.character;
import static dev.tsuzuku.story.WritingFixtures.narration;
import static dev.tsuzuku.story.WritingFixtures.says;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.Hook;
import dev.tsuzuku.model.HookKind;
import dev.tsuzuku.model.Script;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class FountainWriterTest {
    private static final LocalDate DRAFT = LocalDate.of(2026, 11, 25);
    private final Bible bible = aBible().place("the village", "exterior").castMember(
            character("桃太郎", dev.tsuzuku.model.Character.Role.MINOR)).build();

    @Test
    void the_screenplay_the_write_stage_keeps_has_no_draft_date_so_it_does_not_change_with_the_day() {
        String fountain = FountainWriter.render(aScript().build(), bible);

        assertThat(fountain).doesNotContain("Draft date")
                .isEqualTo(FountainWriter.render(aScript().build(), bible, DRAFT).replace("Draft date: 2026-11-25\n", ""));
    }

    @Test
    void a_small_script_renders_as_this_exact_screenplay() {
        String fountain = FountainWriter.render(aScript().build(), bible, DRAFT);

        assertThat(fountain).isEqualTo("""
                Title:
                    Urashima Taro
                    Episode 4: The Box of Jewels
                Credit: Adapted for vertical anime from
                Source: Urashima Taro
                Draft date: 2026-11-25
                Notes: Estimated 150.0 s, target 120–180 s

                INT. THE DRAGON PALACE - NIGHT

                [[scene 1: 90.0 s]]

                Lanterns of coral glow over a sleeping hall. [[40.0 s]]

                NARRATOR (V.O.)
                Three years passed like three days. [[30.0 s]]

                URASHIMA TARO
                I must see my parents again. [[20.0 s]]

                EXT. THE SEA SHORE - DAWN

                [[scene 2: 60.0 s]]

                OTOHIME
                Take this box with you. [[30.0 s]]

                OTOHIME
                Whatever you do, never open this box. [[30.0 s]]

                > TO BE CONTINUED <

                [[hook, threat: Whatever you do, never open this box.]]
                """);
    }

    @Test
    void a_place_the_bible_does_not_know_gets_a_forced_heading() {
        Script script = aScript().noScenes().scene("the turtle's back", null, action("Waves.", 3))
                .hook(new Hook("Waves.", HookKind.TURN)).build();

        assertThat(FountainWriter.render(script, bible, DRAFT)).contains("\n.THE TURTLE'S BACK\n");
    }

    @Test
    void text_that_would_be_misread_is_escaped() {
        Script script = aScript().noScenes().scene("The Village", "day",
                        action("BOOM! THE GATE FALLS.", 2),
                        action("Int. the palace is quiet.", 2),
                        action(".Hidden in the reeds, a boat.", 2),
                        action("> a shadow passes", 2),
                        action("He whispers *never* and walks to the_shore.", 3),
                        says("桃太郎", "Who goes there?", 2),
                        says("Otohime", "Stay.\n\nPlease   stay.", 2),
                        narration(null, "And so it began.", 2))
                .hook(new Hook("And so it began.", HookKind.TURN)).build();

        String fountain = FountainWriter.render(script, bible, DRAFT);

        assertThat(fountain).contains(
                "\nEXT. THE VILLAGE - DAY\n",
                "\n!BOOM! THE GATE FALLS. [[2.0 s]]\n",
                "\n!Int. the palace is quiet. [[2.0 s]]\n",
                "\n!.Hidden in the reeds, a boat. [[2.0 s]]\n",
                "\n!> a shadow passes [[2.0 s]]\n",
                "\nHe whispers \\*never\\* and walks to the\\_shore. [[3.0 s]]\n",
                "\n@桃太郎\nWho goes there? [[2.0 s]]\n",
                "\nOTOHIME\nStay. Please stay. [[2.0 s]]\n",
                "\nNARRATOR (V.O.)\nAnd so it began. [[2.0 s]]\n");
    }

    @Test
    void an_alias_speaker_is_cued_by_the_cast_name() {
        Script script = aScript().line(1, 3, says("taro", "I must see my parents again.", 20)).build();

        assertThat(FountainWriter.render(script, bible, DRAFT)).contains("\nURASHIMA TARO\nI must see");
    }

    @Test
    void a_fountain_reader_finds_every_heading_cue_and_action_again() {
        Script script = aScript().scene("the village", "dusk",
                action("THE BOX SMOKES.", 2.0), says("Urashima Taro", "Mother?", 1.0)).build();

        List<String> elements = TinyFountainReader.read(FountainWriter.render(script, bible, DRAFT));

        assertThat(elements).containsExactly(
                "title page",
                "heading: INT. THE DRAGON PALACE - NIGHT", "note",
                "action: Lanterns of coral glow over a sleeping hall.",
                "cue: NARRATOR (V.O.)", "dialogue: Three years passed like three days.",
                "cue: URASHIMA TARO", "dialogue: I must see my parents again.",
                "heading: EXT. THE SEA SHORE - DAWN", "note",
                "cue: OTOHIME", "dialogue: Take this box with you.",
                "cue: OTOHIME", "dialogue: Whatever you do, never open this box.",
                "heading: EXT. THE VILLAGE - DUSK", "note",
                "action: THE BOX SMOKES.",
                "cue: URASHIMA TARO", "dialogue: Mother?",
                "centred: TO BE CONTINUED", "note");
    }

    /**
     * Just enough of the Fountain rules (https://fountain.io/syntax) to tell elements apart the
     * way a screenwriting app would: paragraphs split on blank lines, forced marks first.
     */
    static final class TinyFountainReader {
        static List<String> read(String fountain) {
            List<String> out = new ArrayList<>();
            String[] paragraphs = fountain.split("\n\n");
            out.add("title page"); // the first paragraph is all "Key: value" lines
            for (int i = 1; i < paragraphs.length; i++) {
                String[] lines = paragraphs[i].strip().split("\n");
                String first = stripNotes(lines[0]);
                if (first.isEmpty()) {
                    out.add("note");
                } else if (first.startsWith("!")) {
                    out.add("action: " + first.substring(1));
                } else if (first.startsWith(".") && !first.startsWith("..")) {
                    out.add("heading: " + first.substring(1));
                } else if (first.matches("(?i)^(INT|EXT|EST|INT\\./EXT|I/E)[. ].*")) {
                    out.add("heading: " + first);
                } else if (first.startsWith(">") && first.endsWith("<")) {
                    out.add("centred: " + first.substring(1, first.length() - 1).strip());
                } else if (lines.length > 1 && (first.startsWith("@") || isCaps(first.replaceAll("\\(.*\\)", "")))) {
                    out.add("cue: " + (first.startsWith("@") ? first.substring(1) : first));
                    out.add("dialogue: " + stripNotes(lines[1]));
                } else {
                    out.add("action: " + first);
                }
            }
            return out;
        }

        private static boolean isCaps(String s) {
            return s.codePoints().anyMatch(Character::isLetter) && s.equals(s.toUpperCase(Locale.ROOT));
        }

        private static String stripNotes(String s) {
            return s.replaceAll("\\[\\[.*?]]", "").strip();
        }
    }
}
