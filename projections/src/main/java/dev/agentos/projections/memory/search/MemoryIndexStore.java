package dev.agentos.projections.memory.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and conditionally writes memory documents. Every write names the version of the document it
 * was computed from ({@code if_seq_no}/{@code if_primary_term}, or {@code create} for a new one),
 * so two writers of the same memory cannot lose each other's change: the loser gets its id back and
 * recomputes. Documents are plain maps, since the index has no scripts to change them in place.
 */
final class MemoryIndexStore {

  /** A document as read, with the version a write must name. */
  record Current(Map<String, Object> doc, long seqNo, long primaryTerm) {}

  private static final int PAGE = 500;

  private final ElasticsearchClient client;
  private final String index;

  MemoryIndexStore(ElasticsearchClient client, String index) {
    this.client = client;
    this.index = index;
  }

  /** The documents of {@code ids} that exist. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  Map<String, Current> read(Collection<String> ids) {
    Map<String, Current> found = new HashMap<>();
    if (ids.isEmpty()) {
      return found;
    }
    try {
      List<MultiGetResponseItem<Map>> docs =
          client.mget(m -> m.index(index).ids(List.copyOf(ids)), Map.class).docs();
      for (MultiGetResponseItem<Map> item : docs) {
        if (item.isFailure()) {
          throw new IllegalStateException("cannot read memory " + item.failure().id());
        }
        var result = item.result();
        if (result.found()) {
          found.put(
              result.id(), new Current(result.source(), result.seqNo(), result.primaryTerm()));
        }
      }
      return found;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every document of {@code tenantId} in one of {@code contextIds}, after a refresh. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  Map<String, Current> inContexts(String tenantId, List<String> contextIds) {
    Map<String, Current> found = new HashMap<>();
    List<FieldValue> contexts = contextIds.stream().map(FieldValue::of).toList();
    try {
      // Rare (merges only), and a memory stored a moment ago must be moved too.
      client.indices().refresh(r -> r.index(index));
      List<FieldValue> after = null;
      while (true) {
        List<FieldValue> from = after;
        List<Hit<Map>> hits =
            client
                .search(
                    s -> {
                      s.index(index)
                          .size(PAGE)
                          .seqNoPrimaryTerm(true)
                          .sort(o -> o.field(f -> f.field(MemoryFields.MEMORY_ID)))
                          .query(
                              q ->
                                  q.bool(
                                      b ->
                                          b.filter(
                                                  f ->
                                                      f.term(
                                                          t ->
                                                              t.field(MemoryFields.TENANT_ID)
                                                                  .value(tenantId)))
                                              .filter(
                                                  f ->
                                                      f.terms(
                                                          t ->
                                                              t.field(MemoryFields.CONTEXT_ID)
                                                                  .terms(
                                                                      v -> v.value(contexts))))));
                      return from == null ? s : s.searchAfter(from);
                    },
                    Map.class)
                .hits()
                .hits();
        for (Hit<Map> hit : hits) {
          found.put(hit.id(), new Current(hit.source(), hit.seqNo(), hit.primaryTerm()));
        }
        if (hits.size() < PAGE) {
          return found;
        }
        after = hits.get(hits.size() - 1).sort();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes {@code docs} in one {@code _bulk}, each conditional on the version in {@code basis} (or
   * on being new when absent). Answers the ids that lost to another writer.
   */
  Set<String> write(Map<String, Map<String, Object>> docs, Map<String, Current> basis) {
    Set<String> conflicts = new HashSet<>();
    if (docs.isEmpty()) {
      return conflicts;
    }
    BulkRequest.Builder bulk = new BulkRequest.Builder().index(index);
    docs.forEach(
        (id, doc) -> {
          Current current = basis.get(id);
          if (current == null) {
            bulk.operations(o -> o.create(c -> c.id(id).document(doc)));
          } else {
            bulk.operations(
                o ->
                    o.index(
                        i ->
                            i.id(id)
                                .document(doc)
                                .ifSeqNo(current.seqNo())
                                .ifPrimaryTerm(current.primaryTerm())));
          }
        });
    try {
      BulkResponse response = client.bulk(bulk.build());
      List<String> failures = new ArrayList<>();
      for (BulkResponseItem item : response.items()) {
        if (item.error() == null) {
          continue;
        }
        if ("version_conflict_engine_exception".equals(item.error().type())) {
          conflicts.add(item.id());
        } else {
          failures.add(item.id() + ": " + item.error().reason());
        }
      }
      if (!failures.isEmpty()) {
        throw new IllegalStateException("memory index refused " + failures);
      }
      return conflicts;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
