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

  /** No expiry, or an expiry still ahead (Elasticsearch's own clock: {@code now}). */
  private static Query unexpired() {
    return Query.of(
        q ->
            q.bool(
                b ->
                    b.should(
                            s ->
                                s.range(
                                    r ->
                                        r.untyped(u -> u.field(EXPIRES_AT).gt(JsonData.of("now")))))
                        .should(
                            s -> s.bool(n -> n.mustNot(m -> m.exists(e -> e.field(EXPIRES_AT)))))
                        .minimumShouldMatch("1")));
  }
}
