-- Read models the command side itself needs to decide commands. Axon's own tables
-- (domain_event_entry, token_entry, ...) are created by EventStoreTables with Axon's factories.

-- The api_key table is api-auth's (dev/agentos/auth/api-key-table.sql), shared with the query
-- side; application.yml runs it before this file.

-- Which memories exist, in which tenant, context and state: what memory and context commands
-- check other memories against. Kept by MemoryDirectoryProjection in each command's transaction.
CREATE TABLE IF NOT EXISTS memory_directory (
  memory_id    VARCHAR(255) PRIMARY KEY,
  tenant_id    VARCHAR(255) NOT NULL,
  project_id   VARCHAR(255) NOT NULL,
  context_id   VARCHAR(255) NOT NULL,
  content_hash VARCHAR(80) NOT NULL,
  state        VARCHAR(16) NOT NULL CHECK (state IN ('ACTIVE', 'SUPERSEDED', 'DELETED')),
  stored_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX IF NOT EXISTS memory_directory_by_context ON memory_directory (context_id, state);

-- Which contexts exist, in which tenant, and which were merged away (merged_into is set):
-- what stores, switches and merges check a context id against. Kept by ContextDirectoryProjection.
CREATE TABLE IF NOT EXISTS context_directory (
  context_id  VARCHAR(255) PRIMARY KEY,
  tenant_id   VARCHAR(255) NOT NULL,
  project_id  VARCHAR(255) NOT NULL,
  name        VARCHAR(200) NOT NULL,
  merged_into VARCHAR(255),
  created_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX IF NOT EXISTS context_directory_by_name
  ON context_directory (tenant_id, project_id, name);
