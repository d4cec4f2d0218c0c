package dev.agentos.client.command;

/** What kind of knowledge a memory holds. */
public enum MemoryType {
  FACT,
  DECISION,
  PREFERENCE,
  ERROR_FIX,
  CODE_PATTERN,
  CONVERSATION,
  OTHER
}
