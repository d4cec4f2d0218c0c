package dev.agentos.query.history;

import dev.agentos.auth.Caller;
import dev.agentos.query.memory.MemoryAsOfReader;
import dev.agentos.query.memory.MemoryView;
import dev.agentos.query.web.NotFoundException;
import dev.agentos.readmodels.history.MemoryHistoryReader;
import dev.agentos.readmodels.history.MemoryStatus;
import dev.agentos.readmodels.history.MemoryVersion;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Answers {@code ?asOf=} from the history read model. A memory that was deleted by then is not
 * found, as {@code GET /v1/memories/{id}} treats a deleted memory now; its history still shows it.
 */
@Component
public class HistoryAsOfReader implements MemoryAsOfReader {

  private final MemoryHistoryReader history;

  public HistoryAsOfReader(MemoryHistoryReader history) {
    this.history = history;
  }

  @Override
  public MemoryView read(Caller caller, String memoryId, Instant asOf) {
    MemoryVersion v =
        history
            .asOf(caller.tenantId(), memoryId, asOf)
            // Another project's memory, deleted or not, is answered like an unknown id.
            .filter(version -> caller.mayRead(version.projectId()))
            .orElseThrow(() -> new NotFoundException("no memory " + memoryId + " as of " + asOf));
    if (v.status() == MemoryStatus.DELETED) {
      throw new NotFoundException(
          "memory " + memoryId + " was deleted at " + v.occurredAt() + ", before " + asOf);
    }
    return new MemoryView(
        v.memoryId(),
        v.projectId(),
        v.contextId(),
        v.createdBy(),
        v.createdInSession(),
        v.type(),
        v.content(),
        v.contentHash(),
        v.tags(),
        v.metadata(),
        v.confidence(),
        v.status().name(),
        v.supersededBy(),
        null,
        v.createdAt(),
        v.occurredAt(),
        v.expiresAt(),
        v.version());
  }
}
