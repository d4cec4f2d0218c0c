package dev.agentos.projections.search;

import static dev.agentos.readmodels.search.MemoryFields.*;

import dev.agentos.events.common.EventHeader;
import dev.agentos.events.memory.MemoryDeleted;
import dev.agentos.events.memory.MemoryEmbedding;
import dev.agentos.events.memory.MemoryStored;
import dev.agentos.events.memory.MemorySuperseded;
import dev.agentos.events.memory.MemoryUpdated;
import dev.agentos.readmodels.embedding.MemoryEmbedder;
import dev.agentos.readmodels.search.MemoryFields.State;
import dev.agentos.readmodels.search.ScopeKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Maps memory events onto index documents (plain maps of {@link MemoryFields}), without touching
 * the index. A document remembers the aggregate sequence of the last memory event applied to it
 * ({@code version}), and an event whose sequence is not newer leaves it unchanged: that is what
 * makes a redelivery harmless.
 *
 * <p>Vectors: a client-supplied embedding of {@link MemoryEmbedder#DIMENSIONS} floats is used as
 * is, under the model name the client gave; any other is ignored and the text is embedded here, all
 * texts of a batch in one call, under {@link MemoryEmbedder#MODEL_NAME}.
 */
public final class MemoryDocuments {

  /** A vector and the model that made it; never one without the other. */
  public record Vector(String model, List<Float> values) {}

  /**
   * Text to embed for one event, and the embedding its client supplied (may be null). {@code
   * fresh}: the text is new (a memory stored a moment ago, outside a replay), so no vector of it
   * was kept.
   */
  public record Content(String eventId, String text, MemoryEmbedding supplied, boolean fresh) {

    public Content(String eventId, String text, MemoryEmbedding supplied) {
      this(eventId, text, supplied, false);
    }
  }

  /**
   * Vectors by event id, and how to keep the ones just embedded for a later replay (a no-op without
   * a cache): run it after the documents are written, which the freshness of search waits for.
   */
  public record Vectors(Map<String, Vector> byEventId, Runnable keep) {}

  /** Embeds texts, one vector per text, in order; looks up earlier vectors unless told not to. */
  private interface Embedder {
    EmbeddingCache.Embedded embed(List<String> texts, boolean lookUp);
  }

  private final Embedder embedder;

  public MemoryDocuments(MemoryEmbedder embedder) {
    this(embedder::embedMemories);
  }

  /** {@code embedMemories} embeds stored texts, one vector per text, in order. */
  public MemoryDocuments(Function<List<String>, List<float[]>> embedMemories) {
    this.embedder =
        (texts, lookUp) -> new EmbeddingCache.Embedded(embedMemories.apply(texts), () -> {});
  }

  /** Embeds through {@code cache}, which keeps what it embeds for a replay. */
  public MemoryDocuments(EmbeddingCache cache) {
    this.embedder = cache::embed;
  }

  /** The vector of each content by event id: supplied ones as they are, the rest in one batch. */
  public Map<String, Vector> vectors(List<Content> contents) {
    Vectors vectors = embed(contents);
    vectors.keep().run();
    return vectors.byEventId();
  }

  /**
   * As {@link #vectors}, with the new vectors not kept yet. The cache is not looked up when every
   * text to embed is fresh: it could only miss.
   */
  public Vectors embed(List<Content> contents) {
    Map<String, Vector> vectors = new HashMap<>();
    List<Content> toEmbed = new ArrayList<>();
    for (Content content : contents) {
      Vector supplied = supplied(content.supplied());
      if (supplied != null) {
        vectors.put(content.eventId(), supplied);
      } else {
        toEmbed.add(content);
      }
    }
    boolean lookUp = !toEmbed.stream().allMatch(Content::fresh);
    EmbeddingCache.Embedded embedded =
        embedder.embed(toEmbed.stream().map(Content::text).toList(), lookUp);
    for (int i = 0; i < toEmbed.size(); i++) {
      vectors.put(
          toEmbed.get(i).eventId(),
          new Vector(MemoryEmbedder.MODEL_NAME, of(embedded.vectors().get(i))));
    }
    return new Vectors(vectors, embedded.keep());
  }

  /** The client's embedding when it has the index's size, else null (it will be recomputed). */
  static Vector supplied(MemoryEmbedding embedding) {
    if (embedding == null || embedding.getVector().size() != MemoryEmbedder.DIMENSIONS) {
      return null;
    }
    return new Vector(embedding.getModel(), List.copyOf(embedding.getVector()));
  }

  /** True when {@code sequence} has not been applied to {@code current} yet. */
  public static boolean isNewer(Map<String, Object> current, long sequence) {
    return current == null || ((Number) current.get(VERSION)).longValue() < sequence;
  }

  /**
   * True when an update brings a new vector: the client supplied a usable one, or the text changed,
   * or the document has none. Otherwise the text keeps its vector: embedding is the costly part.
   */
  public static boolean needsVector(Map<String, Object> current, MemoryUpdated e) {
    return supplied(e.getEmbedding()) != null
        || current == null
        || current.get(EMBEDDING) == null
        || !Objects.equals(current.get(CONTENT_HASH), e.getContentHash());
  }

  public static Map<String, Object> stored(MemoryStored e, long sequence, Vector vector) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put(MEMORY_ID, e.getMemoryId());
    scope(doc, e.getHeader());
    doc.put(CONTEXT_ID, e.getContextId());
    state(doc, State.ACTIVE);
    doc.put(CREATED_AT, millis(e.getHeader().getOccurredAt()));
    content(doc, e.getType().name(), e.getContent(), e.getContentHash(), e.getTags());
    doc.put(METADATA, new LinkedHashMap<>(e.getMetadata()));
    doc.put(CONFIDENCE, e.getConfidence());
    doc.put(EXPIRES_AT, millis(e.getExpiresAt()));
    vector(doc, vector);
    return applied(doc, e.getHeader(), sequence);
  }

  /**
   * The document after an update, which carries every mutable field. Scope, context and state stay
   * as they are: other events own them. A null {@code vector} keeps the current one (see {@link
   * #needsVector}).
   */
  public static Map<String, Object> updated(
      Map<String, Object> current, MemoryUpdated e, long sequence, Vector vector) {
    Map<String, Object> doc =
        current == null ? new LinkedHashMap<>() : new LinkedHashMap<>(current);
    if (current == null) {
      // The store was never seen (e.g. a topic retention cut): index what the update knows.
      doc.put(MEMORY_ID, e.getMemoryId());
      scope(doc, e.getHeader());
      state(doc, State.ACTIVE);
      doc.put(CREATED_AT, millis(e.getHeader().getOccurredAt()));
    }
    content(doc, e.getType().name(), e.getContent(), e.getContentHash(), e.getTags());
    doc.put(METADATA, new LinkedHashMap<>(e.getMetadata()));
    doc.put(CONFIDENCE, e.getConfidence());
    doc.put(EXPIRES_AT, millis(e.getExpiresAt()));
    if (vector != null) {
      vector(doc, vector);
    }
    return applied(doc, e.getHeader(), sequence);
  }

  public static Map<String, Object> superseded(
      Map<String, Object> current, MemorySuperseded e, long sequence) {
    Map<String, Object> doc = new LinkedHashMap<>(current);
    state(doc, State.SUPERSEDED);
    doc.put(SUPERSEDED_BY, e.getSupersededBy());
    return applied(doc, e.getHeader(), sequence);
  }

  /** A tombstone: it stays, so its version keeps a late redelivery from resurrecting it. */
  public static Map<String, Object> deleted(
      Map<String, Object> current, MemoryDeleted e, long sequence) {
    Map<String, Object> doc = new LinkedHashMap<>(current);
    state(doc, State.DELETED);
    return applied(doc, e.getHeader(), sequence);
  }

  /** The document moved into a merge's target, or null when it is there already. */
  public static Map<String, Object> movedTo(Map<String, Object> current, String contextId) {
    if (contextId.equals(current.get(CONTEXT_ID))) {
      return null;
    }
    Map<String, Object> doc = new LinkedHashMap<>(current);
    doc.put(CONTEXT_ID, contextId);
    return doc;
  }

  /**
   * A duplicate a merge dropped: superseded by the memory kept, and moved with it. Null when that
   * is already so, or when the memory was deleted meanwhile (a tombstone stays a tombstone).
   */
  public static Map<String, Object> collapsedInto(
      Map<String, Object> current, String keptMemoryId, String contextId) {
    if (State.DELETED.name().equals(current.get(STATE))
        || (State.SUPERSEDED.name().equals(current.get(STATE))
            && keptMemoryId.equals(current.get(SUPERSEDED_BY))
            && contextId.equals(current.get(CONTEXT_ID)))) {
      return null;
    }
    Map<String, Object> doc = new LinkedHashMap<>(current);
    state(doc, State.SUPERSEDED);
    doc.put(SUPERSEDED_BY, keptMemoryId);
    doc.put(CONTEXT_ID, contextId);
    return doc;
  }

  private static void scope(Map<String, Object> doc, EventHeader header) {
    doc.put(TENANT_ID, header.getTenantId());
    doc.put(PROJECT_ID, header.getProjectId());
    doc.put(AGENT_ID, header.getAgentId());
    doc.put(SESSION_ID, header.getSessionId());
  }

  /**
   * The state and the keys made of it ({@link ScopeKey#putKeys}), set together so that the key a
   * search filters on never disagrees with the state a document shows. Scope fields first.
   */
  private static void state(Map<String, Object> doc, State state) {
    doc.put(STATE, state.name());
    ScopeKey.putKeys(doc);
  }

  private static void content(
      Map<String, Object> doc, String type, String text, String hash, List<String> tags) {
    doc.put(TYPE, type);
    doc.put(CONTENT, text);
    doc.put(CONTENT_HASH, hash);
    doc.put(TAGS, List.copyOf(tags));
  }

  private static void vector(Map<String, Object> doc, Vector vector) {
    doc.put(EMBEDDING, vector.values());
    doc.put(EMBEDDING_MODEL, vector.model());
    if (doc.containsKey(STATE)) {
      ScopeKey.putKeys(doc);
    }
  }

  private static Map<String, Object> applied(
      Map<String, Object> doc, EventHeader header, long sequence) {
    doc.put(UPDATED_AT, millis(header.getOccurredAt()));
    doc.put(LAST_EVENT_ID, header.getEventId());
    doc.put(VERSION, sequence);
    return doc;
  }

  private static Long millis(Instant instant) {
    return instant == null ? null : instant.toEpochMilli();
  }

  private static List<Float> of(float[] vector) {
    List<Float> values = new ArrayList<>(vector.length);
    for (float value : vector) {
      values.add(value);
    }
    return values;
  }
}
