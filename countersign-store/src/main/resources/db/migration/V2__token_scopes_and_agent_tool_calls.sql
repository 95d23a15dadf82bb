-- Countersign store, schema 2: token target scopes and agents' tool calls held for approval.
-- Portable SQL for H2 2.x and PostgreSQL 12+.

-- A token may be scoped to a target: one environment and the services it acts on. An agent's hook
-- calls take their target from here only (the agent cannot change it). No row: no scope.
CREATE TABLE api_token_scopes (
  token_id    VARCHAR(64)  PRIMARY KEY REFERENCES api_tokens (id),
  environment VARCHAR(200) NOT NULL
);

CREATE TABLE api_token_scope_services (
  token_id VARCHAR(64)  NOT NULL REFERENCES api_token_scopes (token_id),
  ord      INTEGER      NOT NULL,
  service  VARCHAR(200) NOT NULL,
  PRIMARY KEY (token_id, ord)
);

-- An agent tool call that needed approval: one row per pending change a hook recorded. When the
-- same call (same agent, same input digest, same change digest) comes back after approval it is
-- allowed once: consumed_at is set under the change's row lock, so two retries cannot both pass.
CREATE TABLE agent_tool_calls (
  change_id       VARCHAR(64)  PRIMARY KEY REFERENCES changes (id),
  agent           VARCHAR(200) NOT NULL,
  input_digest    VARCHAR(200) NOT NULL,
  client          VARCHAR(64)  NOT NULL,
  session_id      VARCHAR(200) NOT NULL,
  tool            VARCHAR(200) NOT NULL,
  permission_mode VARCHAR(64)  NOT NULL,
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  consumed_at     TIMESTAMP WITH TIME ZONE
);
CREATE INDEX agent_tool_calls_open ON agent_tool_calls (agent, input_digest, created_at);
