-- When the provider said this take's task had ended (decision 0034). From then on the take no
-- longer holds a slot of its account: the provider has freed it, so the next take may be sent
-- while this one's output downloads and is checked. Portable SQL: H2 and PostgreSQL.
ALTER TABLE takes ADD COLUMN provider_done_at TIMESTAMP WITH TIME ZONE;
