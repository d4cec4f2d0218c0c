package dev.agentos.projections.memory.cassandra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemorySchemaTest {

  @Test
  void everyTableIsCreatedIfNotExistsInTheGivenKeyspace() {
    List<String> ddl = MemorySchema.singleNode("ks_test").tableStatements();

    assertThat(ddl).hasSize(9);
    assertThat(ddl)
        .allSatisfy(s -> assertThat(s).startsWith("CREATE TABLE IF NOT EXISTS ks_test."))
        .noneSatisfy(s -> assertThat(s).contains("${keyspace}"));
  }

  @Test
  void aTruncateEmptiesEveryTableTheSchemaCreatesIncludingTheAccessTallies() {
    assertThat(MemorySchema.singleNode("agentos_test").tableNames())
        .hasSize(MemorySchema.singleNode("agentos_test").tableStatements().size())
        .contains("memories_by_id", "memory_lists", "memory_access_tallies");
  }

  @Test
  void aKeyspaceNameThatIsNotAnIdentifierIsRefused() {
    assertThatThrownBy(() -> MemorySchema.singleNode("x; DROP KEYSPACE y"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void listRowsLiveUntilTheMemoryExpires() {
    Instant now = Instant.parse("2026-11-01T10:00:00Z");

    assertThat(ListRows.ttlSeconds(null, now)).isZero();
    assertThat(ListRows.ttlSeconds(now.plusMillis(1500), now)).isEqualTo(2);
    assertThat(ListRows.ttlSeconds(now, now)).isEqualTo(-1);
    assertThat(ListRows.ttlSeconds(now.plusSeconds(1_000_000_000L), now)).isEqualTo(630_720_000);
  }
}
