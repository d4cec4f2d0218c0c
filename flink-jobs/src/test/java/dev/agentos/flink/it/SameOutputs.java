package dev.agentos.flink.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.schemas.topics.EventKeys;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;

/** What replaying a history a second time must give: every event of the first run again, alike. */
final class SameOutputs {

  private SameOutputs() {}

  /**
   * Asserts that {@code bothRuns}, a topic's events after two runs over the same history, is {@code
   * firstRun} twice: the same event ids, each id's two copies equal to the first run's event in
   * every field. Ids derived from the history, not drawn at random, are what let consumers drop the
   * second copy.
   */
  static <T extends SpecificRecord> void assertRepeated(List<T> firstRun, List<T> bothRuns) {
    assertThat(firstRun).isNotEmpty().extracting(SameOutputs::idOf).doesNotHaveDuplicates();
    Map<String, T> first =
        firstRun.stream().collect(Collectors.toMap(SameOutputs::idOf, Function.identity()));
    Map<String, List<T>> both = bothRuns.stream().collect(Collectors.groupingBy(SameOutputs::idOf));
    assertThat(both.keySet()).isEqualTo(first.keySet());
    both.forEach(
        (id, copies) -> assertThat(copies).as(id).containsExactly(first.get(id), first.get(id)));
  }

  private static String idOf(SpecificRecord event) {
    return EventKeys.headerOf(event).getEventId();
  }
}
