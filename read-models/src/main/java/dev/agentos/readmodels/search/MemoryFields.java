package dev.agentos.readmodels.search;

/**
 * Field names of the memory index, as {@code elasticsearch/memories.json} maps them. One place, so
 * the writer, the search and the tests cannot drift apart.
 */
public final class MemoryFields {

  public static final String MEMORY_ID = "memory_id";
  public static final String TENANT_ID = "tenant_id";
  public static final String PROJECT_ID = "project_id";
  public static final String AGENT_ID = "agent_id";
  public static final String SESSION_ID = "session_id";
  public static final String CONTEXT_ID = "context_id";
  public static final String TYPE = "type";
  public static final String STATE = "state";

  /** Tenant, project and state in one keyword ({@link ScopeKey}), what searches filter on. */
  public static final String SCOPE_KEY = "scope_key";

  /**
   * The {@link #SCOPE_KEY} with the vector's model ({@link ScopeKey#withModel}), what kNN filters
   * on; absent while a document has no vector.
   */
  public static final String VECTOR_KEY = "vector_key";

  public static final String SUPERSEDED_BY = "superseded_by";
  public static final String CONTENT = "content";
  public static final String CONTENT_HASH = "content_hash";
  public static final String TAGS = "tags";
  public static final String METADATA = "metadata";
  public static final String CONFIDENCE = "confidence";
  public static final String CREATED_AT = "created_at";
  public static final String UPDATED_AT = "updated_at";
  public static final String EXPIRES_AT = "expires_at";
  public static final String EMBEDDING = "embedding";
  public static final String EMBEDDING_MODEL = "embedding_model";
  public static final String LAST_EVENT_ID = "last_event_id";
  public static final String VERSION = "version";

  /** Values of {@link #STATE}. */
  public enum State {
    ACTIVE,
    SUPERSEDED,
    DELETED
  }

  private MemoryFields() {}
}
