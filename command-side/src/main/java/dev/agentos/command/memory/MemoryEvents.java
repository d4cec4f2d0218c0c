package dev.agentos.command.memory;

import dev.agentos.command.memory.api.Embedding;
import dev.agentos.command.memory.api.MemoryContent;
import dev.agentos.events.common.EventHeader;
import dev.agentos.events.memory.MemoryEmbedding;
import dev.agentos.events.memory.MemoryStored;
import dev.agentos.events.memory.MemoryUpdated;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * Translates between a memory's content and the Avro events that carry it, so the aggregate reads
 * as decisions only. Every event gets its hash from {@link ContentHash}.
 */
final class MemoryEvents {

  private MemoryEvents() {}

  static MemoryStored stored(
      EventHeader header, String memoryId, String contextId, MemoryContent content) {
    return MemoryStored.newBuilder()
        .setHeader(header)
        .setMemoryId(memoryId)
        .setContextId(contextId)
        .setType(content.type())
        .setContent(content.content())
        .setContentHash(ContentHash.of(content.content()))
        .setTags(new ArrayList<>(content.tags()))
        .setMetadata(new HashMap<>(content.metadata()))
        .setConfidence(content.confidence())
        .setEmbedding(avro(content.embedding()))
        .setExpiresAt(content.expiresAt())
        .build();
  }

  static MemoryUpdated updated(
      EventHeader header, String memoryId, MemoryContent content, List<String> changedFields) {
    return MemoryUpdated.newBuilder()
        .setHeader(header)
        .setMemoryId(memoryId)
        .setType(content.type())
        .setContent(content.content())
        .setContentHash(ContentHash.of(content.content()))
        .setTags(new ArrayList<>(content.tags()))
        .setMetadata(new HashMap<>(content.metadata()))
        .setConfidence(content.confidence())
        .setEmbedding(avro(content.embedding()))
        .setExpiresAt(content.expiresAt())
        .setChangedFields(new ArrayList<>(changedFields))
        .build();
  }

  static MemoryContent contentOf(MemoryStored e) {
    return new MemoryContent(
        e.getContent(),
        e.getType(),
        e.getTags(),
        e.getMetadata(),
        e.getConfidence(),
        embeddingOf(e.getEmbedding()),
        e.getExpiresAt());
  }

  static MemoryContent contentOf(MemoryUpdated e) {
    return new MemoryContent(
        e.getContent(),
        e.getType(),
        e.getTags(),
        e.getMetadata(),
        e.getConfidence(),
        embeddingOf(e.getEmbedding()),
        e.getExpiresAt());
  }

  private static MemoryEmbedding avro(Embedding embedding) {
    return embedding == null
        ? null
        : new MemoryEmbedding(embedding.model(), new ArrayList<>(embedding.vector()));
  }

  private static Embedding embeddingOf(MemoryEmbedding embedding) {
    return embedding == null
        ? null
        : new Embedding(embedding.getModel(), List.copyOf(embedding.getVector()));
  }
}
