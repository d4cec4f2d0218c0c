package dev.agentos.client.command;

/** How a suggestion's code is to be applied. */
public enum SuggestionFormat {
  UNIFIED_DIFF,
  FULL_FILE,
  SNIPPET
}
