package dev.agentos.executor.sandbox;

/**
 * Hears a run's output as it comes, for callers that pass it on while the program runs (a later
 * step streams it to agents). Called from the runner's reading threads, one per stream, with only
 * the bytes within the output limit; it must return quickly, since the program waits on a full pipe
 * meanwhile.
 */
@FunctionalInterface
public interface OutputListener {

  /** Which stream a chunk came from. */
  enum Channel {
    STDOUT,
    STDERR
  }

  void onOutput(Channel channel, byte[] chunk);

  /** Ignores everything: for callers that want only the result. */
  OutputListener NONE = (channel, chunk) -> {};
}
