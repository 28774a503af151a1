-- dossier-sync queue schema on PostgreSQL, version 3 (upgrades a version 2 schema in place): a
-- body is any valid UTF-8 (PRODUCT.md §2), U+0000 included, and PostgreSQL text cannot hold
-- U+0000 (SQLState 22021 refused the whole enqueue of such a feature). Bodies are kept as their
-- UTF-8 bytes, and so are the failure records' payloads, which hold a failed body byte for byte
-- (an event's payload, JSON text, is converted on its way in and out). The store binds and reads
-- them as UTF-8 bytes; SQLite keeps TEXT, which holds U+0000. Existing rows convert unchanged.
-- Rewrites both tables (an exclusive lock for the length of this one transaction).

ALTER TABLE body_queue ALTER COLUMN content_body TYPE bytea
  USING convert_to(content_body, 'UTF8');

ALTER TABLE failure_record ALTER COLUMN payload TYPE bytea
  USING convert_to(payload, 'UTF8');
