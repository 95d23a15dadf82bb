-- Countersign store, schema 5: how far the server's audit spool has been moved into audit_entries.
-- On embedded H2 a hook decision's audit event is written to a local spool file before the answer,
-- and moved here in large batches (AuditSpool); the mark, updated in the same transaction as the
-- entries it covers, lets a restart move exactly the entries that were not moved yet.
CREATE TABLE audit_spool (
  id         INTEGER PRIMARY KEY CHECK (id = 1),
  generation BIGINT  NOT NULL CHECK (generation >= 0),
  position   BIGINT  NOT NULL CHECK (position >= 0)
);
INSERT INTO audit_spool (id, generation, position) VALUES (1, 0, 0);
