package dev.agentos.readmodels.patterns;

import dev.agentos.events.derived.PatternKind;
import dev.agentos.events.derived.PatternStatus;
import java.time.Instant;

/**
 * What a patterns list keeps of a project's patterns; each part null for "any".
 *
 * @param since keeps the patterns last seen at or after it
 */
public record PatternFilter(
    PatternKind kind, String language, Instant since, PatternStatus status) {

  public static final PatternFilter ANY = new PatternFilter(null, null, null, null);

  public PatternFilter {
    // "" would not mean "any" to the index but "the language named ''": no such rows.
    language = language == null || language.isBlank() ? null : language.strip();
  }
}
