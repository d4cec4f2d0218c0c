package dev.agentos.projections.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.agentos.events.memory.CollapsedDuplicate;
import dev.agentos.events.memory.ContextsMerged;
import dev.agentos.events.memory.MemoryDeleted;
import dev.agentos.events.memory.MemoryStored;
import dev.agentos.events.memory.MemorySuperseded;
import dev.agentos.events.memory.MemoryUpdated;
import dev.agentos.projections.search.MemoryDocumentStore.Current;
import dev.agentos.projections.search.MemoryDocumentStore.Refused;
import dev.agentos.projections.search.MemoryDocumentStore.Written;
import dev.agentos.projections.search.MemoryDocuments.Vectors;
import dev.agentos.projections.source.Refusal;
import dev.agentos.readmodels.search.MemoryFields;
import dev.agentos.schemas.streams.StreamIds;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiFunction;

/**
 * Keeps the memory search index in step with the memory events. Every handler is idempotent: a
 * redelivered event leaves the index as it was. A memory's document id is its id within its tenant
 * ({@link StreamIds}): ids are unique per tenant only, so two tenants' memories of one id are two
 * documents.
 *
 * <ul>
 *   <li>Memory-aggregate events (stored, updated, superseded, deleted) carry their aggregate
 *       sequence; a document keeps the last one applied as {@code version} and ignores any event
 *       not newer. External versioning ({@code version_type=external}) would do the same for whole
 *       documents, but it would also wipe the fields another stream owns (context after a merge),
 *       and that stream has no memory sequence to version with. So every write is a read, a change
 *       computed here (the index has no painless), and a write conditional on the version read
 *       ({@code if_seq_no}); a writer that loses recomputes. A memory's first event skips the read:
 *       its document is created ({@code op_type=create}), which fails if it exists.
 *   <li>{@code ContextsMerged} sets values (context, superseded-by), so applying it twice gives the
 *       same documents.
 * </ul>
 *
 * Reads ({@code MemoryAccessed}) are not this index's business: writing a document again means
 * indexing its vector again, so the access counts search ranks by are kept in the Cassandra read
 * model and read for the candidates of a search ({@link AccessCounts}).
 *
 * <p>A batch of events goes through at most one {@code _mget}, one embedding call (through the
 * cache the wiring puts before the model, which a replay finds full) and one {@code _bulk}. A
 * document Elasticsearch refuses for good (a metadata value over 32,766 bytes, a vector of the
 * wrong size) is answered as a {@link Refusal} of the events that made it, whose records are then
 * set aside; the rest of the batch is written. A refusal that may pass (429, 5xx) is thrown: the
 * batch is retried.
 */
public final class MemorySearchIndexWriter {

  private static final int ATTEMPTS = 5;
  private static final int SHOWN_ID_CHARS = 200;

  private final MemoryDocumentStore store;
  private final MemoryDocuments documents;
  private final MemoryEventFold fold;

  /** Writes the embedding cache while the memory documents are written; idle threads end. */
  private final ExecutorService cacheWrites =
      Executors.newCachedThreadPool(
          task -> {
            Thread thread = new Thread(task, "memory-search-cache-write");
            thread.setDaemon(true);
            return thread;
          });

  public MemorySearchIndexWriter(
      ElasticsearchClient client, String indexOrAlias, MemoryDocuments documents) {
    this(new MemoryIndexStore(client, indexOrAlias), documents);
  }

  /** Writes into {@code store}: the rules here hold whatever stores the documents. */
  public MemorySearchIndexWriter(MemoryDocumentStore store, MemoryDocuments documents) {
    this.store = store;
    this.documents = documents;
    this.fold = new MemoryEventFold(documents);
  }

  public void on(MemoryStored event, long sequence) {
    written(onMemoryEvents(List.of(new SequencedMemoryEvent(event, sequence))));
  }

  public void on(MemoryUpdated event, long sequence) {
    written(onMemoryEvents(List.of(new SequencedMemoryEvent(event, sequence))));
  }

  public void on(MemorySuperseded event, long sequence) {
    written(onMemoryEvents(List.of(new SequencedMemoryEvent(event, sequence))));
  }

  public void on(MemoryDeleted event, long sequence) {
    written(onMemoryEvents(List.of(new SequencedMemoryEvent(event, sequence))));
  }

  /**
   * Events of memory aggregates, each memory's in its stream order (as a partition gives them).
   *
   * <p>The live path is kept short, since search waits for it: a memory whose events here begin
   * with its {@code MemoryStored} is not read first but created ({@code op_type=create}), so
   * Elasticsearch itself refuses it when a redelivery finds it there, and the refused one is then
   * read and folded like any other (its events not newer are skipped); fresh texts are embedded
   * without a cache lookup; and the new vectors are kept in the cache while the memory documents
   * are written, not before them. The cache's write is done before the batch is (its token stored),
   * so a replay right after finds every vector.
   */
  public List<Refusal<SequencedMemoryEvent>> onMemoryEvents(List<SequencedMemoryEvent> batch) {
    MemoryBatchSteps steps = new MemoryBatchSteps();
    Map<String, List<SequencedMemoryEvent>> byMemory = new LinkedHashMap<>();
    for (SequencedMemoryEvent event : batch) {
      byMemory.computeIfAbsent(event.documentId(), id -> new ArrayList<>()).add(event);
    }
    Set<String> toRead = new LinkedHashSet<>();
    byMemory.forEach(
        (id, events) -> {
          if (!(events.get(0).event() instanceof MemoryStored)) {
            toRead.add(id);
          }
        });
    Map<String, Current> first = store.read(toRead);
    steps.read();
    Vectors vectors = documents.embed(MemoryEventFold.contentsToEmbed(byMemory, first));
    steps.embedded();
    // Beside the memory _bulk rather than after it: the next batch would wait for both in turn.
    CompletableFuture<Void> cached = CompletableFuture.runAsync(vectors.keep(), cacheWrites);
    Map<String, Refused> refused =
        change(
            byMemory.keySet(),
            first,
            (id, doc) -> fold.apply(doc, byMemory.get(id), vectors.byEventId()),
            "memory events");
    steps.written();
    awaitCache(cached);
    steps.log(batch, toRead.size(), byMemory.size());
    return refusals(refused, byMemory);
  }

