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
-- Agent ids are unique per tenant only (ADR 0008): a revocation names the tenant too.
DROP INDEX IF EXISTS api_key_by_agent;
CREATE INDEX IF NOT EXISTS api_key_by_tenant_agent ON api_key (tenant_id, agent_id, key_id);
