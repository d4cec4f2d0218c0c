package dev.agentos.query.memory;

import dev.agentos.auth.Caller;
import java.time.Instant;

/**
 * Answers {@code GET /v1/memories/{id}?asOf=…}: the memory as it was at an instant, from its
 * versions in the history read model. Provide it as a bean; until one exists the endpoint answers
 * 501 for {@code asOf}.
 */
public interface MemoryAsOfReader {

  /**
   * The memory as it stood at {@code asOf}, in the caller's tenant.
   *
   * @throws dev.agentos.query.web.NotFoundException if it did not exist then, or is another
   *     tenant's
   */
  MemoryView read(Caller caller, String memoryId, Instant asOf);
}
