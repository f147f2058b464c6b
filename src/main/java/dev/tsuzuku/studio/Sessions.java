package dev.tsuzuku.studio;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The studio's logged-in sessions, in memory (a restart logs everyone out). A session ends after
 * {@code idle} without a request or {@code lifetime} after login, whichever comes first; each
 * carries its own CSRF token. Failed logins are counted: after {@link #MAX_FAILURES} within
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
    private int failures;
    private Instant firstFailure = Instant.EPOCH;

    /** One login: its cookie value (never logged), CSRF token and times. */
    public record Session(String id, String csrf, Instant created, Instant lastSeen) {
        /** Whether {@code token} is this session's CSRF token (constant-time). */
        public boolean csrfMatches(String token) {
            return token != null && MessageDigest.isEqual(PasswordHash.utf8(csrf), PasswordHash.utf8(token));
        }

        @Override
        public String toString() {
            return "Session[created " + created + "]";
        }
    }

    public Sessions(Clock clock, Duration idle, Duration lifetime, SecureRandom random) {
        this.clock = clock;
        this.idle = idle;
        this.lifetime = lifetime;
        this.random = random;
    }

    public Sessions(Clock clock, SecureRandom random) {
        this(clock, DEFAULT_IDLE, DEFAULT_LIFETIME, random);
    }

    /** A new session after a correct secret. */
    public Session start() {
        Instant now = clock.instant();
        Session s = new Session(PasswordHash.token(random, 32), PasswordHash.token(random, 32), now, now);
        byId.put(s.id(), s);
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
        if (s == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (!now.isBefore(s.lastSeen().plus(idle)) || !now.isBefore(s.created().plus(lifetime))) {
            byId.remove(id);
            return Optional.empty();
        }
        Session renewed = new Session(s.id(), s.csrf(), s.created(), now);
        byId.put(id, renewed);
        return Optional.of(renewed);
    }

    public void end(String id) {
        if (id != null) {
            byId.remove(id);
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
