package dev.agentos.projections.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentos.readmodels.history.HistoryRow;
import dev.agentos.readmodels.history.MemoryHistoryFold;
import dev.agentos.readmodels.history.MemoryHistoryReader;
import dev.agentos.readmodels.history.MemoryRelation;
import dev.agentos.readmodels.history.MemoryStatus;
import dev.agentos.readmodels.history.MemoryVersion;
import dev.agentos.schemas.fixtures.MemoryEvents;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/** The history rows of a memory's events, written by {@link HistoryRows}, folded into versions. */
class MemoryHistoryFoldTest {

  private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

  private final MemoryEvents events = new MemoryEvents("t1", "m1");

  static List<HistoryRow> stream(SpecificRecord... payloads) {
    List<HistoryRow> stream = new ArrayList<>();
    for (int i = 0; i < payloads.length; i++) {
      stream.add(HistoryRows.of(payloads[i], i));
    }
    return stream;
  }

  private List<MemoryVersion> fullLife() {
    return MemoryHistoryFold.versions(
        stream(
            events.stored(T0, "first"),
            events.updated(T0.plusSeconds(1), "second"),
            events.related(T0.plusSeconds(2), "r1", "m2"),
            events.related(T0.plusSeconds(3), "r2", "m3"),
            events.unrelated(T0.plusSeconds(4), "r1", "m2"),
            events.superseded(T0.plusSeconds(5), "m9"),
            events.deleted(T0.plusSeconds(6))));
  }

  @Test
  void eachEventMakesAVersionWithItsOwnIdentityAndActor() {
    List<MemoryVersion> versions = fullLife();

    assertThat(versions)
        .extracting(MemoryVersion::eventType)
        .containsExactly(
            "MemoryStored",
            "MemoryUpdated",
            "MemoryRelationAdded",
            "MemoryRelationAdded",
            "MemoryRelationRemoved",
            "MemorySuperseded",
            "MemoryDeleted");
    assertThat(versions)
        .extracting(MemoryVersion::version)
        .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L);
    assertThat(versions).extracting(MemoryVersion::eventId).doesNotHaveDuplicates();
    assertThat(versions.get(1).agentId()).isEqualTo("editor");
    assertThat(versions.get(1).sessionId()).isEqualTo("s2");
    assertThat(versions.get(1).occurredAt()).isEqualTo(T0.plusSeconds(1));
    assertThat(versions).allSatisfy(v -> assertThat(v.createdBy()).isEqualTo("writer"));
  }

  @Test
  void anUpdateReplacesTheContentAndLaterEventsKeepIt() {
    List<MemoryVersion> versions = fullLife();

    MemoryVersion first = versions.get(0);
    assertThat(first.content()).isEqualTo("first");
    assertThat(first.type()).isEqualTo("FACT");
    assertThat(first.tags()).containsExactly("java");
    assertThat(first.confidence()).isEqualTo(0.5f);
    assertThat(first.contextId()).isEqualTo("c1");
    assertThat(first.tenantId()).isEqualTo("t1");
    for (MemoryVersion later : versions.subList(1, versions.size())) {
      assertThat(later.content()).isEqualTo("second");
      assertThat(later.type()).isEqualTo("DECISION");
      assertThat(later.tags()).containsExactlyInAnyOrder("java", "db");
      assertThat(later.metadata()).containsEntry("file", "B.java");
      assertThat(later.confidence()).isEqualTo(0.9f);
      assertThat(later.contextId()).isEqualTo("c1");
    }
  }

  @Test
  void relationsAppearAndDisappearAsTheyHappen() {
    List<MemoryVersion> versions = fullLife();

    assertThat(versions.get(1).relations()).isEmpty();
    assertThat(versions.get(2).relations())
        .extracting(MemoryRelation::toMemoryId)
        .containsExactly("m2");
    assertThat(versions.get(3).relations())
        .extracting(MemoryRelation::relationId)
        .containsExactly("r1", "r2");
    assertThat(versions.get(4).relations())
        .containsExactly(new MemoryRelation("r2", "m3", "SUPPORTS", 0.7f));
  }

  @Test
  void statusGoesFromActiveToSupersededToDeletedKeepingWhatReplacedIt() {
    List<MemoryVersion> versions = fullLife();

    assertThat(versions)
        .extracting(MemoryVersion::status)
        .containsExactly(
            MemoryStatus.ACTIVE,
            MemoryStatus.ACTIVE,
            MemoryStatus.ACTIVE,
            MemoryStatus.ACTIVE,
            MemoryStatus.ACTIVE,
            MemoryStatus.SUPERSEDED,
            MemoryStatus.DELETED);
    assertThat(versions.get(4).supersededBy()).isNull();
    assertThat(versions.get(5).supersededBy()).isEqualTo("m9");
    assertThat(versions.get(6).supersededBy()).isEqualTo("m9");
  }

  @Test
  void asOfIsTheLatestVersionAtOrBeforeTheInstant() {
    List<MemoryVersion> versions = fullLife();

    assertThat(MemoryHistoryReader.latestAtOrBefore(versions, T0.minusMillis(1))).isEmpty();
    assertThat(MemoryHistoryReader.latestAtOrBefore(versions, T0).orElseThrow().version()).isZero();
    assertThat(
            MemoryHistoryReader.latestAtOrBefore(versions, T0.plusMillis(999))
                .orElseThrow()
                .version())
        .isZero();
    assertThat(
            MemoryHistoryReader.latestAtOrBefore(versions, T0.plusSeconds(1))
                .orElseThrow()
                .version())
        .isEqualTo(1);
    assertThat(
            MemoryHistoryReader.latestAtOrBefore(versions, T0.plusSeconds(99))
                .orElseThrow()
                .status())
        .isEqualTo(MemoryStatus.DELETED);
  }

  @Test
  void aStreamThatDoesNotStartWithMemoryStoredIsRefusedByName() {
    assertThatThrownBy(() -> MemoryHistoryFold.versions(stream(events.updated(T0, "x"))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no MemoryStored before MemoryUpdated")
        .hasMessageContaining("sequence 0");
    assertThatThrownBy(
            () ->
                MemoryHistoryFold.versions(stream(events.stored(T0, "a"), events.stored(T0, "b"))))
        .hasMessageContaining("a second MemoryStored at sequence 1");
  }
}
