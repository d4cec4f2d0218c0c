package dev.agentos.projections.source;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Collects what an event handler is handed during one processor batch (one unit of work) and writes
 * it all at once when the batch is about to commit, before the batch's token is stored: one {@code
 * _bulk}, one embedding call or one InfluxDB write per batch instead of one per event.
 *
 * <p>Handlers should do everything that can fail on a single bad event (decoding, mapping) before
 * they {@link #add} it, so that such an event goes to the dead-letter topic alone. An item the
 * store refuses for good (a {@link Refusal} of the {@link BatchWriter}) sets aside the record of
 * the event that added it, with the store's reason, and the batch commits. What the writer throws
 * fails the whole batch, which the processor then retries: that is meant for a server that is down,
 * where dead-lettering would only lose events.
 *
 * @param <T> what is collected
 */
public final class BatchPerUnitOfWork<T> {

  private final String stage;
  private final String resourceKey;
  private final BatchWriter<T> writer;
  private final RefusedRecords refused;

  /**
   * @param stage the processing group: tells this batch from others in the same unit of work and
   *     names the stage in dead letters
   * @param writer writes a batch, in the order the items were added
   * @param refused sets aside the records of refused items
   */
  public BatchPerUnitOfWork(String stage, BatchWriter<T> writer, RefusedRecords refused) {
    this.stage = stage;
    this.resourceKey = BatchPerUnitOfWork.class.getName() + "/" + stage;
    this.writer = writer;
    this.refused = refused;
  }

  /**
   * Adds {@code item}, which the event being handled made, to the current batch; outside a unit of
   * work, writes it at once.
   */
  public void add(T item) {
    if (!CurrentUnitOfWork.isStarted()) {
      write(List.of(item), new IdentityHashMap<>());
      return;
    }
    UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
    Pending<T> pending =
        unitOfWork.getOrComputeResource(
            resourceKey,
            key -> {
              Pending<T> items = new Pending<>(new ArrayList<>(), new IdentityHashMap<>());
              unitOfWork.onPrepareCommit(done -> write(List.copyOf(items.items()), items.madeBy()));
              return items;
            });
    pending.items().add(item);
    // In a batch, the unit of work's message is the one being handled right now.
    pending.madeBy().put(item, CurrentUnitOfWork.get().getMessage());
  }

  private void write(List<T> items, Map<T, Message<?>> madeBy) {
    for (Refusal<T> refusal : writer.write(items)) {
      refused.setAside(stage, madeBy.get(refusal.item()), refusal.reason(), refusal.errorClass());
    }
  }

  private record Pending<T>(List<T> items, Map<T, Message<?>> madeBy) {}
}
