package dev.agentos.auth;

import dev.agentos.schemas.streams.StreamIds;

/**
 * The one rule for every id a client chooses or sends (agent, project, memory, context, execution,
 * session, trace…): 1 to 128 characters that are safe in a URL path, a header and a Kafka key, the
 * first a letter or digit (so {@code .} and {@code ..} are no ids).
 */
public final class Ids {

  /** The longest id: a stream id holds it beside the tenant within Axon's 255 characters. */
  public static final int MAX_LENGTH = StreamIds.MAX_ID_LENGTH;

  public static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9._:-]{0," + (MAX_LENGTH - 1) + "}";

  /** What a client is told when an id breaks {@link #PATTERN}. */
  public static final String RULE = "must be 1-" + MAX_LENGTH + " of A-Z a-z 0-9 . _ : -";

  private Ids() {}

  public static boolean valid(String id) {
    return id != null && id.matches(PATTERN);
  }
}
