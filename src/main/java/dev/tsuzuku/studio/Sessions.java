package dev.tsuzuku.studio;

import dev.tsuzuku.workspace.Sha256;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The studio's logged-in sessions, kept in a {@link Store} (the state database: a restart does not
 * log anyone out) by the SHA-256 of their id only, with a cache in memory. A session ends after
 * {@code idle} without a request or {@code lifetime} after login, whichever comes first; each
 * carries its own CSRF token, derived from its id (so it needs no storing). Failed logins are counted: after {@link #MAX_FAILURES} within
 * {@link #LOCKOUT} no login is accepted until the window passes.
 */
public final class Sessions {
    public static final Duration DEFAULT_IDLE = Duration.ofHours(2);
    public static final Duration DEFAULT_LIFETIME = Duration.ofHours(12);
    static final int MAX_FAILURES = 10;
    static final Duration LOCKOUT = Duration.ofMinutes(5);

    private final Clock clock;
    private final Duration idle;
    private final Duration lifetime;
    private final SecureRandom random;
    private final Map<String, Session> byId = new ConcurrentHashMap<>();
    private final Store store;
    private int failures;
    private Instant firstFailure = Instant.EPOCH;

    /** One login: its cookie value (never logged), CSRF token and times. */
    public record Session(String id, String csrf, Instant created, Instant lastSeen, Instant lastWritten) {
        Session(String id, String csrf, Instant created, Instant lastSeen) {
            this(id, csrf, created, lastSeen, lastSeen);
        }

        Session writtenAt(Instant t) {
            return new Session(id, csrf, created, lastSeen, t);
        }

        /** Whether {@code token} is this session's CSRF token (constant-time). */
        public boolean csrfMatches(String token) {
            return token != null && MessageDigest.isEqual(PasswordHash.utf8(csrf), PasswordHash.utf8(token));
        }

        @Override
        public String toString() {
            return "Session[created " + created + "]";
        }
    }

    /**
     * Where sessions outlive the process, by the SHA-256 (hex) of their id: what a login wrote,
     * the last request's time (written at most once a minute), a logout.
     */
    public interface Store {
        void save(String idHash, Instant created, Instant lastSeen);

        /** created and last seen, or empty. */
        Optional<Instant[]> find(String idHash);

        void delete(String idHash);

        /** Removes every session that ended before {@code idleBefore} (last seen) or {@code createdBefore}. */
        void deleteEnded(Instant idleBefore, Instant createdBefore);

        /** Memory only: a restart logs everyone out (tests, and a server without a database). */
        Store NONE = new Store() {
            @Override
            public void save(String idHash, Instant created, Instant lastSeen) {}

            @Override
            public Optional<Instant[]> find(String idHash) {
                return Optional.empty();
            }

            @Override
            public void delete(String idHash) {}

            @Override
            public void deleteEnded(Instant idleBefore, Instant createdBefore) {}
        };
    }

    /** A stored session's last-seen time is written again only when it moved by this much. */
    static final Duration SEEN_WRITES = Duration.ofMinutes(1);

    public Sessions(Clock clock, Duration idle, Duration lifetime, SecureRandom random, Store store) {
        this.clock = clock;
        this.idle = idle;
        this.lifetime = lifetime;
        this.random = random;
        this.store = store;
        Instant now = clock.instant();
        store.deleteEnded(now.minus(idle), now.minus(lifetime));
    }

    public Sessions(Clock clock, Duration idle, Duration lifetime, SecureRandom random) {
        this(clock, idle, lifetime, random, Store.NONE);
    }

    public Sessions(Clock clock, SecureRandom random) {
        this(clock, DEFAULT_IDLE, DEFAULT_LIFETIME, random);
    }

    public Sessions(Clock clock, SecureRandom random, Store store) {
        this(clock, DEFAULT_IDLE, DEFAULT_LIFETIME, random, store);
    }

    /** What the store keys a session by: SHA-256 of its id, hex (the id itself is only in the cookie). */
    static String idHash(String id) {
        return Sha256.hex("tsuzuku-session\0" + id);
    }

    /** The session's CSRF token: derived from its id, so a restarted server knows it without storing it. */
    static String csrfOf(String id) {
        return Sha256.hex("tsuzuku-csrf\0" + id);
    }

    /** A new session after a correct secret. */
    public Session start() {
        Instant now = clock.instant();
        String id = PasswordHash.token(random, 32);
        Session s = new Session(id, csrfOf(id), now, now);
        byId.put(s.id(), s);
        store.save(idHash(id), now, now);
        synchronized (this) {
            failures = 0;
        }
        return s;
    }

    /** The live session with this id, its idle time renewed; empty when unknown or expired. */
    public Optional<Session> touch(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Session s = byId.get(id);
        Instant stored = null;
        if (s == null) {
            Optional<Instant[]> kept = store.find(idHash(id));
            if (kept.isEmpty()) {
                return Optional.empty();
            }
            s = new Session(id, csrfOf(id), kept.get()[0], kept.get()[1]);
            stored = s.lastSeen();
        }
        Instant now = clock.instant();
        if (!now.isBefore(s.lastSeen().plus(idle)) || !now.isBefore(s.created().plus(lifetime))) {
            byId.remove(id);
            store.delete(idHash(id));
            return Optional.empty();
        }
        Session renewed = new Session(s.id(), s.csrf(), s.created(), now);
        Session before = byId.put(id, renewed);
        Instant written = before == null ? stored : before.lastWritten();
        if (written == null || !now.isBefore(written.plus(SEEN_WRITES))) {
            store.save(idHash(id), s.created(), now);
        } else {
            renewed = renewed.writtenAt(written);
            byId.put(id, renewed);
        }
        return Optional.of(renewed);
    }

    public void end(String id) {
        if (id != null) {
            byId.remove(id);
            store.delete(idHash(id));
        }
    }

    /** Whether a login may be tried now (too many recent failures lock it for {@link #LOCKOUT}). */
    public synchronized boolean loginOpen() {
        if (clock.instant().isAfter(firstFailure.plus(LOCKOUT))) {
            failures = 0;
        }
        return failures < MAX_FAILURES;
    }

    public synchronized void loginFailed() {
        Instant now = clock.instant();
        if (failures == 0 || now.isAfter(firstFailure.plus(LOCKOUT))) {
            firstFailure = now;
            failures = 0;
        }
        failures++;
    }

    /** How long a session lives without a request, for the cookie's Max-Age. */
    public Duration lifetime() {
        return lifetime;
    }
}
