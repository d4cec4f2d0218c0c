package dev.agentos.readmodels.search;

import static dev.agentos.readmodels.search.MemoryFields.*;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.json.JsonData;
import dev.agentos.readmodels.search.MemoryFields.State;
import dev.agentos.readmodels.search.MemoryQuery.Inclusion;
import java.util.ArrayList;
import java.util.List;

/**
 * The Elasticsearch filters every memory read of the index starts from: tenant, project and the
 * visible states always (one {@link ScopeKey} filter), then the optional {@link MemoryFilters},
 * then expiry. One place, so search, related graph and categories cannot scope differently.
 */
public final class ScopeFilters {

  private ScopeFilters() {}

  static List<Query> of(
      String tenantId, String projectId, MemoryFilters filters, Inclusion include) {
    return of(tenantId, projectId, filters, include, null);
  }

  /**
   * The same for a kNN search: only memories with a vector of {@code model} too, in the same one
   * filter ({@link MemoryFields#VECTOR_KEY}): a vector of another model lives in another space.
   */
  public static List<Query> withVectorsOf(
      String model, String tenantId, String projectId, MemoryFilters filters, Inclusion include) {
    return of(tenantId, projectId, filters, include, model);
  }

  private static List<Query> of(
      String tenantId,
      String projectId,
      MemoryFilters filters,
      Inclusion include,
      String vectorModel) {
    List<Query> result = new ArrayList<>();
    result.add(
        scope(
            InvalidQueryException.required("tenantId", tenantId),
            InvalidQueryException.required("projectId", projectId),
            include,
            vectorModel));
    optional(result, CONTEXT_ID, filters.contextId());
    optional(result, AGENT_ID, filters.agentId());
    optional(result, SESSION_ID, filters.sessionId());
    optional(result, TYPE, filters.type());
    filters.tags().forEach(tag -> result.add(term(TAGS, tag)));
    if (filters.from() != null || filters.to() != null) {
      result.add(
          Query.of(
              q ->
                  q.range(
                      r ->
                          r.untyped(
                              u -> {
                                u.field(CREATED_AT);
                                if (filters.from() != null) {
                                  u.gte(JsonData.of(filters.from().toEpochMilli()));
                                }
                                if (filters.to() != null) {
                                  u.lt(JsonData.of(filters.to().toEpochMilli()));
                                }
                                return u;
                              }))));
    }
    if (!include.expired()) {
      result.add(unexpired());
    }
    return result;
  }

  static Query term(String field, String value) {
    return Query.of(q -> q.term(t -> t.field(field).value(value)));
  }

  private static void optional(List<Query> result, String field, String value) {
    if (value != null) {
      result.add(term(field, value));
    }
  }

  /**
   * Tenant, project and the visible states (and for kNN the vector's model) as one filter on {@link
   * ScopeKey}s: one pass over the scope's memories instead of three or four. Only a document of
   * exactly this tenant and project can carry one of these keys. A document written before the key
   * existed ({@link IndexSetup#ensure}) has none and is matched by the three fields as before; once
   * every document has a key, Lucene rewrites that branch to nothing ({@code exists} on a field
   * every document has is "all", {@code must_not} all is "none"), so it costs nothing then.
   */
  private static Query scope(
      String tenantId, String projectId, Inclusion include, String vectorModel) {
    List<State> states = new ArrayList<>(List.of(State.ACTIVE));
    if (include.superseded()) {
      states.add(State.SUPERSEDED);
    }
    if (include.deleted()) {
      states.add(State.DELETED);
    }
    String field = vectorModel == null ? SCOPE_KEY : VECTOR_KEY;
    List<FieldValue> keys =
        states.stream()
            .map(
                s ->
                    FieldValue.of(
                        vectorModel == null
                            ? ScopeKey.of(tenantId, projectId, s)
                            : ScopeKey.withModel(tenantId, projectId, s, vectorModel)))
            .toList();
    Query byKey =
        keys.size() == 1
            ? Query.of(q -> q.term(t -> t.field(field).value(keys.get(0))))
            : Query.of(q -> q.terms(t -> t.field(field).terms(v -> v.value(keys))));
    List<FieldValue> stateNames = states.stream().map(s -> FieldValue.of(s.name())).toList();
    BoolQuery.Builder writtenBeforeTheKey =
        new BoolQuery.Builder()
            .mustNot(m -> m.exists(e -> e.field(field)))
            .filter(term(TENANT_ID, tenantId))
            .filter(term(PROJECT_ID, projectId))
            .filter(f -> f.terms(t -> t.field(STATE).terms(v -> v.value(stateNames))));
    if (vectorModel != null) {
      writtenBeforeTheKey.filter(term(EMBEDDING_MODEL, vectorModel));
    }
    Query legacy = Query.of(q -> q.bool(writtenBeforeTheKey.build()));
    return Query.of(q -> q.bool(b -> b.should(byKey, legacy).minimumShouldMatch("1")));
  }

  /**
   * Not expired: no expiry, or one after the current minute. A {@code must_not} on the expired
   * ones, which are few, instead of a {@code should} of "expiry ahead" or "no expiry", which must
   * look at every memory of the scope. {@code now} (Elasticsearch's own clock) is rounded: an exact
   * {@code now} makes every request's filter a different one, which Elasticsearch never caches, so
   * the filter of every kNN search would be evaluated over the whole scope again; with {@code
   * now/m} it stays the same for a minute. {@code lte} rounds up, to the minute's end, so a memory
   * drops out of search up to a minute before its expiry, never after.
   */
  private static Query unexpired() {
    return Query.of(
        q ->
            q.bool(
                b ->
                    b.mustNot(
                        m ->
                            m.range(
                                r ->
                                    r.untyped(
                                        u -> u.field(EXPIRES_AT).lte(JsonData.of("now/m")))))));
  }
}
