package dev.agentos.projections.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import com.datastax.oss.driver.api.core.servererrors.WriteTimeoutException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

/** A refused batch is split so only the items refused alone become dead letters. */
class SplitOnRefusalTest {

  private final List<List<String>> written = new ArrayList<>();

  private SplitOnRefusal<String> refusing(String bad) {
    return new SplitOnRefusal<>(
        items -> {
          if (items.contains(bad)) {
            throw new InvalidQueryException(null, "value too large");
          }
          written.add(items);
        },
        item -> "item " + item);
  }

  @Test
  void aBatchNothingRefusesIsOneWrite() {
    assertThat(refusing("x").write(List.of("a", "b"))).isEmpty();
    assertThat(written).containsExactly(List.of("a", "b"));
  }

  @Test
  void aRefusedBatchIsWrittenItemByItemAndOnlyTheRefusedOneAnswered() {
    List<Refusal<String>> refusals = refusing("b").write(List.of("a", "b", "c"));

    assertThat(written).containsExactly(List.of("a"), List.of("c"));
    assertThat(refusals).extracting(Refusal::item).containsExactly("b");
    assertThat(refusals.get(0).reason()).isEqualTo("Cassandra refused item b: value too large");
    assertThat(refusals.get(0).errorClass()).isEqualTo(InvalidQueryException.class.getName());
  }

  @Test
  void aFailureThatMayPassIsThrownForTheBatchToBeRetried() {
    WriteTimeoutException timeout = Mockito.mock(WriteTimeoutException.class);
    SplitOnRefusal<String> writer =
        new SplitOnRefusal<>(
            items -> {
              throw timeout;
            },
            item -> item);

    assertThatThrownBy(() -> writer.write(List.of("a"))).isSameAs(timeout);
  }
}
