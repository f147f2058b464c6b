package dev.tsuzuku.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tsuzuku.provider.FailureKind;
import dev.tsuzuku.provider.ProviderException;
import dev.tsuzuku.provider.ProviderFailure;
import dev.tsuzuku.video.Keyframe;
import dev.tsuzuku.video.KeyframeProvider;
import dev.tsuzuku.video.KeyframeRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DirectTakesTest {
    @Test
    void a_rate_limited_keyframe_fails_at_once_without_waiting_or_asking_again_so_the_next_provider_draws_it() {
        List<Duration> pauses = new ArrayList<>();
        int[] calls = {0};
        KeyframeProvider busy = new KeyframeProvider() {
            public String name() {
                return "seedream";
            }

            public int maxReferenceImages() {
                return 4;
            }

            public Keyframe generate(KeyframeRequest request) {
                calls[0]++;
                throw new ProviderException("seedream", new ProviderFailure(FailureKind.RATE_LIMITED, 429, "", "too many requests"));
            }

            public Path save(Keyframe keyframe, Path target) {
                throw new AssertionError("nothing to save");
            }
        };
        KeyframeRequest request = new KeyframeRequest("k", "a peach on a river", List.of(), 720, 1280, null, null, null);

        Takes.Result r = new DirectTakes(pauses::add).keyframe(new Takes.ShotRef("peach-boy", 1, 1), busy, request, null,
                Path.of("kf.png"));

        assertThat(r.failure()).isEqualTo("rate_limited");
        assertThat(calls[0]).isEqualTo(1);
        assertThat(pauses).isEmpty();
    }
}
