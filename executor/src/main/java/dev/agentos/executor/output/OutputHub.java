package dev.agentos.executor.output;

import dev.agentos.events.common.EventHeader;
import dev.agentos.executor.run.RunEnd;
import dev.agentos.executor.sandbox.OutputListener.Channel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The output of the runs of this executor, for agents to follow while they run: each run's chunks
 * as they come (no more than the run's output limit, which the sandbox enforces) and its end. A
 * follower gets what came before it joined, then the rest as it comes. Ended runs are kept for the
 * last {@code keptEnded} of them, so a follower who comes just after the end still gets it all;
 * older ones are read from the query side.
 */
public final class OutputHub {

  private final int keptEnded;
  private final Map<String, RunOutput> running = new LinkedHashMap<>();
  private final Map<String, RunOutput> ended;

  public OutputHub(int keptEnded) {
    this.keptEnded = keptEnded;
    this.ended =
        new LinkedHashMap<>() {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, RunOutput> eldest) {
            return size() > OutputHub.this.keptEnded;
          }
        };
  }

  public synchronized void opened(String executionId, EventHeader request) {
    running.put(key(request.getTenantId(), executionId), new RunOutput(request));
  }

  public synchronized void write(
      String tenantId, String executionId, Channel channel, byte[] chunk) {
    RunOutput run = running.get(key(tenantId, executionId));
    if (run != null) {
      run.add(new Chunk(channel, chunk.clone()));
    }
  }

  public synchronized void ended(String tenantId, String executionId, RunEnd end) {
    RunOutput run = running.remove(key(tenantId, executionId));
    if (run != null) {
      run.end(end);
      ended.put(key(tenantId, executionId), run);
    }
  }

  /**
   * Follows a run of {@code tenantId} in project {@code projectId} (null: any of the tenant's):
   * empty when this executor has no such run, or it is another project's, which answer alike.
   */
  public synchronized Optional<Runnable> follow(
      String tenantId, String projectId, String executionId, Follower follower) {
    String key = key(tenantId, executionId);
    RunOutput run = Optional.ofNullable(running.get(key)).orElse(ended.get(key));
    if (run == null || (projectId != null && !projectId.equals(run.request.getProjectId()))) {
      return Optional.empty();
    }
    Runnable stop = run.follow(follower);
    return Optional.of(
        () -> {
          synchronized (this) {
            stop.run();
          }
        });
  }

  private static String key(String tenantId, String executionId) {
    return tenantId + "/" + executionId;
  }

  /** One piece of a run's output, from one of its streams. */
  public record Chunk(Channel channel, byte[] bytes) {}

  /**
   * Hears one run's output; called with the hub's lock held, on the sandbox's reading threads, so
   * it must hand the chunk on without waiting (a slow follower would slow the program down).
   */
  public interface Follower {
    void chunk(Chunk chunk);

    void end(RunEnd end);
  }

  /** What one run wrote so far, its end once it has one, and who follows it. */
  private static final class RunOutput {
    private final EventHeader request;
    private final List<Chunk> chunks = new ArrayList<>();
    private final List<Follower> followers = new ArrayList<>();
    private RunEnd end;

    RunOutput(EventHeader request) {
      this.request = request;
    }

    void add(Chunk chunk) {
      chunks.add(chunk);
      followers.forEach(follower -> follower.chunk(chunk));
    }

    void end(RunEnd value) {
      end = value;
      followers.forEach(follower -> follower.end(value));
      followers.clear();
    }

    /** Replays what came so far; returns what stops following. */
    Runnable follow(Follower follower) {
      chunks.forEach(follower::chunk);
      if (end != null) {
        follower.end(end);
        return () -> {};
      }
      followers.add(follower);
      return () -> followers.remove(follower);
    }
  }
}
