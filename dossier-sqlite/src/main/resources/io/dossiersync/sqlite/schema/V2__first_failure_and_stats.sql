-- dossier-sync queue schema, version 2 (upgrades a version 1 file in place):
-- * claimed_at and first_failed_at on both queues: when the current lease was taken, and when the
--   first failed attempt started, so a failure record keeps the real first failure time after
--   many retries (pending tasks of a version 1 file get NULL: their next failure counts as first).
-- * indexes that keep the per-feature stats and the "namespace still has pending events" check
--   off full table scans (supersede and scope filters use the unique key's index, which leads
--   with the namespace columns).

ALTER TABLE event_queue ADD COLUMN claimed_at INTEGER;
ALTER TABLE event_queue ADD COLUMN first_failed_at INTEGER;
ALTER TABLE body_queue ADD COLUMN claimed_at INTEGER;
ALTER TABLE body_queue ADD COLUMN first_failed_at INTEGER;

CREATE INDEX ix_body_queue_feature ON body_queue (feature_slug);
CREATE INDEX ix_event_queue_namespace ON event_queue (project_uuid, feature_slug, target_branch,
  mission_key, manifest_version);
