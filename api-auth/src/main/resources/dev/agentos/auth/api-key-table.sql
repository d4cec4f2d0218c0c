-- Valid API keys by hash: every request of both HTTP APIs authenticates against this table.
-- The command side creates it at start (spring.sql.init) and is its only writer.
CREATE TABLE IF NOT EXISTS api_key (
  key_hash   VARCHAR(64) PRIMARY KEY,
  key_id     VARCHAR(64) NOT NULL,
  tenant_id  VARCHAR(255) NOT NULL,
  project_id VARCHAR(255) NOT NULL,
  agent_id   VARCHAR(255) NOT NULL,
  scopes     VARCHAR(512) NOT NULL,
  expires_at TIMESTAMPTZ,
  revoked_at TIMESTAMPTZ
);
CREATE INDEX IF NOT EXISTS api_key_by_agent ON api_key (agent_id, key_id);
