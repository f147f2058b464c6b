-- The studio's logged-in sessions (decision 0031), so a restart does not log the producer out.
-- Only SHA-256 of the session id is kept (the id is the cookie); the CSRF token is derived from the
-- id, so it is not stored either. Portable SQL: runs on H2 (PostgreSQL mode) and on PostgreSQL.
CREATE TABLE studio_sessions (
    id_hash      VARCHAR(64) PRIMARY KEY,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen_at TIMESTAMP WITH TIME ZONE NOT NULL
);
