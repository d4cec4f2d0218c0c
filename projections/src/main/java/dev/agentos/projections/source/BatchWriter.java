package dev.agentos.projections.source;

import java.util.List;

/**
 * Writes a processor batch to a store. Items the store refuses for good are answered as {@link
 * Refusal}s, so their records alone are set aside; a failure that may pass (the store down, a
 * timeout, too many requests) is thrown, so the processor retries the whole batch.
 */
@FunctionalInterface
public interface BatchWriter<T> {

  /** Writes {@code items} in their order; answers those refused for good, else nothing. */
  List<Refusal<T>> write(List<T> items);

  /** A writer whose store refuses nothing for good: whatever fails is retried. */
  static <T> BatchWriter<T> refusingNothing(java.util.function.Consumer<List<T>> write) {
    return items -> {
      write.accept(items);
      return List.of();
    };
  }
}
