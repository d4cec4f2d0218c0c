package dev.agentos.projections.memory;

import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchableStatement;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.Statement;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gathers writes into one unlogged batch per partition: a replay writes hundreds of rows under the
 * same project, context or list key, and one mutation per partition costs Cassandra far less than
 * one request per row.
 *
 * <p>A batch has one write timestamp, so only statements whose order does not matter within it may
 * share one: rows that are all different, or an insert followed by the delete of the same row (a
 * member stored then forgotten, a relation added then removed), which the delete wins at equal
 * timestamps as it would in order. The reverse, a delete then an insert of one row, cannot happen:
 * a memory id is never stored twice and relation ids are random.
 */
final class PartitionBatches {

  // Cassandra refuses batches over 50 KiB (batch_size_fail_threshold); stay well under it.
  private static final int MAX_BATCH_BYTES = 24 * 1024;
  private static final int MAX_BATCH_ROWS = 64;
  private static final int ROW_OVERHEAD_BYTES = 200;

  private record Sized(BoundStatement statement, int bytes) {}

  private record Partition(String table, ByteBuffer key) {}

  private final Map<Partition, List<Sized>> byPartition = new LinkedHashMap<>();

  /** Adds a row write; {@code payloadChars} is the length of its largest text, to size batches. */
  void add(BoundStatement statement, int payloadChars) {
    var variables = statement.getPreparedStatement().getVariableDefinitions();
    Partition partition =
        new Partition(variables.get(0).getTable().asInternal(), statement.getRoutingKey());
    byPartition
        .computeIfAbsent(partition, p -> new ArrayList<>())
        .add(new Sized(statement, ROW_OVERHEAD_BYTES + payloadChars * 3)); // UTF-8 upper bound
  }

  /** The collected writes as batches, each with the next timestamp of {@code clock}; then none. */
  List<Statement<?>> drain(WriteClock clock) {
    List<Statement<?>> batches = new ArrayList<>();
    for (List<Sized> partition : byPartition.values()) {
      List<BatchableStatement<?>> chunk = new ArrayList<>();
      int bytes = 0;
      for (Sized row : partition) {
        if (!chunk.isEmpty()
            && (chunk.size() == MAX_BATCH_ROWS || bytes + row.bytes() > MAX_BATCH_BYTES)) {
          batches.add(batch(chunk, clock));
          chunk = new ArrayList<>();
          bytes = 0;
        }
        chunk.add(row.statement());
        bytes += row.bytes();
      }
      if (!chunk.isEmpty()) {
        batches.add(batch(chunk, clock));
      }
    }
    byPartition.clear();
    return batches;
  }

  private static Statement<?> batch(List<BatchableStatement<?>> rows, WriteClock clock) {
    Statement<?> statement =
        rows.size() == 1
            ? (Statement<?>) rows.get(0)
            : BatchStatement.newInstance(DefaultBatchType.UNLOGGED, rows);
    return statement.setQueryTimestamp(clock.next());
  }
}
