package dev.tsuzuku.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tsuzuku.pipeline.Progress;
import dev.tsuzuku.produce.FakeStudio;
import dev.tsuzuku.release.SettableClock;
import dev.tsuzuku.studio.Sessions;
import dev.tsuzuku.workspace.AtomicFiles;
import dev.tsuzuku.workspace.BibleFile;
import dev.tsuzuku.workspace.Workspace;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Studio sessions in the state database: a restart keeps a live session, never its id in clear, and expiry still holds. */
class StoredSessionsTest {
    @TempDir
    Path dir;

    private final SettableClock clock = new SettableClock(Instant.parse("2026-03-01T09:00:00Z"));

    private Studio studio() {
        Workspace ws = new Workspace(dir);
        if (!java.nio.file.Files.exists(ws.bible())) {
            AtomicFiles.write(ws.bible(), BibleFile.render(FakeStudio.bible()));
        }
        return Studio.open(ws, clock, Progress.silent());
    }

    private Sessions sessions(Studio s) {
        return new Sessions(clock, new SecureRandom(), new StoredSessions(s.database()));
    }

    private static List<String> stored(Studio s) {
        return s.database().transaction(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("SELECT id_hash FROM studio_sessions"); ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    @Test
    void a_session_survives_a_restart_with_its_csrf_token_and_still_expires() {
        Sessions.Session kept;
        Sessions.Session ended;
        Sessions.Session idle;
        try (Studio s = studio()) {
            Sessions sessions = sessions(s);
            kept = sessions.start();
            ended = sessions.start();
            idle = sessions.start();
            sessions.end(ended.id());
            assertThat(stored(s)).hasSize(2).doesNotContain(kept.id(), idle.id(), kept.csrf());
        }
        clock.set(Instant.parse("2026-03-01T10:30:00Z"));
        try (Studio s = studio()) { // the server restarts an hour and a half later
            Sessions sessions = sessions(s);
            assertThat(sessions.touch(kept.id())).hasValueSatisfying(v -> {
                assertThat(v.csrf()).isEqualTo(kept.csrf());
                assertThat(v.created()).isEqualTo(kept.created());
            });
            assertThat(sessions.touch(ended.id())).as("logged out before the restart").isEmpty();
        }
        clock.set(Instant.parse("2026-03-01T11:45:00Z"));
        try (Studio s = studio()) { // and again: the session used at 10:30 lives, the one idle since 09:00 has ended
            Sessions sessions = sessions(s);
            assertThat(sessions.touch(kept.id())).isPresent();
            assertThat(sessions.touch(idle.id())).isEmpty();
            assertThat(stored(s)).hasSize(1);
        }
        clock.set(Instant.parse("2026-03-01T21:00:01Z"));
        try (Studio s = studio()) { // twelve hours after login it ends, restart or not
            assertThat(sessions(s).touch(kept.id())).isEmpty();
            assertThat(stored(s)).isEmpty();
        }
        assertThat(Duration.between(kept.created(), clock.instant())).isGreaterThan(Sessions.DEFAULT_LIFETIME);
    }
}
