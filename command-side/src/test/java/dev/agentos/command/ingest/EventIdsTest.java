package dev.agentos.command.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class EventIdsTest {

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", " ", "\t\n"})
  void missingOrBlankGetsAFreshCanonicalUuid(String clientValue) {
    String id = EventIds.acceptOrGenerate(clientValue);

    assertThat(UUID.fromString(id).toString()).isEqualTo(id);
  }

  @Test
  void generatedIdsDiffer() {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      ids.add(EventIds.acceptOrGenerate(null));
    }

    assertThat(ids).hasSize(1000);
  }

  @Test
  void clientUuidIsKeptSoRetriesReuseIt() {
    String sent = "0b6f3f1e-5a4c-4d3e-9f2a-7c1b2d3e4f50";

    assertThat(EventIds.acceptOrGenerate(sent)).isEqualTo(sent);
    assertThat(EventIds.acceptOrGenerate(sent)).isEqualTo(EventIds.acceptOrGenerate(sent));
  }

  @Test
  void clientUuidInAnyCaseBecomesCanonicalLowerCase() {
    assertThat(EventIds.acceptOrGenerate("0B6F3F1E-5A4C-4D3E-9F2A-7C1B2D3E4F50"))
        .isEqualTo("0b6f3f1e-5a4c-4d3e-9f2a-7c1b2d3e4f50");
    assertThat(EventIds.acceptOrGenerate("0b6F3f1E-5a4C-4d3E-9f2A-7c1B2d3E4f50"))
        .isEqualTo("0b6f3f1e-5a4c-4d3e-9f2a-7c1b2d3e4f50");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "not-a-uuid",
        "1-1-1-1-1", // UUID.fromString accepts this
        "0b6f3f1e5a4c4d3e9f2a7c1b2d3e4f50", // no dashes
        "{0b6f3f1e-5a4c-4d3e-9f2a-7c1b2d3e4f50}",
        " 0b6f3f1e-5a4c-4d3e-9f2a-7c1b2d3e4f50",
        "0b6f3f1e-5a4c-4d3e-9f2a-7c1b2d3e4f5g",
        "0b6f3f1e-5a4c-4d3e-9f2a-7c1b2d3e4f500"
      })
  void anythingElseIsRefusedNamingFieldAndValue(String clientValue) {
    InvalidEventIdException refused =
        catchThrowableOfType(
            InvalidEventIdException.class, () -> EventIds.acceptOrGenerate(clientValue));

    assertThat(refused).isInstanceOf(IllegalArgumentException.class);
    assertThat(refused.field()).isEqualTo("eventId");
    assertThat(refused.getMessage()).startsWith("eventId ").contains("\"" + clientValue + "\"");
  }

  @Test
  void longBadValueIsQuotedTruncatedTo64Characters() {
    String sent = "x".repeat(64) + "TAIL".repeat(1000);

    InvalidEventIdException refused =
        catchThrowableOfType(InvalidEventIdException.class, () -> EventIds.acceptOrGenerate(sent));

    assertThat(refused.getMessage())
        .contains("\"" + "x".repeat(64) + "...\"")
        .doesNotContain("TAIL")
        .hasSizeLessThan(200);
  }

  @Test
  void truncationDoesNotSplitASurrogatePair() {
    String sent = "x".repeat(63) + "\uD83D\uDE00" + "more";

    InvalidEventIdException refused =
        catchThrowableOfType(InvalidEventIdException.class, () -> EventIds.acceptOrGenerate(sent));

    assertThat(refused.getMessage()).contains("\"" + "x".repeat(63) + "...\"");
  }

  @Test
  void aRequiredIdThatIsMissingIsRefusedAsMissing() {
    InvalidEventIdException refused =
        catchThrowableOfType(InvalidEventIdException.class, () -> EventIds.canonical(null));

    assertThat(refused.getMessage())
        .isEqualTo("eventId is missing; it must be a UUID (8-4-4-4-12 hex digits)");
  }

  @Test
  void aRequiredIdIsNeverMadeUp() {
    assertThat(catchThrowableOfType(InvalidEventIdException.class, () -> EventIds.canonical("")))
        .isNotNull();
  }
}
