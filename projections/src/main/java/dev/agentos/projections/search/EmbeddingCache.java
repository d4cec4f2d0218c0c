package dev.agentos.projections.search;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Embeds memory texts through a cache of the vectors already made, keyed by the model's name and
 * the SHA-256 of the exact text embedded. A replay deletes the memory index but not this cache, so
 * rebuilding the index with the same model embeds nothing it embedded before (embedding is most of
 * a replay's cost); a new model name misses every key, so a model change re-embeds everything.
 *
 * <p>Keyed on the text itself rather than the events' {@code contentHash}: that one hashes the
 * content with its whitespace normalised (for duplicate detection), while the model is given the
 * content as written, so two layouts of one text are two inputs and may be two vectors.
 */
public final class EmbeddingCache implements Function<List<String>, List<float[]>> {

  /** Where the vectors are kept, by {@link #key}. */
  public interface Store {

    /** The vectors of those {@code keys} that have one. */
    Map<String, float[]> get(Collection<String> keys);

    /** Keeps {@code vectors} by key; keeping one again is harmless (same key, same vector). */
    void put(Map<String, float[]> vectors);
  }

  private final Store store;
  private final String model;
  private final Function<List<String>, List<float[]>> embed;

  /**
   * @param model the name of the model behind {@code embed}; part of every key
   * @param embed embeds texts, one vector per text, in order
   */
  public EmbeddingCache(Store store, String model, Function<List<String>, List<float[]>> embed) {
    this.store = store;
    this.model = model;
    this.embed = embed;
  }

  /** Vectors in the order of their texts, and how to keep the ones just embedded for next time. */
  public record Embedded(List<float[]> vectors, Runnable keep) {}

  /**
   * One vector per text, in order: cached ones as kept, the others embedded in one call (each
   * distinct text once) and kept for next time.
   */
  @Override
  public List<float[]> apply(List<String> texts) {
    Embedded embedded = embed(texts, true);
    embedded.keep().run();
    return embedded.vectors();
  }

  /**
   * One vector per text, in order, the texts not found embedded in one call (each distinct text
   * once). Keeping the new vectors is left to the caller ({@link Embedded#keep}), so that it can
   * write its own documents first: the cache only serves a later replay.
   *
   * @param lookUp false when the texts are known to be new (a memory stored a moment ago): a lookup
   *     would only miss, so it is skipped, and the texts are embedded as a cache miss would be
   */
  public Embedded embed(List<String> texts, boolean lookUp) {
    if (texts.isEmpty()) {
      return new Embedded(List.of(), () -> {});
    }
    List<String> keys = texts.stream().map(this::key).toList();
    Map<String, float[]> vectors =
        lookUp ? new HashMap<>(store.get(new LinkedHashSet<>(keys))) : new HashMap<>();
    Map<String, String> missing = new LinkedHashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      if (!vectors.containsKey(keys.get(i))) {
        missing.putIfAbsent(keys.get(i), texts.get(i));
      }
    }
    Map<String, float[]> made = new LinkedHashMap<>();
    if (!missing.isEmpty()) {
      List<float[]> embedded = embed.apply(List.copyOf(missing.values()));
      if (embedded.size() != missing.size()) {
        throw new IllegalStateException(
            model + " gave " + embedded.size() + " vectors for " + missing.size() + " texts");
      }
      int next = 0;
      for (String key : missing.keySet()) {
        made.put(key, embedded.get(next++));
      }
      vectors.putAll(made);
    }
    Runnable keep = made.isEmpty() ? () -> {} : () -> store.put(made);
    return new Embedded(keys.stream().map(vectors::get).toList(), keep);
  }

  /** {@code model:sha256-hex-of-text}. */
  String key(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return model + ":" + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
