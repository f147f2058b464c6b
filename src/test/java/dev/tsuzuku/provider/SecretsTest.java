package dev.tsuzuku.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SecretsTest {
    static final String KEY = "sk-proj-abcdefghijklmnopqrstuvwxyz012345";

    @Test
    void redacts_the_whole_key_and_its_first_half() {
        Secrets s = Secrets.of(KEY, null, " ");

        assertThat(s.redact("bad key " + KEY + " given")).isEqualTo("bad key [redacted] given");
        assertThat(s.redact("Incorrect API key provided: " + KEY.substring(0, KEY.length() / 2) + "****"))
                .doesNotContain(KEY.substring(0, KEY.length() / 2));
        assertThat(s.redact(null)).isNull();
        assertThat(s.toString()).doesNotContain(KEY).doesNotContain(KEY.substring(0, 8));
    }

    @Test
    void every_secret_of_an_adapter_is_redacted() {
        Secrets s = Secrets.of("AK0123456789abcdef", "SK0123456789abcdefghijkl");

        assertThat(s.redact("ak AK0123456789abcdef sk SK0123456789abcdefghijkl"))
                .isEqualTo("ak [redacted] sk [redacted]");
    }

    @Test
    void a_failure_built_by_the_http_helper_is_redacted_in_code_message_and_cause() {
        ProviderHttp http = new ProviderHttp("p", Duration.ofSeconds(1), Duration.ofSeconds(1), Secrets.of(KEY),
                Stubs.CLOCK);

        ProviderException e = http.failure(FailureKind.AUTH, 401, "key " + KEY, "the key " + KEY + " is wrong", null,
                new IllegalStateException("header Bearer " + KEY));

        Stubs.assertNoSecret(e, KEY);
        assertThat(e.getCause().getMessage()).contains("IllegalStateException").contains("[redacted]");
        assertThat(e.retryable()).isFalse();
    }
}
