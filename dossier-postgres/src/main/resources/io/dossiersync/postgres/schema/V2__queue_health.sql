-- dossier-sync queue schema on PostgreSQL, version 2 (upgrades a version 1 schema in place): the
-- queue_health row of the SQLite schema's version 5, so that health is the same on both stores.
-- One row that every drain, in any process, updates after each round: when the queue last
-- delivered, last tried, its last error (one line, never a token or a body) and the drainer's
-- heartbeat. Times are epoch milliseconds (UTC); NULL means never.

CREATE TABLE queue_health (
  id BIGINT PRIMARY KEY CHECK (id = 1),
  last_delivery_at BIGINT,
  last_attempt_at BIGINT,
  last_error TEXT,
  drainer_heartbeat_at BIGINT
);
