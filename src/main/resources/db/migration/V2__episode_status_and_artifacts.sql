-- Episode status as the stages reach it, and the files they wrote (decision 0014).
-- Portable SQL: runs on H2 (PostgreSQL mode) and on PostgreSQL.

-- Only tests ever wrote episodes; 'failed' was never a status the pipeline gave.
UPDATE episodes SET status = 'planned' WHERE status NOT IN ('planned', 'written', 'boarded', 'produced', 'approved', 'released');
ALTER TABLE episodes ADD CONSTRAINT episodes_status_known
    CHECK (status IN ('planned', 'written', 'boarded', 'produced', 'approved', 'released'));

-- V1's artifacts (keyed by content hash) was never written. Now: one row per file a stage wrote,
-- keyed by its workspace-relative path; episode is null for the season's own files.
DROP TABLE artifacts;
CREATE TABLE artifacts (
    series_id   VARCHAR(200)  NOT NULL REFERENCES series (id) ON DELETE CASCADE,
    path        VARCHAR(1000) NOT NULL,
    episode     INTEGER,
    kind        VARCHAR(40)   NOT NULL,
    hash        VARCHAR(128)  NOT NULL,
    bytes       BIGINT        NOT NULL,
    stage       VARCHAR(100)  NOT NULL,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (series_id, path)
);

CREATE INDEX artifacts_by_episode ON artifacts (series_id, episode);
