package dev.agentos.flink.patterns.success;

import dev.agentos.events.derived.PatternKind;
import dev.agentos.flink.patterns.PatternIds;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The signatures a labelled suggestion counts under, each a pattern of its own:
 *
 * <ul>
 *   <li>{@code kind:<FORMAT>:<target>}: how the code is expressed ({@code UNIFIED_DIFF}, {@code
 *       FULL_FILE}, {@code SNIPPET}) and what it changes: {@code test-file} (a path in a test
 *       folder or named like a test), {@code file} (any other path) or {@code no-file};
 *   <li>{@code language:<language>}, e.g. {@code language:python};
 *   <li>{@code tools:<sequence>}: the last tools its session called before it (see {@link
 *       ToolSequences}), {@code tools:(none)} when it called none; no such signature outside a
 *       session.
 * </ul>
 */
final class SuccessSignatures {

  static final String NO_TOOLS = "(none)";

  private static final Pattern TEST_FOLDER =
      Pattern.compile("(^|/)(tests?|__tests__|specs?|testing)/");
  private static final Pattern TEST_FILE =
      Pattern.compile(
          "(^|/)(test_[^/]*|[^/]*_test\\.[^/]+|[^/]*Tests?\\.[^/]+|[^/]*\\.(test|spec)\\.[^/]+)$");

  private SuccessSignatures() {}

  /** The tries of {@code proposal}, labelled {@code passed} at {@code labelledAt}. */
  static List<SignatureTry> of(
      SuccessInput proposal, boolean passed, long labelledAt, SuccessInput completedBy) {
    List<String> signatures = new ArrayList<>();
    signatures.add("kind:" + proposal.format() + ":" + target(proposal.filePath()));
    signatures.add("language:" + proposal.language());
    if (proposal.toolSequence() != null) {
      String tools = proposal.toolSequence().isEmpty() ? NO_TOOLS : proposal.toolSequence();
      signatures.add("tools:" + tools);
    }
    String excerpt =
        proposal.suggestionId()
            + (proposal.filePath() == null ? "" : " " + proposal.filePath())
            + (passed ? ": verification passed" : ": verification failed");
    return signatures.stream()
        .map(
            signature ->
                new SignatureTry(
                    PatternIds.patternId(
                        PatternKind.SUCCESS, proposal.tenantId(), proposal.projectId(), signature),
                    proposal.tenantId(),
                    proposal.projectId(),
                    proposal.agentId(),
                    proposal.sessionId(),
                    signature,
                    proposal.language(),
                    proposal.suggestionId(),
                    proposal.eventId(),
                    excerpt,
                    passed,
                    labelledAt,
                    completedBy.position()))
        .toList();
  }

  static String target(String filePath) {
    if (filePath == null || filePath.isBlank()) {
      return "no-file";
    }
    String path = filePath.strip().replace('\\', '/');
    boolean test =
        TEST_FOLDER.matcher(path.toLowerCase(Locale.ROOT)).find() || TEST_FILE.matcher(path).find();
    return test ? "test-file" : "file";
  }
}
