package dev.agentos.query.web;

/**
 * The parameters of a session's list of executions or suggestions, checked as the other lists check
 * theirs: the session is required, the page size 1 to {@value #MAX_LIMIT}, a blank cursor is none.
 * A wrong one is 422 naming it.
 */
public final class SessionListParameters {

  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 200;

  private SessionListParameters() {}

  /** The session asked for, stripped. */
  public static String sessionId(String sessionId) {
    String session = ProjectScope.blankToNull(sessionId);
    if (session == null) {
      throw new InvalidQueryException("sessionId", "give sessionId: the session to list");
    }
    return session;
  }

  /** The page size asked for, else {@value #DEFAULT_LIMIT}. */
  public static int limit(Integer limit) {
    int size = limit == null ? DEFAULT_LIMIT : limit;
    if (size < 1 || size > MAX_LIMIT) {
      throw new InvalidQueryException(
          "limit", "must be between 1 and " + MAX_LIMIT + ", was " + size);
    }
    return size;
  }

  /** The cursor asked for, null for the first page. */
  public static String cursor(String cursor) {
    return ProjectScope.blankToNull(cursor);
  }
}
