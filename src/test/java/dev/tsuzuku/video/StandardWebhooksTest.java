package dev.tsuzuku.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tsuzuku.provider.ProviderHttp;
import dev.tsuzuku.provider.Stubs;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Standard-Webhooks signatures, checked against the official test vector (providers/kling-webhook-vector.json). */
class StandardWebhooksTest {
    private final JsonNode vector = read();
    private final String secret = vector.path("secret").asText();
    private final String id = vector.path("id").asText();
    private final String ts = vector.path("timestamp").asText();
    private final String body = vector.path("body").asText();
    private final String signature = vector.path("signature").asText();

    private static JsonNode read() {
        try {
            return ProviderHttp.JSON.readTree(Stubs.resource("kling-webhook-vector.json"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private StandardWebhooks at(long epochSecond) {
        return new StandardWebhooks(secret, Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC));
    }

    @Test
    void signs_the_official_vector_to_the_official_signature() {
        assertThat(at(1781080794).sign(id, 1781080794, body))
                .isEqualTo("v1,UsKlJP00XoQyOn410NM9xv34sP+Gl0jnOO9Lcpr7NJ4=")
                .isEqualTo(signature);
    }

    @Test
    void accepts_the_official_vector() {
        assertThat(at(1781080794).verify(id, ts, signature, body)).isTrue();
    }

    @Test
    void rejects_a_changed_body_id_or_timestamp() {
        StandardWebhooks w = at(1781080794);

        assertThat(w.verify(id, ts, signature, body.replace("succeeded", "failed"))).isFalse();
        assertThat(w.verify("9876543211", ts, signature, body)).isFalse();
        assertThat(w.verify(id, "1781080795", signature, body)).isFalse();
    }

    @Test
    void rejects_a_timestamp_more_than_five_minutes_away() {
        assertThat(at(1781080794 + 300).verify(id, ts, signature, body)).isTrue();
        assertThat(at(1781080794 + 301).verify(id, ts, signature, body)).isFalse();
        assertThat(at(1781080794 - 301).verify(id, ts, signature, body)).isFalse();
    }

    @Test
    void accepts_any_matching_entry_of_a_rotating_list_and_ignores_other_versions() {
        StandardWebhooks w = at(1781080794);
        String good = signature.substring("v1,".length());

        assertThat(w.verify(id, ts, "v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA= " + signature, body)).isTrue();
        assertThat(w.verify(id, ts, "v2," + good, body)).isFalse();
        assertThat(w.verify(id, ts, good, body)).isFalse();
    }

    @Test
    void another_secret_does_not_verify_and_a_bad_secret_is_refused_without_echoing_it() {
        StandardWebhooks other = new StandardWebhooks("whsec_b3RoZXJzZWNyZXRvdGhlcnNlY3JldA==",
                Clock.fixed(Instant.ofEpochSecond(1781080794), ZoneOffset.UTC));

        assertThat(other.verify(id, ts, signature, body)).isFalse();
        assertThatThrownBy(() -> new StandardWebhooks("whsec_not*base64!", Clock.systemUTC()))
                .hasMessageNotContaining("not*base64!");
        assertThat(at(0).toString()).doesNotContain(secret.substring(6));
    }

    @Test
    void missing_headers_or_a_non_numeric_timestamp_do_not_verify() {
        StandardWebhooks w = at(1781080794);

        assertThat(w.verify(null, ts, signature, body)).isFalse();
        assertThat(w.verify(id, "soon", signature, body)).isFalse();
        assertThat(w.verify(id, ts, null, body)).isFalse();
    }
}
