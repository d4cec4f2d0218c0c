package dev.agentos.projections.search;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@link MemorySearchIndexWriter} needs from the store of memory documents: documents read
 * back in bulk with the version a write must name, and bulk writes conditional on that version that
 * answer per document. The writer's rules (sequence, retries of lost races, refusals) live in the
 * writer, so they hold whatever the store; {@link MemoryIndexStore} is Elasticsearch's.
 */
public interface MemoryDocumentStore {

  /** A document as read, with the version a write must name. */
  record Current(Map<String, Object> doc, long seqNo, long primaryTerm) {}

  /**
   * What a write did not do: the ids that lost to another writer (to recompute), and the ids the
   * store refused for good, with its reason.
   */
  record Written(Set<String> conflicts, Map<String, Refused> refused) {

    static Written nothing() {
      return new Written(new HashSet<>(), new LinkedHashMap<>());
    }
  }

  /** A document the store will never take as it is: its error type and explanation. */
  record Refused(String type, String description) {}

  /** The documents of {@code ids} that exist; an absent id is not in the answer. */
  Map<String, Current> read(Collection<String> ids);

  /** Every document of {@code tenantId} in one of {@code contextIds}, including the newest. */
  Map<String, Current> inContexts(String tenantId, List<String> contextIds);

  /**
   * Writes {@code docs}, each conditional on the version in {@code basis}, or on being new when
   * absent there. A document that lost to another writer comes back as a conflict, one the store
   * refuses for good as refused; a refusal that may pass (an overloaded or unreachable store) is
   * thrown, so the whole batch is tried again.
   */
  Written write(Map<String, Map<String, Object>> docs, Map<String, Current> basis);
}
