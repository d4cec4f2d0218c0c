package dev.agentos.flink.features;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.regex.Pattern;

/**
 * What an agent's action runs, reduced to what the features compare: a hash that is equal for
 * identical commands (so repeats can be counted without keeping the text) and whether it runs
 * tests.
 */
public final class ActivityCommands {

  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  /**
   * A test runner named as a word, or a build tool whose command goes on to a {@code test}/{@code
   * verify} goal within the same shell command (not past {@code ;}, {@code &} or {@code |}). A
   * heuristic over the command text: it sees {@code pytest -q}, {@code python -m unittest}, {@code
   * ./mvnw -q verify}, {@code npm run test}, {@code go test ./...}, but not {@code cat tests/a.py}.
   */
  private static final Pattern TEST_RUN =
      Pattern.compile(
          "(?i)\\b(pytest|py\\.test|unittest|nose2|tox|nox|jest|vitest|mocha|karma|phpunit|rspec"
              + "|ctest)\\b"
              + "|\\b(mvnw?|gradlew?|npm|yarn|pnpm|bun|deno|go|cargo|dotnet|make|sbt|mix|swift)\\b"
              + "[^;&|\\n]*?\\b(test|tests|verify)\\b");

  private ActivityCommands() {}

  /**
   * A stable 64-bit hash of {@code parts} with runs of whitespace collapsed and the ends trimmed,
   * so re-running the same command with different spacing is still a repeat. The first 8 bytes of
   * SHA-256, not {@code String.hashCode}: 32 bits collide too often among a day of commands.
   */
  public static long hash(String... parts) {
    MessageDigest sha = sha256();
    for (String part : parts) {
      sha.update(normalised(part).getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0); // separates the parts: ("ab", "c") differs from ("a", "bc")
    }
    return ByteBuffer.wrap(sha.digest()).getLong();
  }

  /** Whether {@code text} (a command line, code, or a tool's arguments) runs tests. */
  public static boolean runsTests(String text) {
    return text != null && TEST_RUN.matcher(text).find();
  }

  static String normalised(String text) {
    return text == null ? "" : WHITESPACE.matcher(text.strip()).replaceAll(" ");
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
