package dev.agentos.projections.memory.search;

import static dev.agentos.projections.memory.search.MemoryFields.*;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.json.JsonData;
import dev.agentos.projections.memory.search.MemoryFields.State;
import dev.agentos.projections.memory.search.MemoryQuery.Inclusion;
import java.util.ArrayList;
import java.util.List;

/**
 * The Elasticsearch filters every memory read of the index starts from: tenant and project always,
 * then the optional {@link MemoryFilters}, then which states are visible. One place, so search,
 * related graph and categories cannot scope differently.
 */
final class ScopeFilters {

  private ScopeFilters() {}

  static List<Query> of(
      String tenantId, String projectId, MemoryFilters filters, Inclusion include) {
    List<Query> result = new ArrayList<>();
    result.add(term(TENANT_ID, InvalidQueryException.required("tenantId", tenantId)));
    result.add(term(PROJECT_ID, InvalidQueryException.required("projectId", projectId)));
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
    result.add(states(include));
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

  private static Query states(Inclusion include) {
    List<FieldValue> states = new ArrayList<>(List.of(FieldValue.of(State.ACTIVE.name())));
    if (include.superseded()) {
      states.add(FieldValue.of(State.SUPERSEDED.name()));
    }
    if (include.deleted()) {
      states.add(FieldValue.of(State.DELETED.name()));
    }
    return Query.of(q -> q.terms(t -> t.field(STATE).terms(v -> v.value(states))));
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
