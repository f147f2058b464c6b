-- The take engine's slot hand-off and last frames (decision 0032). Portable SQL: H2 and PostgreSQL.

-- Since when this intended take has been waiting for a slot of its account (null when it is not):
-- a freed slot goes to the oldest waiting take, never to one that is backing off after a failure.
ALTER TABLE takes ADD COLUMN slot_wait_since TIMESTAMP WITH TIME ZONE;

-- When a slot freed by another take was handed to this intended take: the slot is held for it
-- (other takes count it as taken) until it claims it; null while it simply waits.
ALTER TABLE takes ADD COLUMN slot_reserved_at TIMESTAMP WITH TIME ZONE;

-- The take's last frame as the provider returned it (Seedance return_last_frame), stored
-- content-addressed beside the clip, for the next continuous shot of the same scene.
ALTER TABLE takes ADD COLUMN last_frame_path VARCHAR(1000);

-- Both marks are cleared when a take leaves 'intended', so these ranges find the waiting and the
-- reserved takes of an account without reading its other intended takes.
CREATE INDEX takes_waiting ON takes (account, slot_wait_since, id);
CREATE INDEX takes_reserved ON takes (account, slot_reserved_at);
-- Whether an episode's takes have settled is asked after every take that ends.
CREATE INDEX takes_by_episode_state ON takes (series_id, episode, state);
