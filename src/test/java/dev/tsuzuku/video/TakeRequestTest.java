package dev.tsuzuku.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tsuzuku.provider.FailureKind;
import dev.tsuzuku.provider.ProviderFailure;
import java.net.URI;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The provider-neutral request and result records keep their promises. */
class TakeRequestTest {

    @Test
    void defaults_are_vertical_720p_silent_and_withers_change_one_thing() {
        TakeRequest r = TakeRequest.of("k", "p", 5);
        TakeRequest hd = r.withResolution("1080p");

        assertThat(r.ratio()).isEqualTo("9:16");
        assertThat(r.resolution()).isEqualTo("720p");
        assertThat(r.generateAudio()).isFalse();
        assertThat(r.referenceImages()).isEmpty();
        assertThat(hd).isEqualTo(new TakeRequest("k", "p", null, null, List.of(), 5, "9:16", "1080p", null, false, null,
                null));
        assertThat(r.modelOr("m")).isEqualTo("m");
        assertThat(r.withModel("x").modelOr("m")).isEqualTo("x");
    }

    @Test
    void a_request_without_key_prompt_or_duration_is_refused() {
        assertThatThrownBy(() -> TakeRequest.of(" ", "p", 5)).hasMessageContaining("idempotencyKey");
        assertThatThrownBy(() -> TakeRequest.of("k", "", 5)).hasMessageContaining("prompt");
        assertThatThrownBy(() -> TakeRequest.of("k", "p", 0)).hasMessageContaining("durationSeconds");
        assertThatThrownBy(() -> KeyframeRequest.of("k", "p", List.of(), 0, 10)).hasMessageContaining("width");
    }

    @Test
    void images_render_as_data_urls_or_bare_base64_and_print_without_their_bytes() {
        byte[] bytes = {1, 2, 3};
        ImageRef png = ImageRef.png(bytes);
        ImageRef url = ImageRef.url(URI.create("https://cdn.example.com/a.png?sig=secret"));

        assertThat(png.urlOrDataUrl()).isEqualTo("data:image/png;base64," + Base64.getEncoder().encodeToString(bytes));
        assertThat(png.urlOrBase64()).isEqualTo(Base64.getEncoder().encodeToString(bytes));
        assertThat(url.urlOrBase64()).isEqualTo("https://cdn.example.com/a.png?sig=secret");
        assertThat(png.toString()).isEqualTo("ImageRef[image/png, 3 bytes]");
        assertThat(url.toString()).doesNotContain("secret");
        assertThat(ImageRef.png(bytes)).isEqualTo(png);
        assertThatThrownBy(() -> ImageRef.bytes(bytes, "video/mp4")).hasMessageContaining("image/");
    }

    @Test
    void a_task_cannot_succeed_without_output_or_fail_without_a_reason() {
        assertThatThrownBy(() -> new VideoTask("t", TaskState.SUCCEEDED, "succeeded", 1.0, List.of(), null, null, null,
                null, null)).hasMessageContaining("output URL");
        assertThatThrownBy(() -> new VideoTask("t", TaskState.FAILED, "failed", null, List.of(), null, null, null,
                null, null)).hasMessageContaining("failure");
        VideoTask failed = new VideoTask("t", TaskState.FAILED, "failed", null, null, null,
                new ProviderFailure(FailureKind.MODERATION, 0, "1301", "policy"), null, null, null);
        assertThat(failed.state().finished()).isTrue();
        assertThat(failed.failure().describe()).isEqualTo("moderation [1301]: policy");
    }

    @Test
    void the_failure_kinds_split_as_documented() {
        assertThat(List.of(FailureKind.values()).stream().filter(FailureKind::retryable))
                .containsExactlyInAnyOrder(FailureKind.RATE_LIMITED, FailureKind.CONCURRENCY_LIMIT,
                        FailureKind.QUEUE_FULL, FailureKind.SERVER_ERROR, FailureKind.TIMEOUT, FailureKind.UNREACHABLE,
                        FailureKind.EXPIRED, FailureKind.GENERATION_FAILED);
        assertThat(FailureKind.MODERATION.moderation()).isTrue();
        assertThat(FailureKind.INVALID_REQUEST.moderation()).isFalse();
    }
}
