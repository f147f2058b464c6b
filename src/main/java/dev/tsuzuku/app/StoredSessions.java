package dev.tsuzuku.app;

import dev.tsuzuku.store.Database;
import dev.tsuzuku.studio.Sessions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;

/**
 * The studio's sessions in the first workspace's state database ({@code studio_sessions}, V6;
 * decision 0031): the SHA-256 of each session id with its login and last-request times, so a
 * restarted {@code serve} keeps the producer logged in until the session would have ended anyway.
 */
final class StoredSessions implements Sessions.Store {
    private final Database db;

    StoredSessions(Database db) {
        this.db = db;
    }

    @Override
    public void save(String idHash, Instant created, Instant lastSeen) {
        db.transaction(c -> {
            try (PreparedStatement d = c.prepareStatement("DELETE FROM studio_sessions WHERE id_hash = ?")) {
                d.setString(1, idHash);
                d.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO studio_sessions (id_hash, created_at, last_seen_at) VALUES (?, ?, ?)")) {
                s.setString(1, idHash);
                s.setObject(2, Database.timestamp(created));
                s.setObject(3, Database.timestamp(lastSeen));
                s.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Optional<Instant[]> find(String idHash) {
        return db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT created_at, last_seen_at FROM studio_sessions WHERE id_hash = ?")) {
                s.setString(1, idHash);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new Instant[] {Database.instant(rs, 1), Database.instant(rs, 2)});
                }
            }
        });
    }

    @Override
    public void delete(String idHash) {
        db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM studio_sessions WHERE id_hash = ?")) {
                s.setString(1, idHash);
                s.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void deleteEnded(Instant idleBefore, Instant createdBefore) {
        db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM studio_sessions WHERE last_seen_at <= ? OR created_at <= ?")) {
                s.setObject(1, Database.timestamp(idleBefore));
                s.setObject(2, Database.timestamp(createdBefore));
                s.executeUpdate();
            }
            return null;
        });
    }
}
