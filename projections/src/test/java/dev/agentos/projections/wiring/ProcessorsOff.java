package dev.agentos.projections.wiring;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The arguments that switch off every processing group but the ones an IT tests, so it loads only
 * their stores (and not the embedding model): one list, so a new read model needs no IT edited.
 */
public final class ProcessorsOff {

  /** Not a read model of ReadModelTopics: it indexes every non-raw topic for Kibana. */
  public static final String EVENT_STREAMS = "event-streams";

  private ProcessorsOff() {}

  public static List<String> allBut(String... kept) {
    Set<String> keep = Set.of(kept);
    return Stream.concat(ReadModelTopics.groups().stream(), Stream.of(EVENT_STREAMS))
        .filter(group -> !keep.contains(group))
        .sorted()
        .map(group -> "--agentos.projections.processors." + group + ".enabled=false")
        .toList();
  }
}
