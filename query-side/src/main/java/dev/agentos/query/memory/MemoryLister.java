package dev.agentos.query.memory;

import dev.agentos.readmodels.memory.ListedMemory;
import dev.agentos.readmodels.memory.MemoryReadModelQueries;
import dev.agentos.readmodels.memory.Page;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Reads a page of {@link MemoryListQuery} from the list partition, filtering as it goes. The cursor
 * is the read model's position cursor of the last row looked at, so a page that stops early resumes
 * exactly there. A filtered scan reads at most {@value #SCAN_BUDGET} rows per request: a rare
 * filter then gives short pages with a cursor rather than one slow request.
 */
@Component
class MemoryLister {

  static final int SCAN_BUDGET = 2_000;
  private static final int FILTERED_BATCH = 200;

  private final MemoryReadModelQueries queries;

  MemoryLister(MemoryReadModelQueries queries) {
    this.queries = queries;
  }

  MemoryPage page(String tenantId, MemoryListQuery query) {
    int batch = query.unfiltered() ? query.limit() : Math.max(query.limit(), FILTERED_BATCH);
    List<MemorySummary> items = new ArrayList<>();
    String cursor = query.cursor();
    int scanned = 0;
    while (true) {
      Page<ListedMemory> rows =
          queries.list(tenantId, query.key(), query.from(), query.to(), batch, cursor);
      List<ListedMemory> read = rows.items();
      for (int i = 0; i < read.size(); i++) {
        ListedMemory row = read.get(i);
        scanned++;
        if (query.matches(row)) {
          items.add(MemorySummary.of(row));
        }
        boolean lastRow = i == read.size() - 1 && rows.nextCursor() == null;
        if (items.size() == query.limit() || (scanned >= SCAN_BUDGET && !lastRow)) {
          return new MemoryPage(
              items, lastRow ? null : MemoryReadModelQueries.positionOf(row).encode());
        }
      }
      if (rows.nextCursor() == null) {
        return new MemoryPage(items, null);
      }
      cursor = rows.nextCursor();
    }
  }
}
