package dev.tsuzuku.render;

import static dev.tsuzuku.render.CaptionBoards.aBoard;
import static dev.tsuzuku.render.CaptionBoards.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tsuzuku.model.Storyboard;
import org.junit.jupiter.api.Test;

class SubtitlesTest {
    private final Storyboard board = aBoard()
            .shot(90, line(null, "Long ago, an old woman went to the river.", 0, 75))
            .shot(60, line("Momotaro", "I will go to the island of the ogres!", 15, 59))
            .build();

    @Test
    void srt_has_one_numbered_cue_per_line_timed_to_its_global_frames_with_the_speaker_for_dialogue() {
        assertThat(Subtitles.srt(board)).isEqualTo("""
                1
                00:00:00,000 --> 00:00:02,500
                Long ago, an old woman went to the river.

                2
                00:00:03,500 --> 00:00:04,967
                Momotaro: I will go to
                the island of the ogres!

                """);
    }

    @Test
    void vtt_has_the_header_dot_milliseconds_and_escapes_markup() {
        Storyboard b = aBoard().shot(45, line("Kintaro", "Bears <and> me & you", 3, 45)).build();

        assertThat(Subtitles.vtt(b)).isEqualTo("""
                WEBVTT

                1
                00:00:00.100 --> 00:00:01.500
                Kintaro: Bears &lt;and&gt; me &amp; you

                """);
    }

    @Test
    void two_rows_are_balanced_and_never_longer_than_42_characters() {
        Storyboard b = aBoard().shot(150, line(null, "The peach floated down the river, bobbing gently on the bright water.", 0, 150)).build();

        assertThat(Subtitles.cues(b)).singleElement().satisfies(c -> assertThat(c.rows())
                .containsExactly("The peach floated down the river,", "bobbing gently on the bright water."));
    }

    @Test
    void a_line_too_long_for_one_cue_is_split_into_cues_that_share_its_time_by_length() {
        String text = "Then the old man and the old woman cut the peach open, and out stepped a little boy, "
                + "who told them that heaven had sent him to be their son.";
        Storyboard b = aBoard().shot(300, line(null, text, 0, 300)).build();

        var cues = Subtitles.cues(b);
        assertThat(cues).hasSize(2);
        assertThat(cues.get(0).startFrame()).isZero();
        assertThat(cues.get(0).endFrame()).isEqualTo(cues.get(1).startFrame());
        assertThat(cues.get(1).endFrame()).isEqualTo(300);
        assertThat(cues).allSatisfy(c -> assertThat(c.rows()).hasSizeBetween(1, 2)
                .allSatisfy(r -> assertThat(r.length()).isLessThanOrEqualTo(42)));
        assertThat(String.join(" ", cues.stream().flatMap(c -> c.rows().stream()).toList())).isEqualTo(text);
    }

    @Test
    void silent_shots_and_empty_lines_make_no_cues_but_still_move_the_clock() {
        Storyboard b = aBoard().shot(30).shot(30, line(null, "  ", 0, 10), line("Urashima", "Hello", 0, 30)).build();

        assertThat(Subtitles.srt(b)).isEqualTo("1\n00:00:01,000 --> 00:00:02,000\nUrashima: Hello\n\n");
    }

    @Test
    void the_narrator_speaks_without_a_prefix_whatever_the_bible_calls_them() {
        Storyboard b = CaptionBoards.aBoard()
                .shot(30, line("Narrator", "Once upon a time.", 0, 30))
                .shot(30, line("Storyteller", "There was a boy.", 0, 30), line("Momotaro", "Hi.", 0, 30))
                .build();

        assertThat(Subtitles.cues(b).get(0).rows()).containsExactly("Once upon a time.");
        assertThat(Subtitles.cues(b, "Storyteller"::equals)).extracting(c -> c.rows().get(0))
                .containsExactly("Narrator: Once upon a time.", "There was a boy.", "Momotaro: Hi.");
    }

    @Test
    void times_round_to_the_millisecond_and_count_hours() {
        assertThat(Subtitles.time(1, 30, ',')).isEqualTo("00:00:00,033");
        assertThat(Subtitles.time(2, 30, '.')).isEqualTo("00:00:00.067");
        assertThat(Subtitles.time(30 * 3725, 30, ',')).isEqualTo("01:02:05,000");
    }

    @Test
    void a_long_japanese_line_is_wrapped_per_character_into_cues_timed_inside_the_line() {
        String text = "鈴が鳴るたびに、村の誰かが大切なものを失うと言い伝えられておる。けれども本当のことは誰も知らぬ。";
        Storyboard b = aBoard().shot(300, line("和尚", text, 30, 270)).build();

        java.util.List<Subtitles.Cue> cues = Subtitles.cues(b);

        assertThat(cues).hasSizeGreaterThan(1);
        assertThat(cues.get(0).startFrame()).isEqualTo(30);
        assertThat(cues.get(cues.size() - 1).endFrame()).isEqualTo(270);
        for (Subtitles.Cue c : cues) {
            assertThat(c.rows()).hasSizeLessThanOrEqualTo(2);
            assertThat(c.rows()).allMatch(r -> r.length() <= Subtitles.MAX_CJK_CHARS + 2);
            assertThat(c.rows()).noneMatch(r -> r.startsWith("、") || r.startsWith("。"));
        }
        assertThat(String.join("", cues.stream().flatMap(c -> c.rows().stream()).toList()))
                .isEqualTo("和尚: " + text);
    }
}
