-- dossier-sync queue schema, version 4 (upgrades a version 3 file in place): the body queue is
-- rebuilt with the same columns, constraints and indexes, its content_body column moved last.
-- A body row's text spills into overflow pages; with the lease columns after the text, every claim
-- rewrote the overflow page that held them. With the text last, the lease columns sit on the row's
-- b-tree page, and a claim that keeps the row's size (see LeaseColumns) rewrites that page
-- alone, shared by several rows. The copy runs once, inside the migration's transaction.
-- Unleased rows of both queues get the no-lease values (owner token '000...0', time 2^40 ms) that
-- new, released and rescheduled rows hold from now on; rows leased by an older drainer keep their
-- lease until it expires.

ALTER TABLE body_queue RENAME TO body_queue_v3;

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
  size_bytes INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  retry_count INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  last_error TEXT,
  lease_owner VARCHAR,
  lease_until INTEGER,
  claimed_at INTEGER,
  first_failed_at INTEGER,
  content_body TEXT NOT NULL,
  CONSTRAINT uq_body_queue_v4_upload_id UNIQUE (upload_id),
  CONSTRAINT uq_body_queue_v4_task UNIQUE (project_uuid, feature_slug, target_branch,
    mission_key, manifest_version, artifact_path, content_hash)
);

INSERT INTO body_queue (id, upload_id, project_uuid, feature_slug, target_branch, mission_key,
  manifest_version, artifact_path, content_hash, hash_algorithm, size_bytes, created_at,
  retry_count, next_attempt_at, last_error, lease_owner, lease_until, claimed_at, first_failed_at,
  content_body)
SELECT id, upload_id, project_uuid, feature_slug, target_branch, mission_key, manifest_version,
  artifact_path, content_hash, hash_algorithm, size_bytes, created_at, retry_count,
  next_attempt_at, last_error,
  COALESCE(lease_owner, '00000000000000000000000000000000'),
  CASE WHEN lease_owner IS NULL THEN 1099511627776 ELSE lease_until END,
  CASE WHEN lease_owner IS NULL THEN 1099511627776 ELSE claimed_at END,
  first_failed_at, content_body
FROM body_queue_v3;

DROP TABLE body_queue_v3;

CREATE INDEX ix_body_queue_drain ON body_queue (next_attempt_at, created_at);
CREATE INDEX ix_body_queue_feature ON body_queue (feature_slug);
CREATE INDEX ix_body_queue_project_drain ON body_queue (project_uuid, next_attempt_at,
  created_at);

UPDATE event_queue SET lease_owner = '00000000000000000000000000000000',
  lease_until = 1099511627776, claimed_at = 1099511627776
WHERE lease_owner IS NULL;
