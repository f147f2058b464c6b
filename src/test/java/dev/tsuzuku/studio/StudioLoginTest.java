package dev.tsuzuku.studio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tsuzuku.model.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudioLoginTest {
    @TempDir
    Path dir;

    private final SecureRandom random = new SecureRandom();

    @Test
    void a_password_hash_is_salted_and_matches_only_its_secret() {
        String a = PasswordHash.hash("a long enough secret", random, 1_000);
        String b = PasswordHash.hash("a long enough secret", random, 1_000);
        assertThat(a).isNotEqualTo(b).startsWith("pbkdf2-sha256$1000$").doesNotContain("secret");
        assertThat(PasswordHash.matches("a long enough secret", a)).isTrue();
        assertThat(PasswordHash.matches("a long enough secreT", a)).isFalse();
        assertThat(PasswordHash.matches("a long enough secret", "pbkdf2-sha256$1000$!!$??")).isFalse();
        assertThat(PasswordHash.matches("a long enough secret", "md5$x")).isFalse();
        assertThat(PasswordHash.hash("x", random)).startsWith("pbkdf2-sha256$" + PasswordHash.ITERATIONS + "$");
    }

    @Test
    void the_first_start_without_a_password_makes_a_token_printed_once_and_stores_only_its_hash() throws Exception {
        StudioLogin.Opened first = StudioLogin.open(dir, null, random, 1_000);
        String token = first.newToken().orElseThrow();
        assertThat(token).hasSizeGreaterThanOrEqualTo(32);
        assertThat(first.login().check(token)).isTrue();
        assertThat(first.login().check("")).isFalse();
        String stored = Files.readString(dir.resolve("login"));
        assertThat(stored).doesNotContain(token).startsWith("pbkdf2-sha256$");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("login")))).isEqualTo("rw-------");
        assertThat(first.login().toString()).doesNotContain(stored.strip());

        StudioLogin.Opened again = StudioLogin.open(dir, " ", random, 1_000);
        assertThat(again.newToken()).isEmpty();
        assertThat(again.login().check(token)).isTrue();
        assertThat(again.login().callbackKey()).isEqualTo(first.login().callbackKey());
    }

    @Test
    void a_given_password_replaces_the_token_and_a_short_one_or_a_damaged_file_is_bad_input() throws Exception {
        String token = StudioLogin.open(dir, null, random, 1_000).newToken().orElseThrow();
        StudioLogin chosen = StudioLogin.open(dir, "my studio password", random, 1_000).login();
        assertThat(chosen.check("my studio password")).isTrue();
        assertThat(chosen.check(token)).isFalse();
        assertThat(StudioLogin.open(dir, null, random, 1_000).login().check("my studio password")).isTrue();

        assertThatThrownBy(() -> StudioLogin.open(dir, "short", random, 1_000)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("shorter than 12");
        Files.writeString(dir.resolve("login"), "admin:admin\n");
        assertThatThrownBy(() -> StudioLogin.open(dir, null, random, 1_000)).isInstanceOf(BadInputException.class)
                .hasMessageContaining(dir.resolve("login").toString()).hasMessageContaining("delete it");
    }

    @Test
    void sessions_expire_idle_and_at_their_lifetime_and_failed_logins_lock_for_a_while() {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-01T00:00:00Z"));
        Sessions sessions = new Sessions(clock, Duration.ofMinutes(10), Duration.ofMinutes(25), random);
        Sessions.Session s = sessions.start();
        assertThat(s.csrf()).isNotEqualTo(s.id());
        assertThat(s.csrfMatches(s.csrf())).isTrue();
        assertThat(s.csrfMatches(null)).isFalse();
        assertThat(s.toString()).doesNotContain(s.id()).doesNotContain(s.csrf());
        clock.advance(Duration.ofMinutes(9));
        assertThat(sessions.touch(s.id())).isPresent();
        clock.advance(Duration.ofMinutes(9));
        assertThat(sessions.touch(s.id())).isPresent();
        clock.advance(Duration.ofMinutes(9)); // 27 minutes after login
        assertThat(sessions.touch(s.id())).isEmpty();
        Sessions.Session idle = sessions.start();
        clock.advance(Duration.ofMinutes(10));
        assertThat(sessions.touch(idle.id())).isEmpty();
        assertThat(sessions.touch(null)).isEmpty();

        for (int i = 0; i < Sessions.MAX_FAILURES; i++) {
            assertThat(sessions.loginOpen()).isTrue();
            sessions.loginFailed();
        }
        assertThat(sessions.loginOpen()).isFalse();
        clock.advance(Sessions.LOCKOUT.plusSeconds(1));
        assertThat(sessions.loginOpen()).isTrue();
    }

    @Test
    void callback_addresses_verify_only_for_their_provider_take_and_key() {
        CallbackAddresses a = new CallbackAddresses(new byte[32]);
        String path = a.path("seedance", "ep1-shot3-take2");
        String sig = path.substring(path.lastIndexOf('/') + 1);
        assertThat(path).startsWith("/hooks/seedance/ep1-shot3-take2/");
        assertThat(a.verify("seedance", "ep1-shot3-take2", sig)).isTrue();
        assertThat(a.verify("kling", "ep1-shot3-take2", sig)).isFalse();
        assertThat(a.verify("seedance", "ep1-shot3-take3", sig)).isFalse();
        byte[] other = new byte[32];
        other[0] = 1;
        assertThat(new CallbackAddresses(other).verify("seedance", "ep1-shot3-take2", sig)).isFalse();
        assertThatThrownBy(() -> a.path("seedance", "../x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void callbacks_reach_the_engine_with_the_providers_task_id() {
        java.util.List<String> woken = new java.util.ArrayList<>();
        TakeIntake intake = TakeIntake.toEngine((provider, task) -> woken.add(provider + " " + task));
        intake.callback("seedance", "7", "{\"id\":\"cgt-20251009163014-wfnnx\",\"status\":\"succeeded\"}");
        intake.callback("kling", "8", "{\"task_id\":\"831922345719271433\",\"task_status\":\"succeed\"}");
        intake.callback("kling", "9", "{\"id\":\"1234567890\",\"status\":\"succeeded\"}");
        intake.callback("kling", "10", "not json");
        intake.callback("seedance", "11", "{\"status\":\"running\"}");
        assertThat(woken).containsExactly("seedance cgt-20251009163014-wfnnx", "kling 831922345719271433", "kling 1234567890");
    }
}
