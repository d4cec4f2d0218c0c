package dev.agentos.readmodels.history;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * The layout of the memory history read model: table {@value #TABLE} of {@code history-schema.cql},
 * created {@code IF NOT EXISTS} (with its keyspace) by the projections at every start. The query
 * side never creates it; it reads it through {@link MemoryHistoryReader}.
 */
public final class HistorySchema {

  public static final String TABLE = "memory_history";

  static final String RESOURCE = "history-schema.cql";
  private static final Pattern KEYSPACE_NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]{0,47}");
  // DDL waits for schema agreement, which takes seconds on a small machine.
  private static final Duration DDL_TIMEOUT = Duration.ofSeconds(60);

  private final String keyspace;
  private final String replication;

  /**
   * @param keyspace the keyspace of the memory read models, which this table joins
   * @param replication the CQL replication map used when the keyspace does not exist yet
   */
  public HistorySchema(String keyspace, String replication) {
    if (!KEYSPACE_NAME.matcher(keyspace).matches()) {
      // The name is spliced into DDL, so it must be a plain identifier.
      throw new IllegalArgumentException("not a keyspace name: " + keyspace);
    }
    this.keyspace = keyspace;
    this.replication = replication;
  }

  /** A single-node layout: replication factor 1. */
  public static HistorySchema singleNode(String keyspace) {
    return new HistorySchema(keyspace, "{'class': 'SimpleStrategy', 'replication_factor': 1}");
  }

  public String keyspace() {
    return keyspace;
  }

  public void apply(CqlSession session) {
    execute(
        session,
        "CREATE KEYSPACE IF NOT EXISTS " + keyspace + " WITH replication = " + replication);
    execute(session, table());
  }

  /** Empties the table, keeping it: what a replay rebuilds from zero. */
  public void truncate(CqlSession session) {
    execute(session, "TRUNCATE " + keyspace + "." + TABLE);
  }

  /** The table's statement, with the keyspace filled in and the comments left out. */
  String table() {
    StringBuilder cql = new StringBuilder();
    for (String line : readResource().split("\n")) {
      if (!line.strip().startsWith("--")) {
        cql.append(line).append('\n');
      }
    }
    return cql.toString().strip().replaceAll(";$", "").replace("${keyspace}", keyspace);
  }

  private static void execute(CqlSession session, String cql) {
    session.execute(SimpleStatement.newInstance(cql).setTimeout(DDL_TIMEOUT));
  }

  private static String readResource() {
    try (InputStream in = HistorySchema.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
