-- Read models the command side itself needs to decide commands. Axon's own tables
-- (domain_event_entry, token_entry, ...) are created by EventStoreTables with Axon's factories.

-- The api_key table is api-auth's (dev/agentos/auth/api-key-table.sql), shared with the query
-- side; application.yml runs it before this file.

-- Which memories exist in each tenant, in which context and state: what memory and context
-- commands check other memories against. Kept by MemoryDirectoryProjection in each command's
-- transaction. Ids are unique per tenant only (ADR 0008), so the key is (tenant_id, memory_id).
CREATE TABLE IF NOT EXISTS memory_directory (
  memory_id    VARCHAR(255) NOT NULL,
  tenant_id    VARCHAR(255) NOT NULL,
  project_id   VARCHAR(255) NOT NULL,
  context_id   VARCHAR(255) NOT NULL,
  content_hash VARCHAR(80) NOT NULL,
  state        VARCHAR(16) NOT NULL CHECK (state IN ('ACTIVE', 'SUPERSEDED', 'DELETED')),
  stored_at    TIMESTAMPTZ NOT NULL,
  CONSTRAINT memory_directory_key PRIMARY KEY (tenant_id, memory_id)
);
-- A table made before ids were per tenant was keyed by memory_id alone: that key goes, the
-- per-tenant one comes as a unique index (ON CONFLICT infers it). Both statements are no-ops
-- on a table made by the statement above.
ALTER TABLE memory_directory DROP CONSTRAINT IF EXISTS memory_directory_pkey;
CREATE UNIQUE INDEX IF NOT EXISTS memory_directory_key ON memory_directory (tenant_id, memory_id);
DROP INDEX IF EXISTS memory_directory_by_context;
CREATE INDEX IF NOT EXISTS memory_directory_by_tenant_context
  ON memory_directory (tenant_id, context_id, state);

-- Which contexts exist in each tenant, and which were merged away (merged_into is set): what
-- stores, switches and merges check a context id against. Kept by ContextDirectoryProjection.
-- Keyed by (tenant_id, context_id): ids are unique per tenant only (ADR 0008).
CREATE TABLE IF NOT EXISTS context_directory (
  context_id  VARCHAR(255) NOT NULL,
  tenant_id   VARCHAR(255) NOT NULL,
  project_id  VARCHAR(255) NOT NULL,
  name        VARCHAR(200) NOT NULL,
  merged_into VARCHAR(255),
  created_at  TIMESTAMPTZ NOT NULL,
  CONSTRAINT context_directory_key PRIMARY KEY (tenant_id, context_id)
);
-- As for memory_directory: the old key by context_id alone goes, the per-tenant one comes.
ALTER TABLE context_directory DROP CONSTRAINT IF EXISTS context_directory_pkey;
CREATE UNIQUE INDEX IF NOT EXISTS context_directory_key
  ON context_directory (tenant_id, context_id);
CREATE INDEX IF NOT EXISTS context_directory_by_name
  ON context_directory (tenant_id, project_id, name);

-- The environment values of executions that have not ended, sealed with AES-256-GCM under the
-- keyset file of agentos.secrets (ADR 0013); ExecutionRequested holds the names only. Written and
-- deleted by the Execution aggregate in its commands' transactions: a row lives from the request
-- to the execution's end.
CREATE TABLE IF NOT EXISTS execution_environment (
  tenant_id    VARCHAR(255) NOT NULL,
  execution_id VARCHAR(255) NOT NULL,
  sealed       BYTEA NOT NULL,
  CONSTRAINT execution_environment_key PRIMARY KEY (tenant_id, execution_id)
);
