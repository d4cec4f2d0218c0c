package dev.agentos.client.query;

/**
 * {@code GET /v1/memories}: live memories, newest first, one page.
 *
 * @param limit 1 to 200; null: 50
 * @param cursor the previous page's {@code nextCursor}, with the same filter; null: the first page
 */
public record MemoryList(MemoryFilter filter, Integer limit, String cursor) {

  public static MemoryList of(MemoryFilter filter) {
    return new MemoryList(filter, null, null);
  }

  public MemoryList withLimit(int limit) {
    return new MemoryList(filter, limit, cursor);
  }

  /** The next page after {@code page}; only a page without {@code nextCursor} ends the list. */
  public MemoryList after(MemoryPage page) {
    return new MemoryList(filter, limit, page.nextCursor());
  }

  /** The request's query string. */
  public String queryString() {
    QueryString query = new QueryString();
    filter.addTo(query);
    return query.add("limit", limit).add("cursor", cursor).toString();
  }
}
