package dev.agentos.client.query;

/**
 * {@code GET /v1/memories/categories}: the scope and the sizes of the answer; null fields take the
 * defaults.
 *
 * @param tagLimit most used tags listed, 1 to 50
 * @param clusters 2 to 20; null: from the sample's size
 * @param examples members shown per category, 1 to 10
 * @param sample newest vectors clustered, 10 to 2000
 */
public record Categories(
    MemoryFilter filter, Integer tagLimit, Integer clusters, Integer examples, Integer sample) {

  public static Categories of(MemoryFilter filter) {
    return new Categories(filter, null, null, null, null);
  }

  /** The request's query string. */
  public String queryString() {
    QueryString query = new QueryString();
    filter.addTo(query);
    return query
        .add("tagLimit", tagLimit)
        .add("clusters", clusters)
        .add("examples", examples)
        .add("sample", sample)
        .toString();
  }
}
