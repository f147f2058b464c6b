-- The daily drop (decision 0025). Portable SQL: runs on H2 (PostgreSQL mode) and on PostgreSQL.

-- When an episode became public; null until it is released.
ALTER TABLE episodes ADD COLUMN released_at TIMESTAMP WITH TIME ZONE;

-- One row per drop slot that was handled: the key makes a drop happen once, however often the
-- engine, a restart or a second server asks for it.
CREATE TABLE drops (
    series_id   VARCHAR(200)  NOT NULL REFERENCES series (id) ON DELETE CASCADE,
    slot_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    episode     INTEGER,
    outcome     VARCHAR(20)   NOT NULL CHECK (outcome IN ('released', 'missed', 'season-over')),
    late        BOOLEAN       NOT NULL,
    note        VARCHAR(1000),
    handled_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (series_id, slot_at)
);

-- A person's 'release episode N at TIME' that has not happened yet.
CREATE TABLE release_orders (
    series_id   VARCHAR(200)  NOT NULL REFERENCES series (id) ON DELETE CASCADE,
    episode     INTEGER       NOT NULL,
    due_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    ordered_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (series_id, episode)
);
