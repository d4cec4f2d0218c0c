package dev.agentos.readmodels.search;

import static dev.agentos.readmodels.search.MemoryFields.EMBEDDING_MODEL;
import static dev.agentos.readmodels.search.MemoryFields.PROJECT_ID;
import static dev.agentos.readmodels.search.MemoryFields.SCOPE_KEY;
import static dev.agentos.readmodels.search.MemoryFields.STATE;
import static dev.agentos.readmodels.search.MemoryFields.TENANT_ID;
import static dev.agentos.readmodels.search.MemoryFields.VECTOR_KEY;

import dev.agentos.readmodels.search.MemoryFields.State;
import java.util.Map;

/**
 * The value of {@link MemoryFields#SCOPE_KEY}: a memory's tenant, project and state in one keyword,
 * so that a search's scope is one term filter instead of three. Every memory of a tenant's project
 * matches all three, so each costs Elasticsearch a pass over the same long posting list; one
 * combined term is one such pass (see docs/benchmarks.md, "The scope in one term").
 *
 * <p>Tenant and project are length-prefixed, so no pair of ids can spell another pair's key
 * whatever characters they hold ({@code "a/b" + "c"} and {@code "a" + "b/c"} differ): a key
 * matching another tenant's memory would be a leak between tenants, not a ranking bug.
 */
public final class ScopeKey {

  private ScopeKey() {}

  static String of(String tenantId, String projectId, State state) {
    return tenantId.length()
        + ":"
        + tenantId
        + "|"
        + projectId.length()
        + ":"
        + projectId
        + "|"
        + state.name();
  }

  /**
   * The key with the model of the memory's vector appended: a kNN search must compare vectors of
   * its own model only, and this makes scope, state and model one filter. Unambiguous: no state
   * name holds a {@code |}.
   */
  static String withModel(String tenantId, String projectId, State state, String model) {
    return of(tenantId, projectId, state) + "|" + model;
  }

  /**
   * Puts {@link MemoryFields#SCOPE_KEY} and {@link MemoryFields#VECTOR_KEY} on a memory document
   * from the fields they join (tenant, project, state, and the vector's model when it has a
   * vector).
   */
  public static void putKeys(Map<String, Object> doc) {
    String tenant = (String) doc.get(TENANT_ID);
    String project = (String) doc.get(PROJECT_ID);
    State state = State.valueOf((String) doc.get(STATE));
    doc.put(SCOPE_KEY, of(tenant, project, state));
    if (doc.get(EMBEDDING_MODEL) instanceof String model) {
      doc.put(VECTOR_KEY, withModel(tenant, project, state, model));
    } else {
      doc.remove(VECTOR_KEY);
    }
  }
}
