package dev.agentos.deploy.local.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Flink's {@code GET /jobs/overview}: each job's state by its name. A name can appear more than
 * once (a job submitted again after it failed); the entry that is {@code RUNNING} wins, else the
 * newest.
 */
final class JobsOverview {

  static final String RUNNING = "RUNNING";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, Entry> byName;

  private JobsOverview(Map<String, Entry> byName) {
    this.byName = byName;
  }

  static JobsOverview parse(String json) throws IOException {
    Map<String, Entry> byName = new HashMap<>();
    for (JsonNode job : JSON.readTree(json).path("jobs")) {
      Entry entry = new Entry(job.path("state").asText(), job.path("start-time").asLong());
      byName.merge(job.path("name").asText(), entry, Entry::preferred);
    }
    return new JobsOverview(byName);
  }

  /** As {@link #parse}, empty when {@code json} is not an overview (another server answered). */
  static Optional<JobsOverview> tryParse(String json) {
    try {
      return Optional.of(parse(json));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** The job's state, e.g. {@code RUNNING}, {@code RESTARTING}, {@code FAILED}; empty if absent. */
  Optional<String> state(String job) {
    return Optional.ofNullable(byName.get(job)).map(Entry::state);
  }

  /** Those of {@code jobs} that Flink does not list as {@code RUNNING}, in their order. */
  List<String> notRunning(List<String> jobs) {
    return jobs.stream().filter(job -> !state(job).filter(RUNNING::equals).isPresent()).toList();
  }

  private record Entry(String state, long startTime) {

    Entry preferred(Entry other) {
      if (RUNNING.equals(state) != RUNNING.equals(other.state)) {
        return RUNNING.equals(state) ? this : other;
      }
      return startTime >= other.startTime ? this : other;
    }
  }
}
