package dev.agentos.projections.source;

import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A Cassandra writer of idempotent rows: the batch is written whole; when Cassandra refuses it for
 * good (an invalid query), its items are written again one at a time and those still refused are
 * answered with Cassandra's message, for their records alone to become dead letters. Anything else
 * (a timeout, a node down) is thrown, and the processor retries the batch: every row written is
 * keyed by its event, so what did land is written again with the same cells.
 */
public final class SplitOnRefusal<T> implements BatchWriter<T> {

  private final Consumer<List<T>> table;
  private final Function<T, String> describe;

  /**
   * @param table writes items, throwing {@link InvalidQueryException} when refused for good
   * @param describe names an item in a refusal's reason, e.g. "prediction p-1 of execution e-1"
   */
  public SplitOnRefusal(Consumer<List<T>> table, Function<T, String> describe) {
    this.table = table;
    this.describe = describe;
  }

  @Override
  public List<Refusal<T>> write(List<T> items) {
    try {
      table.accept(items);
      return List.of();
    } catch (InvalidQueryException refused) {
      if (items.size() == 1) {
        return List.of(
            new Refusal<>(
                items.get(0),
                "Cassandra refused " + describe.apply(items.get(0)) + ": " + refused.getMessage(),
                refused.getClass().getName()));
      }
    }
    List<Refusal<T>> refusals = new ArrayList<>();
    for (T item : items) {
      refusals.addAll(write(List.of(item)));
    }
    return refusals;
  }
}
