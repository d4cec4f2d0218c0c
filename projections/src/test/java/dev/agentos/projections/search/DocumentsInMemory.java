package dev.agentos.projections.search;

import dev.agentos.readmodels.search.MemoryFields;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A {@link MemoryDocumentStore} in a map, for the writer's rules alone: writes are conditional on
 * the version read as Elasticsearch's are (a create of an existing document or a write over a newer
 * one is a conflict). A test can refuse documents for good, fail the next writes for now, or change
 * a document behind the writer's back between its read and its write.
 */
final class DocumentsInMemory implements MemoryDocumentStore {

  private final Map<String, Current> documents = new LinkedHashMap<>();
  private final List<Map<String, Map<String, Object>>> writes = new ArrayList<>();
  private Function<Map<String, Object>, Refused> refusal = doc -> null;
  private int failuresForNow;
  private Runnable beforeNextWrite = () -> {};
  private long seqNo;

  /** Refuses for good every document {@code refusal} answers a reason for (null: takes it). */
  void refuse(Function<Map<String, Object>, Refused> refusal) {
    this.refusal = refusal;
  }

  /** The next {@code times} writes fail as an overloaded store's do. */
  void failForNow(int times) {
    this.failuresForNow = times;
  }

  /** Runs {@code change} once, just before the next write: another writer's concurrent change. */
  void beforeNextWrite(Runnable change) {
    this.beforeNextWrite = change;
  }

  /** Another writer's write of {@code doc}, unconditional. */
  void put(String id, Map<String, Object> doc) {
    documents.put(id, new Current(doc, ++seqNo, 1));
  }

  Map<String, Object> get(String id) {
    Current current = documents.get(id);
    return current == null ? null : current.doc();
  }

  /** Every document each write was asked to write, in order, refused or not. */
  List<Map<String, Map<String, Object>>> writes() {
    return writes;
  }

  @Override
  public Map<String, Current> read(Collection<String> ids) {
    Map<String, Current> found = new HashMap<>();
    ids.forEach(
        id -> {
          if (documents.containsKey(id)) {
            found.put(id, documents.get(id));
          }
        });
    return found;
  }

  @Override
  public Map<String, Current> inContexts(String tenantId, List<String> contextIds) {
    Map<String, Current> found = new HashMap<>();
    documents.forEach(
        (id, current) -> {
          if (tenantId.equals(current.doc().get(MemoryFields.TENANT_ID))
              && contextIds.contains(current.doc().get(MemoryFields.CONTEXT_ID))) {
            found.put(id, current);
          }
        });
    return found;
  }

  @Override
  public Written write(Map<String, Map<String, Object>> docs, Map<String, Current> basis) {
    if (docs.isEmpty()) {
      return Written.nothing();
    }
    Runnable change = beforeNextWrite;
    beforeNextWrite = () -> {};
    change.run();
    if (failuresForNow > 0) {
      failuresForNow--;
      throw new IllegalStateException("memory index refused for now [429 overloaded]");
    }
    writes.add(Map.copyOf(docs));
    Written written = Written.nothing();
    docs.forEach(
        (id, doc) -> {
          Current stored = documents.get(id);
          Current read = basis.get(id);
          Refused refused = refusal.apply(doc);
          if (refused != null) {
            written.refused().put(id, refused);
          } else if (read == null
              ? stored != null
              : stored == null || stored.seqNo() != read.seqNo()) {
            written.conflicts().add(id);
          } else {
            put(id, doc);
          }
        });
    return written;
  }
}
