package dev.agentos.deploy.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.data.CqlVector;
import dev.agentos.deploy.local.StackEndpoints;
import dev.agentos.deploy.local.junit.LocalStackExtension;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The local Cassandra serves what the memory read models need: plain CQL and vector search (a
 * {@code vector<float, n>} column, an SAI index with cosine similarity, {@code ORDER BY … ANN OF}).
 */
@ExtendWith(LocalStackExtension.class)
class CassandraSmokeIT {

  private static CqlSession session;

  @BeforeAll
  static void createSchema(StackEndpoints stack) {
    String[] hostPort = stack.cassandraContactPoint().split(":");
    session =
        CqlSession.builder()
            .addContactPoint(new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])))
            .withLocalDatacenter(stack.cassandraDatacenter())
            // Schema changes take seconds on 2 cores, more than the driver's 2 s default.
            .withConfigLoader(
                DriverConfigLoader.programmaticBuilder()
                    .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(30))
                    .build())
            .build();
    session.execute(
        "CREATE KEYSPACE IF NOT EXISTS agentos_smoke WITH replication ="
            + " {'class': 'SimpleStrategy', 'replication_factor': 1}");
    session.execute(
        "CREATE TABLE IF NOT EXISTS agentos_smoke.notes"
            + " (id text PRIMARY KEY, body text, embedding vector<float, 3>)");
    session.execute(
        "CREATE CUSTOM INDEX IF NOT EXISTS notes_embedding ON agentos_smoke.notes (embedding)"
            + " USING 'StorageAttachedIndex' WITH OPTIONS = {'similarity_function': 'cosine'}");
    insert("east", "points east", 1f, 0f, 0f);
    insert("north", "points north", 0f, 1f, 0f);
    insert("up", "points up", 0f, 0f, 1f);
  }

  private static void insert(String id, String body, float x, float y, float z) {
    session.execute(
        "INSERT INTO agentos_smoke.notes (id, body, embedding) VALUES (?, ?, ?)",
        id,
        body,
        CqlVector.newInstance(x, y, z));
  }

  @AfterAll
  static void close() {
    if (session != null) {
      session.close();
    }
  }

  @Test
  void annQueryReturnsTheNearestRowsFirst() {
    List<String> ids =
        session
            .execute(
                "SELECT id FROM agentos_smoke.notes ORDER BY embedding ANN OF [0.2, 0.9, 0.1]"
                    + " LIMIT 2")
            .all()
            .stream()
            .map(row -> row.getString("id"))
            .toList();

    assertThat(ids).containsExactly("north", "east");
  }

  @Test
  void plainReadFindsARowByItsKey() {
    Row row = session.execute("SELECT body FROM agentos_smoke.notes WHERE id = ?", "up").one();

    assertThat(row).isNotNull();
    assertThat(row.getString("body")).isEqualTo("points up");
  }
}
