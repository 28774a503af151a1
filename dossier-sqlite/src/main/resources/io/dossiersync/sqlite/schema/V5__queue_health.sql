-- dossier-sync queue schema, version 5 (upgrades a version 4 file in place):
-- * queue_health: one row that every drain, in any process, updates after each round, so that
--   `dossier status` in another process shows when the queue last delivered, last tried, its last
--   error (one line, never a token or a body) and whether a drainer is alive (its heartbeat).
--   Times are epoch milliseconds (UTC); NULL means never.

CREATE TABLE queue_health (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  last_delivery_at INTEGER,
  last_attempt_at INTEGER,
  last_error TEXT,
  drainer_heartbeat_at INTEGER
);
