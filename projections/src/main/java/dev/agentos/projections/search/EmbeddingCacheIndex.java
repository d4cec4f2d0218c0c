package dev.agentos.projections.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link EmbeddingCache}'s vectors in an Elasticsearch index of their own ({@code
 * elasticsearch/embeddings.json}), apart from the memory index so that a replay, which deletes that
 * one, keeps them. One document per key: the model's name and the vector as base64 of its
 * little-endian floats ({@code binary}: kept in the source only, never indexed, exact, and a third
 * of the JSON numbers' size).
 *
 * <p>Reads are {@code _mget}s, which are real-time, so the index needs no refresh to serve a vector
 * just written; it refreshes rarely, only for someone counting its documents.
 */
public final class EmbeddingCacheIndex implements EmbeddingCache.Store {

  public static final String DEFAULT_INDEX = "agentos-embeddings-v1";
  static final String DEFINITION = "/elasticsearch/embeddings.json";
  static final String MODEL = "model";
  static final String VECTOR = "vector";

  private final ElasticsearchClient client;
  private final String index;

  public EmbeddingCacheIndex(ElasticsearchClient client, String index) {
    this.client = client;
    this.index = index;
  }

  /** Creates the index unless it exists; a replay never deletes it. */
  public EmbeddingCacheIndex ensure() {
    try {
      if (!client.indices().exists(e -> e.index(index)).value()) {
        try (InputStream definition = EmbeddingCacheIndex.class.getResourceAsStream(DEFINITION)) {
          client.indices().create(c -> c.withJson(definition).index(index));
        }
      }
      return this;
    } catch (ElasticsearchException e) {
      // Another projection instance created it between our check and our create: that is fine.
      if (!"resource_already_exists_exception".equals(e.error().type())) {
        throw e;
      }
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Map<String, float[]> get(Collection<String> keys) {
    Map<String, float[]> found = new HashMap<>();
    if (keys.isEmpty()) {
      return found;
    }
    try {
      List<MultiGetResponseItem<Map>> docs =
          client
              .mget(m -> m.index(index).ids(List.copyOf(keys)).sourceIncludes(VECTOR), Map.class)
              .docs();
      for (MultiGetResponseItem<Map> item : docs) {
        if (item.isFailure()) {
          throw new IllegalStateException(
              "embedding cache "
                  + index
                  + " cannot read "
                  + item.failure().id()
                  + ": "
                  + item.failure().error().reason());
        }
        if (item.result().found()) {
          found.put(item.result().id(), decode((String) item.result().source().get(VECTOR)));
        }
      }
      return found;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void put(Map<String, float[]> vectors) {
    if (vectors.isEmpty()) {
      return;
    }
    BulkRequest.Builder bulk = new BulkRequest.Builder().index(index);
    vectors.forEach(
        (key, vector) -> {
          Map<String, Object> doc =
              Map.of(MODEL, key.substring(0, key.lastIndexOf(':')), VECTOR, encode(vector));
          bulk.operations(o -> o.index(i -> i.id(key).document(doc)));
        });
    try {
      BulkResponse response = client.bulk(bulk.build());
      List<String> failures = new ArrayList<>();
      for (BulkResponseItem item : response.items()) {
        if (item.error() != null) {
          failures.add(item.id() + ": " + item.error().reason());
        }
      }
      if (!failures.isEmpty()) {
        throw new IllegalStateException("embedding cache " + index + " refused " + failures);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String encode(float[] vector) {
    ByteBuffer bytes = ByteBuffer.allocate(vector.length * Float.BYTES);
    bytes.order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().put(vector);
    return Base64.getEncoder().encodeToString(bytes.array());
  }

  static float[] decode(String base64) {
    ByteBuffer bytes = ByteBuffer.wrap(Base64.getDecoder().decode(base64));
    float[] vector = new float[bytes.remaining() / Float.BYTES];
    bytes.order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
    return vector;
  }
}
