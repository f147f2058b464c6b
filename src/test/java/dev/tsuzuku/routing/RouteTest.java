package dev.tsuzuku.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tsuzuku.model.CameraMove;
import dev.tsuzuku.model.Framing;
import dev.tsuzuku.model.Generation;
import dev.tsuzuku.model.Shot;
import dev.tsuzuku.model.ShotCast;
import dev.tsuzuku.model.ShotKind;
import dev.tsuzuku.model.ShotLine;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteTest {
    static Shot shot(int index, ShotKind kind, Framing framing, CameraMove camera, String speaker) {
        return new Shot(index, kind, 60, framing, camera, "river", "day", List.of(new ShotCast("Taro", "neutral", "center")),
                "", speaker == null ? List.of() : List.of(new ShotLine(speaker, "Hello.", 0, 30)), List.of(), "a river");
    }

    final Generation config = new Generation(List.of("seedance", "kling"), List.of("seedream"),
            Map.of("action", List.of("kling", "keyframe")), Map.of("1.5", List.of("runway")), 0, 0, "USD", Map.of(), Map.of());

    @Test
    void shots_are_classified_from_kind_framing_lines_and_camera() {
        assertThat(ShotClass.of(shot(1, ShotKind.COLD_OPEN, Framing.WIDE, CameraMove.STATIC, null))).contains(ShotClass.COLD_OPEN);
        assertThat(ShotClass.of(shot(2, ShotKind.HOOK, Framing.WIDE, CameraMove.STATIC, null))).contains(ShotClass.HOOK);
        assertThat(ShotClass.of(shot(3, ShotKind.TITLE, Framing.WIDE, CameraMove.STATIC, null))).isEmpty();
        assertThat(ShotClass.of(shot(4, ShotKind.STORY, Framing.CLOSE_UP, CameraMove.STATIC, "Taro")))
                .contains(ShotClass.DIALOGUE_CLOSE_UP);
        assertThat(ShotClass.of(shot(5, ShotKind.STORY, Framing.WIDE, CameraMove.STATIC, null))).contains(ShotClass.NARRATION);
        assertThat(ShotClass.of(shot(6, ShotKind.STORY, Framing.WIDE, CameraMove.SHAKE, null))).contains(ShotClass.ACTION);
        assertThat(ShotClass.of(shot(7, ShotKind.STORY, Framing.WIDE, CameraMove.STATIC, "Taro"))).contains(ShotClass.ACTION);
    }

    @Test
    void the_default_keeps_the_cold_open_and_hook_as_video_and_gives_the_rest_a_keyframe_always_ending_with_the_animatic() {
        Route r = new Route(config, List.of("kling", "seedance"), Route.Mode.DEFAULT);
        assertThat(r.steps(1, shot(1, ShotKind.COLD_OPEN, Framing.WIDE, CameraMove.STATIC, null)))
                .containsExactly("kling", "seedance", "keyframe", "animatic");
        assertThat(r.steps(1, shot(2, ShotKind.STORY, Framing.WIDE, CameraMove.STATIC, null)))
                .containsExactly("keyframe", "animatic");
        assertThat(r.steps(1, shot(3, ShotKind.END_CARD, Framing.WIDE, CameraMove.STATIC, null))).containsExactly("animatic");
        // per class, then per shot
        assertThat(r.steps(1, shot(4, ShotKind.STORY, Framing.WIDE, CameraMove.PAN, null)))
                .containsExactly("kling", "keyframe", "animatic");
        assertThat(r.steps(1, shot(5, ShotKind.STORY, Framing.WIDE, CameraMove.PAN, null))).containsExactly("runway", "animatic");
        assertThat(r.steps(2, shot(5, ShotKind.STORY, Framing.WIDE, CameraMove.PAN, null)))
                .containsExactly("kling", "keyframe", "animatic");
    }

    @Test
    void all_video_sends_every_shot_but_the_cards_to_the_video_providers() {
        Route r = new Route(config, List.of("seedance", "kling"), Route.Mode.ALL_VIDEO);
        assertThat(r.steps(1, shot(2, ShotKind.STORY, Framing.CLOSE_UP, CameraMove.STATIC, "Taro")))
                .containsExactly("seedance", "kling", "keyframe", "animatic");
        assertThat(r.steps(1, shot(3, ShotKind.TITLE, Framing.WIDE, CameraMove.STATIC, null))).containsExactly("animatic");
    }

    @Test
    void take_durations_snap_to_the_providers_allowed_set() {
        assertThat(AiGenerator.snap(2.2, List.of(5, 10))).isEqualTo(5);
        assertThat(AiGenerator.snap(6.0, List.of(5, 10))).isEqualTo(10);
        assertThat(AiGenerator.snap(14.0, List.of(5, 10))).isEqualTo(10);
        assertThat(AiGenerator.snap(3.0, List.of(4, 5, 6, 7, 8, 9, 10, 11, 12))).isEqualTo(4);
        assertThat(AiGenerator.snap(4.0, List.of(2, 3, 4, 5))).isEqualTo(4);
    }
}
