package dev.agentos.command.ingest;

import java.util.List;

/**
 * The answer to a batch: how many events were accepted (acknowledged by Kafka), rejected (invalid)
 * or failed (valid, but Kafka did not acknowledge them), and one result per event in request order.
 */
public record IngestResponse(int accepted, int rejected, int failed, List<EventResult> results) {

  static IngestResponse of(List<EventResult> results) {
    return new IngestResponse(
        count(results, EventResult.Status.ACCEPTED),
        count(results, EventResult.Status.REJECTED),
        count(results, EventResult.Status.FAILED),
        List.copyOf(results));
  }

  private static int count(List<EventResult> results, EventResult.Status status) {
    return (int) results.stream().filter(result -> result.status() == status).count();
  }
}
