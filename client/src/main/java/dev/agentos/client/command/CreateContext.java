package dev.agentos.client.command;

import java.util.List;

/**
 * {@code POST /v1/contexts} (MEMORY_WRITE): a context in the caller's project; its name is unique
 * among the project's open contexts.
 *
 * @param contextId null: the command side chooses one
 */
public record CreateContext(
    String contextId, String name, String description, String parentContextId, List<String> tags) {

  public static CreateContext of(String contextId, String name) {
    return new CreateContext(contextId, name, null, null, null);
  }
}
