package dev.agentos.readmodels.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import com.datastax.oss.driver.api.core.servererrors.ReadFailureException;
import java.net.InetAddress;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ListFiltersUnavailableExceptionTest {

  private final Node node = mock(Node.class);

  private ReadFailureException readFailure(int reason) {
    return new ReadFailureException(
        node,
        DefaultConsistencyLevel.LOCAL_ONE,
        0,
        1,
        1,
        false,
        Map.of(InetAddress.getLoopbackAddress(), reason));
  }

  @Test
  void aFilterOnAMissingIndexIsARebuild() {
    // Cassandra 5.0.9's words, as it refused a type filter while the index was dropped.
    InvalidQueryException refused =
        new InvalidQueryException(
            node,
            "Cannot execute this query as it might involve data filtering and thus may have"
                + " unpredictable performance. If you want to execute this query despite the"
                + " performance unpredictability, use ALLOW FILTERING");

    assertThat(ListFiltersUnavailableException.of(refused))
        .hasValueSatisfying(
            e ->
                assertThat(e)
                    .hasMessageContaining("memory lists by type/tag are being rebuilt")
                    .hasCause(refused));
  }

  @Test
  void aFilterOnAnIndexStillBuildingIsARebuild() {
    assertThat(ListFiltersUnavailableException.of(readFailure(6))).isPresent();
  }

  @Test
  void otherFailuresAreNotMistakenForARebuild() {
    assertThat(ListFiltersUnavailableException.of(readFailure(1))).as("tombstones").isEmpty();
    assertThat(
            ListFiltersUnavailableException.of(
                new InvalidQueryException(node, "Undefined column name memory_typ")))
        .isEmpty();
    assertThat(ListFiltersUnavailableException.of(new IllegalStateException("x"))).isEmpty();
  }
}
