package dev.agentos.command;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentos.command.execution.ExecutionRules;
import dev.agentos.command.memory.api.MemoryContent;
import dev.agentos.events.memory.MemoryType;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bounds refuse the first value over them, naming where it is. */
class FieldLimitsTest {

  private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

  @Test
  void aMemoryMetadataValueOverItsBoundIsRefusedNamingTheEntry() {
    MemoryContent content =
        memory(List.of(), Map.of("notes", "x".repeat(FieldLimits.MAP_VALUE + 1)), null);

    assertThatThrownBy(() -> content.validate(NOW))
        .isInstanceOfSatisfying(
            InvalidCommandException.class,
            e ->
                org.assertj.core.api.Assertions.assertThat(e.field())
                    .isEqualTo("metadata[\"notes\"]"))
        .hasMessageContaining("must be at most 4096 characters, was 4097");
    assertThatCode(() -> memory(List.of(), Map.of("notes", "x".repeat(4_096)), null).validate(NOW))
        .doesNotThrowAnyException();
  }

  @Test
  void aMemoryWithTooManyMetadataEntriesOrTooLongAKeyIsRefused() {
    Map<String, String> many = new HashMap<>();
    for (int i = 0; i <= FieldLimits.MAP_ENTRIES; i++) {
      many.put("k" + i, "v");
    }
    assertThatThrownBy(() -> memory(List.of(), many, null).validate(NOW))
        .hasMessage("metadata: must hold at most 100 entries, held 101");
    assertThatThrownBy(() -> memory(List.of(), Map.of("k".repeat(129), "v"), null).validate(NOW))
        .hasMessage("metadata: keys must be at most 128 characters, one was 129");
  }

  @Test
  void aMemoryTagOverItsBoundIsRefused() {
    assertThatThrownBy(() -> memory(List.of("ok", "t".repeat(101)), Map.of(), null).validate(NOW))
        .hasMessage("tags[1]: must be at most 100 characters, was 101");
  }

  @Test
  void anExpiryMoreThanAHundredYearsAheadIsRefused() {
    assertThatThrownBy(
            () -> memory(List.of(), Map.of(), Instant.parse("2200-01-01T00:00:00Z")).validate(NOW))
        .hasMessageStartingWith("expiresAt: must be at most 100 years from now");
    assertThatCode(
            () -> memory(List.of(), Map.of(), Instant.parse("2120-01-01T00:00:00Z")).validate(NOW))
        .doesNotThrowAnyException();
  }

  @Test
  void filesOverTheirTotalAreRefusedThoughEachIsWithinItsOwnBound() {
    Map<String, String> files = new HashMap<>();
    for (int i = 0; i < 3; i++) {
      files.put("f" + i + ".py", "x".repeat(FieldLimits.SOURCE_TEXT));
    }
    assertThatThrownBy(() -> ExecutionRules.files("files", files))
        .hasMessage(
            "files: paths and contents together must be at most 500000 characters, were 600015");
  }

  @Test
  void aFileOverItsOwnBoundIsRefusedNamingIt() {
    assertThatThrownBy(() -> ExecutionRules.files("files", Map.of("a.py", "x".repeat(200_001))))
        .hasMessage("files[\"a.py\"]: must be at most 200000 characters, was 200001");
    assertThatThrownBy(() -> ExecutionRules.files("files", Map.of("p".repeat(1_025), "x")))
        .hasMessage("files: keys must be at most 1024 characters, one was 1025");
  }

  @Test
  void codeAndEnvironmentOverTheirBoundsAreRefused() {
    assertThatThrownBy(() -> ExecutionRules.source("x".repeat(200_001), Map.of(), Map.of()))
        .hasMessage("code: must be at most 200000 characters, was 200001");
    assertThatThrownBy(
            () -> ExecutionRules.source("print(1)", Map.of(), Map.of("A", "v".repeat(4_097))))
        .hasMessage("environment[\"A\"]: must be at most 4096 characters, was 4097");
  }

  private static MemoryContent memory(
      List<String> tags, Map<String, String> metadata, Instant expiresAt) {
    return new MemoryContent("Use UTC", MemoryType.DECISION, tags, metadata, 1f, null, expiresAt);
  }
}
