package dev.agentos.client.query;

import java.time.Instant;

/**
 * {@code GET /v1/patterns}: a project's patterns, one page; every filter is optional (null: none).
 *
 * @param projectId null: the key's project
 * @param kind {@code ERROR} or {@code SUCCESS}
 * @param status {@code NEW}, {@code RECURRING} or {@code RISING}
 * @param language e.g. {@code python}
 * @param since last seen at or after it
 * @param limit 1 to 200; null: 50
 * @param cursor the previous page's {@code nextCursor}, with the same filters; null: the first page
 */
public record PatternList(
    String projectId,
    String kind,
    String status,
    String language,
    Instant since,
    Integer limit,
    String cursor) {

  /** Every pattern of the key's project. */
  public static PatternList all() {
    return new PatternList(null, null, null, null, null, null, null);
  }

  /** The ERROR patterns of the key's project. */
  public static PatternList errors() {
    return all().withKind("ERROR");
  }

  public PatternList withKind(String kind) {
    return new PatternList(projectId, kind, status, language, since, limit, cursor);
  }

  public PatternList withStatus(String status) {
    return new PatternList(projectId, kind, status, language, since, limit, cursor);
  }

  public PatternList withLanguage(String language) {
    return new PatternList(projectId, kind, status, language, since, limit, cursor);
  }

  public PatternList since(Instant since) {
    return new PatternList(projectId, kind, status, language, since, limit, cursor);
  }

  public PatternList withLimit(int limit) {
    return new PatternList(projectId, kind, status, language, since, limit, cursor);
  }

  /** The next page after {@code page}. */
  public PatternList after(PatternPage page) {
    return new PatternList(projectId, kind, status, language, since, limit, page.nextCursor());
  }

  /** The request's query string. */
  public String queryString() {
    return new QueryString()
        .add("projectId", projectId)
        .add("kind", kind)
        .add("status", status)
        .add("language", language)
        .add("since", since)
        .add("limit", limit)
        .add("cursor", cursor)
        .toString();
  }
}
