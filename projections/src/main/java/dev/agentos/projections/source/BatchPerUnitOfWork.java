package dev.agentos.projections.source;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Collects what an event handler is handed during one processor batch (one unit of work) and writes
 * it all at once when the batch is about to commit, before the batch's token is stored: one {@code
 * _bulk}, one embedding call or one InfluxDB write per batch instead of one per event.
 *
 * <p>Handlers should do everything that can fail on a single bad event (decoding, mapping) before
 * they {@link #add} it, so that such an event goes to the dead-letter topic alone. What fails in
 * {@code flush} fails the whole batch, which the processor then retries: that is meant for a server
 * that is down, where dead-lettering would only lose events.
 *
 * @param <T> what is collected
 */
public final class BatchPerUnitOfWork<T> {

  private final String resourceKey;
  private final Consumer<List<T>> flush;

  /**
   * @param name tells this batch from others in the same unit of work
   * @param flush writes a batch, in the order the items were added
   */
  public BatchPerUnitOfWork(String name, Consumer<List<T>> flush) {
    this.resourceKey = BatchPerUnitOfWork.class.getName() + "/" + name;
    this.flush = flush;
  }

  /** Adds {@code item} to the current batch; outside a unit of work, writes it at once. */
  public void add(T item) {
    if (!CurrentUnitOfWork.isStarted()) {
      flush.accept(List.of(item));
      return;
    }
    UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
    List<T> pending =
        unitOfWork.getOrComputeResource(
            resourceKey,
            key -> {
              List<T> items = new ArrayList<>();
              unitOfWork.onPrepareCommit(done -> flush.accept(List.copyOf(items)));
              return items;
            });
    pending.add(item);
  }
}
