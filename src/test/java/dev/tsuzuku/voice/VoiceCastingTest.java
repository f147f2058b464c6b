package dev.tsuzuku.voice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.Character;
import dev.tsuzuku.model.Character.Role;
import dev.tsuzuku.model.VoiceSpec;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class VoiceCastingTest {
    static final VoiceSpec NARRATOR = new VoiceSpec("en-gb", 40, 150);
    static final VoiceSpec TARO = new VoiceSpec("en-us+m3", 45, 165);

    static Character member(String name, Role role, VoiceSpec voice, String... aliases) {
        return new Character(name, List.of(aliases), role, null, voice);
    }

    static Bible bible(Character... cast) {
        return new Bible("urashima", "Urashima", "logline", "en", "fairy tale", null, Arrays.asList(cast), List.of(),
                150, null, null, null);
    }

    final Bible bible = bible(
            member("Narrator", Role.NARRATOR, NARRATOR),
            member("Urashima Taro", Role.LEAD, TARO, "Taro"),
            member("Otohime", Role.SUPPORTING, null),
            member("Turtle", Role.MINOR, null));

    @Test
    void a_cast_member_speaks_with_the_voice_the_bible_gives_them_by_name_or_alias() {
        assertThat(VoiceCasting.specFor("Urashima Taro", bible)).isEqualTo(TARO);
        assertThat(VoiceCasting.specFor("taro", bible)).isEqualTo(TARO);
    }

    @Test
    void no_speaker_or_an_unknown_one_is_the_narrator() {
        assertThat(VoiceCasting.specFor(null, bible)).isEqualTo(NARRATOR);
        assertThat(VoiceCasting.specFor("  ", bible)).isEqualTo(NARRATOR);
        assertThat(VoiceCasting.specFor("A passing monk", bible)).isEqualTo(NARRATOR);
    }

    @Test
    void a_cast_member_without_a_voice_gets_a_default_that_is_stable_and_their_own() {
        VoiceSpec otohime = VoiceCasting.specFor("Otohime", bible);
        VoiceSpec turtle = VoiceCasting.specFor("Turtle", bible);

        assertThat(otohime).isEqualTo(VoiceCasting.specFor("OTOHIME", bible));
        assertThat(otohime).isNotEqualTo(turtle).isNotEqualTo(NARRATOR).isNotEqualTo(TARO);
        assertThat(otohime.pitch()).isBetween(30, 70);
        assertThat(otohime.wordsPerMinute()).isBetween(150, 175);
        assertThat(otohime.voice()).startsWith("en-");
    }

    @Test
    void a_default_voice_steps_aside_when_the_bible_already_uses_it() {
        VoiceSpec first = VoiceCasting.specFor("Otohime", bible);
        Bible clash = bible(member("Narrator", Role.NARRATOR, NARRATOR), member("Kame", Role.LEAD, first),
                member("Otohime", Role.SUPPORTING, null));

        assertThat(VoiceCasting.specFor("Otohime", clash)).isNotEqualTo(first);
    }

    @Test
    void a_bible_without_a_narrator_voice_still_has_a_narrator() {
        Bible none = bible(member("Urashima Taro", Role.LEAD, TARO));

        assertThat(VoiceCasting.specFor(null, none)).isEqualTo(VoiceCasting.NARRATOR_DEFAULT);
    }
}