  /**
   * The events of the memories Elasticsearch refused. A memory refused with several events in the
   * batch has them applied again one at a time, so that only the event that makes its document
   * unwritable is refused (a good store before a bad update keeps its memory).
   */
  private List<Refusal<SequencedMemoryEvent>> refusals(
      Map<String, Refused> refused, Map<String, List<SequencedMemoryEvent>> byMemory) {
    List<Refusal<SequencedMemoryEvent>> refusals = new ArrayList<>();
    refused.forEach(
        (id, why) -> {
          List<SequencedMemoryEvent> events = byMemory.get(id);
          if (events.size() == 1) {
            refusals.add(refusal(events.get(0), "memory " + shown(id), why));
          } else {
            events.forEach(event -> refusals.addAll(onMemoryEvents(List.of(event))));
          }
        });
    return refusals;
  }

  /** The memory id of a document, as a reason names it: a refused one may be too long to print. */
  private static String shown(String documentId) {
    String id = StreamIds.idOf(documentId);
    return id.length() <= SHOWN_ID_CHARS
        ? id
        : id.substring(0, SHOWN_ID_CHARS) + "… (" + id.length() + " chars)";
  }

  private static <T> Refusal<T> refusal(T item, String what, Refused why) {
    return new Refusal<>(
        item, "memory index refused " + what + ": " + why.description(), why.type());
  }

  /**
   * The cache's write, finished before the batch's token is stored; its own failure if it failed.
   */
  private static void awaitCache(CompletableFuture<Void> cached) {
    try {
      cached.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }

  /** Moves the members of the merged contexts into the target; marks the collapsed duplicates. */
  public List<Refusal<ContextsMerged>> on(ContextsMerged event) {
    String tenant = event.getHeader().getTenantId();
    String target = event.getTargetContextId();
    Map<String, String> keptFor = new HashMap<>();
    for (CollapsedDuplicate duplicate : event.getCollapsedDuplicates()) {
      keptFor.put(StreamIds.of(tenant, duplicate.getMemoryId()), duplicate.getKeptMemoryId());
    }
    Map<String, Current> members = store.inContexts(tenant, event.getSourceContextIds());
    // Duplicates already moved by an earlier delivery are no longer in a source: read them too.
    Set<String> ids = new LinkedHashSet<>(members.keySet());
    ids.addAll(keptFor.keySet());
    Map<String, Current> first = new HashMap<>(members);
    first.putAll(store.read(keptFor.keySet()));
    Map<String, Refused> refused =
        change(
            ids,
            first,
            (id, doc) -> {
              if (doc == null || !tenant.equals(doc.get(MemoryFields.TENANT_ID))) {
                return null;
              }
              String kept = keptFor.get(id);
              return kept == null
                  ? MemoryDocuments.movedTo(doc, target)
                  : MemoryDocuments.collapsedInto(doc, kept, target);
            },
            "ContextsMerged " + event.getHeader().getEventId());
    // The other members moved: the merge is set aside naming the ones left behind.
    return refused.entrySet().stream()
        .map(r -> refusal(event, "memory " + shown(r.getKey()) + " of a merge", r.getValue()))
        .toList();
  }

  /** For a single event written outside a processor: its refusal has no record to set aside. */
  private static void written(List<? extends Refusal<?>> refused) {
    if (!refused.isEmpty()) {
      throw new IllegalArgumentException(refused.get(0).reason());
    }
  }

  /**
   * Applies {@code change} (current document or null → new document, or null for no change) to each
   * id, retrying the ids another writer changed meanwhile. Answers the ids store refused for good,
   * with why.
   */
  private Map<String, Refused> change(
      Set<String> ids,
      Map<String, Current> first,
      BiFunction<String, Map<String, Object>, Map<String, Object>> change,
      String what) {
    Set<String> pending = ids;
    Map<String, Refused> refused = new LinkedHashMap<>();
    Map<String, Current> current = first;
    for (int attempt = 0; attempt < ATTEMPTS && !pending.isEmpty(); attempt++) {
      if (attempt > 0) {
        current = store.read(pending);
      }
      Map<String, Map<String, Object>> docs = new LinkedHashMap<>();
      for (String id : pending) {
        Current read = current.get(id);
        Map<String, Object> doc = change.apply(id, read == null ? null : read.doc());
        if (doc != null) {
          docs.put(id, doc);
        }
      }
      Written written = store.write(docs, current);
      refused.putAll(written.refused());
      pending = written.conflicts();
    }
    if (!pending.isEmpty()) {
      throw new IllegalStateException(
          what + ": memories " + pending + " kept changing under " + ATTEMPTS + " attempts");
    }
    return refused;
  }
}
