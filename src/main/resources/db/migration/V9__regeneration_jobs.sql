-- The studio's background regenerations (decision 0035): each one's state (queued, running, done,
-- failed, interrupted) is kept here rather than in the server's memory, so the review page shows it
-- after a restart too. A job still queued or running when the server stopped is marked interrupted
-- when it opens again (its request is in the ledger: the next produce makes the take).
-- Portable SQL: H2 (PostgreSQL mode) and PostgreSQL.
CREATE TABLE regeneration_jobs (
    series_id  VARCHAR(200)  NOT NULL,
    id         BIGINT        NOT NULL,
    episode    INT           NOT NULL,
    shot       INT           NOT NULL,
    provider   VARCHAR(100)  NOT NULL,
    state      VARCHAR(20)   NOT NULL,
    error      VARCHAR(2000),
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (series_id, id)
);
CREATE INDEX regeneration_jobs_by_episode ON regeneration_jobs (series_id, episode, id);
