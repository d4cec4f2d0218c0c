package dev.agentos.projections.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import dev.agentos.projections.elasticsearch.BulkItemErrors;
import dev.agentos.readmodels.search.MemoryFields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Elasticsearch's {@link MemoryDocumentStore}: reads and conditionally writes memory documents.
 * Every write names the version of the document it was computed from ({@code if_seq_no}/{@code
 * if_primary_term}, or {@code create} for a new one), so two writers of the same memory cannot lose
 * each other's change: the loser gets its id back and recomputes. Documents are plain maps, since
 * the index has no scripts to change them in place.
 */
final class MemoryIndexStore implements MemoryDocumentStore {

  /** The longest document id Elasticsearch takes, in UTF-8 bytes. */
  static final int MAX_ID_BYTES = 512;

  private static final int PAGE = 500;

  private final ElasticsearchClient client;
  private final String index;

  MemoryIndexStore(ElasticsearchClient client, String index) {
    this.client = client;
    this.index = index;
  }

  /**
   * The documents of {@code ids} that exist. An id over Elasticsearch's 512 bytes is not asked for:
   * no document can have it, and asking fails the whole {@code _mget} (400), which would fail every
   * later batch holding an event of that memory, for good.
   */
  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Map<String, Current> read(Collection<String> ids) {
    Map<String, Current> found = new HashMap<>();
    List<String> possible =
        ids.stream()
            .filter(id -> id.getBytes(StandardCharsets.UTF_8).length <= MAX_ID_BYTES)
            .toList();
    if (possible.isEmpty()) {
      return found;
    }
    try {
      List<MultiGetResponseItem<Map>> docs =
          client.mget(m -> m.index(index).ids(possible), Map.class).docs();
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
  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Map<String, Current> inContexts(String tenantId, List<String> contextIds) {
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
   * on being new when absent). A document Elasticsearch refuses for good ({@link
   * BulkItemErrors#isPermanent}) is answered as refused; one refused for a passing reason (429,
   * 5xx) fails the call, so the batch is retried. A {@code _bulk} Elasticsearch refuses whole for a
   * reason of one of its documents (400 {@code action_request_validation_exception}: an id over 512
   * bytes) is written again one document at a time, to refuse only that one.
   */
  @Override
  public Written write(Map<String, Map<String, Object>> docs, Map<String, Current> basis) {
    Written written = Written.nothing();
    if (docs.isEmpty()) {
      return written;
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
    BulkResponse response;
    try {
      response = client.bulk(bulk.build());
    } catch (ElasticsearchException e) {
      if (!BulkItemErrors.isPermanent(e.status())) {
        throw e;
      }
      return docs.size() == 1
          ? refusedWhole(docs.keySet().iterator().next(), e)
          : oneByOne(docs, basis);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> passing = new ArrayList<>();
    for (BulkResponseItem item : response.items()) {
      if (item.error() == null) {
        continue;
      }
      if ("version_conflict_engine_exception".equals(item.error().type())) {
        written.conflicts().add(item.id());
      } else if (BulkItemErrors.isPermanent(item)) {
        written
            .refused()
            .put(item.id(), new Refused(item.error().type(), BulkItemErrors.describe(item)));
      } else {
        passing.add(item.id() + ": " + BulkItemErrors.describe(item));
      }
    }
    if (!passing.isEmpty()) {
      throw new IllegalStateException("memory index refused for now " + passing);
    }
    return written;
  }

  private Written oneByOne(Map<String, Map<String, Object>> docs, Map<String, Current> basis) {
    Written written = Written.nothing();
    docs.forEach(
        (id, doc) -> {
          Written alone = write(Map.of(id, doc), basis);
          written.conflicts().addAll(alone.conflicts());
          written.refused().putAll(alone.refused());
        });
    return written;
  }

  private static Written refusedWhole(String id, ElasticsearchException e) {
    Written written = Written.nothing();
    String type = e.error() == null ? "request_refused" : e.error().type();
    String reason =
        e.status() + " " + type + ": " + (e.error() == null ? e.getMessage() : e.error().reason());
    written
        .refused()
        .put(
            id,
            new Refused(
                type,
                reason.length() <= BulkItemErrors.MAX_DESCRIPTION_CHARS
                    ? reason
                    : reason.substring(0, BulkItemErrors.MAX_DESCRIPTION_CHARS) + "…"));
    return written;
  }
}
