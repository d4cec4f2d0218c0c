package dev.agentos.projections.search;

import dev.agentos.events.memory.MemoryDeleted;
import dev.agentos.events.memory.MemoryStored;
import dev.agentos.events.memory.MemorySuperseded;
import dev.agentos.events.memory.MemoryUpdated;
import dev.agentos.projections.search.MemoryDocumentStore.Current;
import dev.agentos.projections.search.MemoryDocuments.Content;
import dev.agentos.projections.search.MemoryDocuments.Vector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How a memory's events change its search document: each event newer than the document's version is
 * applied in turn, and the texts that need a vector are known before any is applied, so a batch
 * embeds them together.
 */
final class MemoryEventFold {

  private final MemoryDocuments documents;

  MemoryEventFold(MemoryDocuments documents) {
    this.documents = documents;
  }

  /**
   * The document after {@code events} (a memory's, in stream order) applied to {@code doc}; null
   * when none is newer than what the document holds.
   */
  Map<String, Object> apply(
      Map<String, Object> doc, List<SequencedMemoryEvent> events, Map<String, Vector> vectors) {
    Map<String, Object> changed = null;
    for (SequencedMemoryEvent sequenced : events) {
      Map<String, Object> basis = changed == null ? doc : changed;
      long sequence = sequenced.sequence();
      if (!MemoryDocuments.isNewer(basis, sequence)) {
        continue;
      }
      Map<String, Object> next = null;
      if (sequenced.event() instanceof MemoryStored e) {
        next = MemoryDocuments.stored(e, sequence, vector(vectors, content(e, sequenced.live())));
      } else if (sequenced.event() instanceof MemoryUpdated e) {
        Vector vector = MemoryDocuments.needsVector(basis, e) ? vector(vectors, content(e)) : null;
        next = MemoryDocuments.updated(basis, e, sequence, vector);
      } else if (basis != null && sequenced.event() instanceof MemorySuperseded e) {
        next = MemoryDocuments.superseded(basis, e, sequence);
      } else if (basis != null && sequenced.event() instanceof MemoryDeleted e) {
        next = MemoryDocuments.deleted(basis, e, sequence);
      }
      changed = next == null ? changed : next;
    }
    return changed;
  }

  /** Texts the batch will embed, judged against the documents as first read. */
  static List<Content> contentsToEmbed(
      Map<String, List<SequencedMemoryEvent>> byMemory, Map<String, Current> first) {
    List<Content> contents = new ArrayList<>();
    byMemory.forEach(
        (id, events) -> {
          Current current = first.get(id);
          Map<String, Object> doc = current == null ? null : current.doc();
          for (SequencedMemoryEvent sequenced : events) {
            if (!MemoryDocuments.isNewer(doc, sequenced.sequence())) {
              continue;
            }
            if (sequenced.event() instanceof MemoryStored e) {
              contents.add(content(e, sequenced.live()));
            } else if (sequenced.event() instanceof MemoryUpdated e
                && MemoryDocuments.needsVector(doc, e)) {
              contents.add(content(e));
            }
          }
        });
    return contents;
  }

  /** The precomputed vector, or one embedded now when a concurrent change made it needed. */
  private Vector vector(Map<String, Vector> vectors, Content content) {
    return vectors.computeIfAbsent(
        content.eventId(), id -> documents.vectors(List.of(content)).get(id));
  }

  private static Content content(MemoryStored e, boolean live) {
    return new Content(e.getHeader().getEventId(), e.getContent(), e.getEmbedding(), live);
  }

  private static Content content(MemoryUpdated e) {
    return new Content(e.getHeader().getEventId(), e.getContent(), e.getEmbedding());
  }
}
