package dev.agentos.projections.memory;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import dev.agentos.readmodels.memory.MemorySchema;
import java.time.Duration;
import java.time.Instant;

/**
 * Which layout of tables built a keyspace's memory read model. A keyspace an older layout built
 * holds memories that a new table knows nothing of (the version guard of ADR 0004 skips every event
 * already applied), so it must be rebuilt from the first offset once: memories_by_scope (ADR 0005)
 * would otherwise list only what came after the upgrade. The mark lives in a table of its own,
 * outside {@link MemorySchema}, so the replay's truncation keeps it.
 */
public final class ReadModelLayout {

  /** Change when a change of tables needs every existing keyspace rebuilt. */
  public static final String CURRENT = "memories_by_scope (ADR 0005)";

  private static final Duration DDL_TIMEOUT = Duration.ofSeconds(60);

  private final String table;
  private final boolean rebuildNeeded;

  private ReadModelLayout(String table, boolean rebuildNeeded) {
    this.table = table;
    this.rebuildNeeded = rebuildNeeded;
  }

  /**
   * Reads which layout built {@code keyspace} (created by {@link MemorySchema}); to be called
   * before the processors write to it. A keyspace without memories is marked as built by this
   * layout at once, so it is never rebuilt for nothing.
   */
  public static ReadModelLayout inspect(String keyspace, CqlSession session) {
    String checked = MemorySchema.singleNode(keyspace).keyspace(); // refuses a non-identifier
    String table = checked + ".read_model_layouts";
    session.execute(
        SimpleStatement.newInstance(
                "CREATE TABLE IF NOT EXISTS "
                    + table
                    + " (layout text PRIMARY KEY, built_at timestamp)")
            .setTimeout(DDL_TIMEOUT));
    boolean marked =
        session.execute("SELECT layout FROM " + table + " WHERE layout = ?", CURRENT).one() != null;
    boolean holdsMemories =
        session.execute("SELECT memory_id FROM " + checked + ".memories_by_id LIMIT 1").one()
            != null;
    ReadModelLayout layout = new ReadModelLayout(table, !marked && holdsMemories);
    if (!marked && !holdsMemories) {
      layout.markBuilt(session);
    }
    return layout;
  }

  /** Whether the keyspace held memories another layout built when it was inspected. */
  public boolean rebuildNeeded() {
    return rebuildNeeded;
  }

  /** Records that the read model is (being) built with {@link #CURRENT}. */
  public void markBuilt(CqlSession session) {
    session.execute(
        "INSERT INTO " + table + " (layout, built_at) VALUES (?, ?)", CURRENT, Instant.now());
  }
}
