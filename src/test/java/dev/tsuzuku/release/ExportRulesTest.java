package dev.tsuzuku.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExportRulesTest {
    static final ExportRules.Master GOOD = new ExportRules.Master(150, 190L << 20, 1080, 1920, "h264", "yuv420p", "aac", 30);

    static ExportRules.Master seconds(double s) {
        return new ExportRules.Master(s, GOOD.bytes(), 1080, 1920, "h264", "yuv420p", "aac", 30);
    }

    @Test
    void the_house_master_fits_every_platform() {
        for (Platform p : Platform.values()) {
            assertThat(ExportRules.check(p, GOOD)).as(p.id()).isEmpty();
        }
    }

    @Test
    void each_platform_has_its_own_duration_limit() {
        assertThat(ExportRules.check(Platform.SHORTS, seconds(181))).singleElement()
                .satisfies(x -> {
                    assertThat(x.message()).isEqualTo("is 181.0 s long; YouTube Shorts takes at most 180 s");
                    assertThat(x.fix()).contains("--for tiktok");
                });
        assertThat(ExportRules.check(Platform.TIKTOK, seconds(181))).isEmpty();
        assertThat(ExportRules.check(Platform.TIKTOK, seconds(601))).hasSize(1);
        assertThat(ExportRules.check(Platform.REELS, seconds(601))).isEmpty();
        assertThat(ExportRules.check(Platform.REELS, seconds(2.5))).extracting(ExportRules.Problem::message)
                .containsExactly("is 2.5 s long; Instagram Reels takes at least 3 s");
    }

    @Test
    void size_resolution_codecs_and_rate_are_checked() {
        ExportRules.Master big = new ExportRules.Master(150, 301L << 20, 1080, 1920, "h264", "yuv420p", "aac", 30);
        assertThat(ExportRules.check(Platform.REELS, big)).extracting(ExportRules.Problem::message)
                .containsExactly("is 301 MB; Instagram Reels takes at most 300 MB");
        assertThat(ExportRules.check(Platform.TIKTOK, big)).isEmpty();
        ExportRules.Master wrong = new ExportRules.Master(150, 1000, 1920, 1080, "hevc", "yuv420p", null, 15);
        assertThat(ExportRules.check(Platform.TIKTOK, wrong)).extracting(ExportRules.Problem::message).containsExactly(
                "1920×1080 is not 9:16 vertical video", "the video is hevc, not H.264", "has no sound track",
                "runs at 15.00 fps; the platforms take 23–60");
        ExportRules.Master small = new ExportRules.Master(150, 1000, 540, 960, "h264", "yuv444p", "mp3", 30);
        assertThat(ExportRules.check(Platform.TIKTOK, small)).extracting(ExportRules.Problem::message).containsExactly(
                "540×960 is below 720×1280", "the picture is yuv444p, not yuv420p", "the sound is mp3, not AAC");
    }

    @Test
    void the_caption_carries_the_hook_and_hashtags_within_the_platforms_length() {
        String tiktok = ExportRules.caption(Platform.TIKTOK, "Peach Boy!", 3, "The Island", "Who opens the gate?");
        assertThat(tiktok).isEqualTo("Peach Boy! · Episode 3: The Island\n\nWho opens the gate?\n\n"
                + "#PeachBoy #anime #shortdrama #episode3");
        String shorts = ExportRules.caption(Platform.SHORTS, "Peach Boy!", 3, "The Island", "Who opens the gate?");
        assertThat(shorts).isEqualTo("Peach Boy! · Episode 3: The Island #PeachBoy #Shorts #anime #shortdrama #episode3");
        assertThat(ExportRules.length(shorts)).isLessThanOrEqualTo(100);
        assertThat(ExportRules.caption(Platform.REELS, "Peach Boy", 1, "A", "B")).endsWith("#reels");
    }

    @Test
    void a_long_caption_loses_hashtags_first_then_words_and_never_passes_the_limit() {
        String longTitle = "The Very Long Night When The Dragon King's Daughter Came Up From The Sea To Ask For Help";
        String shorts = ExportRules.caption(Platform.SHORTS, "Urashima", 12, longTitle, "x");
        assertThat(ExportRules.length(shorts)).isLessThanOrEqualTo(100);
        assertThat(shorts).startsWith("Urashima · Episode 12: The Very Long Night").endsWith("#Urashima");
        String hook = "word ".repeat(1000);
        for (Platform p : Platform.values()) {
            String c = ExportRules.caption(p, "Urashima", 12, longTitle, hook);
            assertThat(ExportRules.length(c)).as(p.id()).isLessThanOrEqualTo(p.captionChars());
            assertThat(c).as(p.id()).contains("…").endsWith("#Urashima");
        }
        // emoji count as one character each, as the apps count them
        String emoji = ExportRules.caption(Platform.SHORTS, "🍑", 1, "🍑".repeat(200), "");
        assertThat(ExportRules.length(emoji)).isLessThanOrEqualTo(100);
        assertThat(List.of(emoji.split(" "))).isNotEmpty();
    }
}
