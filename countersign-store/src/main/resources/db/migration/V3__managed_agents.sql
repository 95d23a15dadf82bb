-- Countersign store, schema 3: agents and their grants managed at runtime (API and CLI), next to
-- the ones org.yaml defines. Portable SQL for H2 2.x and PostgreSQL 12+.

CREATE TABLE managed_agents (
  id         VARCHAR(200) PRIMARY KEY,
  sponsor    VARCHAR(200) NOT NULL,
  model      VARCHAR(200) NOT NULL,
  created_by VARCHAR(200) NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- A grant given by a human (kind 'grant', active at once) or an elevation an agent asked for (kind
-- 'elevation': pending until a human approves it; expires is then set to approval + duration).
-- environments, services and verbs are comma-separated names (names never contain commas).
CREATE TABLE managed_agent_grants (
  id               VARCHAR(64)   PRIMARY KEY,
  agent_id         VARCHAR(200)  NOT NULL REFERENCES managed_agents (id),
  kind             VARCHAR(16)   NOT NULL CHECK (kind IN ('grant', 'elevation')),
  environments     VARCHAR(4000) NOT NULL,
  services         VARCHAR(4000) NOT NULL,
  verbs            VARCHAR(200)  NOT NULL,
  expires          TIMESTAMP WITH TIME ZONE,
  duration_seconds BIGINT,
  reason           VARCHAR(2000) NOT NULL,
  state            VARCHAR(16)   NOT NULL CHECK (state IN ('active', 'pending', 'revoked')),
  created_by       VARCHAR(200)  NOT NULL,
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  approved_by      VARCHAR(200),
  approved_at      TIMESTAMP WITH TIME ZONE,
  revoked_by       VARCHAR(200),
  revoked_at       TIMESTAMP WITH TIME ZONE
);
CREATE INDEX managed_agent_grants_agent ON managed_agent_grants (agent_id, created_at, id);
