-- Countersign store, schema 4: audit payloads kept in the row.
-- ${audit_text} is CHARACTER VARYING(1000000) on H2 and TEXT on PostgreSQL. On H2 a CHARACTER
-- LARGE OBJECT is written to separate LOB maps (a temporary LOB, then a copy, then references),
-- which made each audit event several times dearer than the row itself; audit payloads are small,
-- bounded JSON (JdbcAuditLog refuses more than 1,000,000 characters), so they live in the row.
ALTER TABLE audit_entries ALTER COLUMN payload_json SET DATA TYPE ${audit_text};
