-- dossier-sync queue schema, version 1: the event queue, the body queue and the failure records.
-- Times are epoch milliseconds (UTC). Indexed text columns are VARCHAR (TEXT affinity in SQLite);
-- the build generates the jOOQ classes from these files (V1 then V2, in order).

CREATE TABLE event_queue (
  id INTEGER PRIMARY KEY,
  event_id VARCHAR NOT NULL,
  event_type VARCHAR NOT NULL,
  aggregate_id TEXT NOT NULL,
  project_uuid VARCHAR NOT NULL,
  feature_slug VARCHAR NOT NULL,
  target_branch VARCHAR NOT NULL,
  mission_key VARCHAR NOT NULL,
  manifest_version VARCHAR NOT NULL,
  coalesce_key VARCHAR,
  payload TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  retry_count INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  last_error TEXT,
  lease_owner VARCHAR,
  lease_until INTEGER,
  CONSTRAINT uq_event_queue_event_id UNIQUE (event_id)
);

CREATE INDEX ix_event_queue_drain ON event_queue (next_attempt_at, created_at);
CREATE INDEX ix_event_queue_coalesce ON event_queue (coalesce_key);

CREATE TABLE body_queue (
  id INTEGER PRIMARY KEY,
  upload_id VARCHAR NOT NULL,
  project_uuid VARCHAR NOT NULL,
  feature_slug VARCHAR NOT NULL,
  target_branch VARCHAR NOT NULL,
  mission_key VARCHAR NOT NULL,
  manifest_version VARCHAR NOT NULL,
  artifact_path VARCHAR NOT NULL,
  content_hash VARCHAR NOT NULL,
  hash_algorithm VARCHAR NOT NULL,
  content_body TEXT NOT NULL,
  size_bytes INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  retry_count INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  last_error TEXT,
  lease_owner VARCHAR,
  lease_until INTEGER,
  CONSTRAINT uq_body_queue_upload_id UNIQUE (upload_id),
  CONSTRAINT uq_body_queue_task UNIQUE (project_uuid, feature_slug, target_branch, mission_key,
    manifest_version, artifact_path, content_hash)
);

CREATE INDEX ix_body_queue_drain ON body_queue (next_attempt_at, created_at);

CREATE TABLE failure_record (
  id INTEGER PRIMARY KEY,
  kind VARCHAR NOT NULL,
  task_id VARCHAR NOT NULL,
  project_uuid VARCHAR NOT NULL,
  feature_slug VARCHAR NOT NULL,
  target_branch VARCHAR NOT NULL,
  mission_key VARCHAR NOT NULL,
  manifest_version VARCHAR NOT NULL,
  artifact_path VARCHAR,
  content_hash VARCHAR,
  event_type VARCHAR,
  aggregate_id TEXT,
  coalesce_key VARCHAR,
  payload TEXT NOT NULL,
  size_bytes INTEGER,
  reason TEXT NOT NULL,
  attempts INTEGER NOT NULL,
  first_failed_at INTEGER NOT NULL,
  last_failed_at INTEGER NOT NULL
);

CREATE INDEX ix_failure_record_first_failed ON failure_record (first_failed_at);
