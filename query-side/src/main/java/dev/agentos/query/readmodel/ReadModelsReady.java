package dev.agentos.query.readmodel;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.retry.RetryCallback;
import org.springframework.retry.RetryContext;
import org.springframework.retry.RetryListener;
import org.springframework.retry.support.RetryTemplate;

/**
 * Holds the query side's start until a read model's layout exists. The projections are the one
 * creator of every table and index (read-models' layouts); the query side only reads, so started
 * first it waits for them, saying what it waits for, and gives up with that list after a bound.
 */
final class ReadModelsReady {

  private static final Logger LOG = LoggerFactory.getLogger(ReadModelsReady.class);
  static final Duration POLL = Duration.ofSeconds(2);

  private ReadModelsReady() {}

  /**
   * Returns once {@code missing} answers empty; throws {@link NotReadyException} naming what is
   * still missing after {@code bound}.
   *
   * @param readModel what is awaited, for the log and the error, e.g. {@code keyspace agentos}
   * @param missing what of its layout does not exist yet
   */
  static void await(String readModel, Supplier<List<String>> missing, Duration bound) {
    await(readModel, missing, bound, POLL);
  }

  static void await(
      String readModel, Supplier<List<String>> missing, Duration bound, Duration poll) {
    RetryTemplate.builder()
        .withTimeout(bound)
        .fixedBackoff(poll)
        .retryOn(NotReadyException.class)
        .withListener(new Progress())
        .build()
        .execute(
            context -> {
              List<String> absent = missing.get();
              if (!absent.isEmpty()) {
                throw new NotReadyException(readModel, absent, bound);
              }
              return null;
            });
  }

  /** A read model whose layout the projections have not created (yet). */
  static final class NotReadyException extends RuntimeException {
    NotReadyException(String readModel, List<String> missing, Duration bound) {
      super(
          readModel
              + " is not created yet (missing "
              + String.join(", ", missing)
              + "); the projections create it when they start: start them (./agentos up does),"
              + " this waited up to "
              + bound);
    }
  }

  /** One line at the first miss and every ten seconds after, so a stalled start says why. */
  private static final class Progress implements RetryListener {
    private static final int LOG_EVERY =
        (int) (Duration.ofSeconds(10).toMillis() / POLL.toMillis());

    @Override
    public <T, E extends Throwable> void onError(
        RetryContext context, RetryCallback<T, E> callback, Throwable error) {
      if ((context.getRetryCount() - 1) % LOG_EVERY == 0) {
        LOG.info("waiting for the read models: {}", error.getMessage());
      }
    }
  }
}
