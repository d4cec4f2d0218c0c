package dev.agentos.client.query;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How a search matches: by words, by meaning, or both fused (the default). */
public enum SearchMode {
  KEYWORD,
  SEMANTIC,
  HYBRID;

  @JsonValue
  public String json() {
    return name().toLowerCase(Locale.ROOT);
  }
}
