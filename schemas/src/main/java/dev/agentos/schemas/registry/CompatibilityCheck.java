package dev.agentos.schemas.registry;

import java.util.List;

/** The registry's answer to "may this schema come next?", with its reasons when not. */
public record CompatibilityCheck(boolean compatible, List<String> messages) {

  public CompatibilityCheck {
    messages = List.copyOf(messages);
  }
}
