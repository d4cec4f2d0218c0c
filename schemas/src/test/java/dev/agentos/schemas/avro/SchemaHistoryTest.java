package dev.agentos.schemas.avro;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.events.executions.ExecutionRequested;
import org.apache.avro.SchemaNormalization;
import org.junit.jupiter.api.Test;

class SchemaHistoryTest {

  @Test
  void holdsEveryReleasedVersionOfAnEventBesideTheCurrentOne() {
    var fingerprints =
        SchemaHistory.everyVersion().stream()
            .map(SchemaNormalization::parsingFingerprint64)
            .toList();

    assertThat(SchemaHistory.releasedVersions(ExecutionRequested.class.getName()))
        .hasSizeGreaterThanOrEqualTo(2)
        .allSatisfy(
            version ->
                assertThat(fingerprints)
                    .contains(SchemaNormalization.parsingFingerprint64(version)));
    assertThat(fingerprints)
        .contains(SchemaNormalization.parsingFingerprint64(ExecutionRequested.getClassSchema()))
        .doesNotHaveDuplicates();
  }
}
