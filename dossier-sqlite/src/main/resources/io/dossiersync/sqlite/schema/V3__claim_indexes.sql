-- dossier-sync queue schema, version 3 (upgrades a version 2 file in place):
-- * claim indexes that lead with the project: a drain's claim filters by project (consent) and
--   takes the oldest due tasks first; without them SQLite picked the unique key's index for the
--   project filter and sorted every task of the project on each claim, so a claim of 16 cost
--   time proportional to the queue length (0.7 s at 89,000 queued bodies).

CREATE INDEX ix_body_queue_project_drain ON body_queue (project_uuid, next_attempt_at,
  created_at);
CREATE INDEX ix_event_queue_project_drain ON event_queue (project_uuid, next_attempt_at,
  created_at);
