package dev.agentos.projections.patterns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentos.events.derived.PatternDetected;
import dev.agentos.events.derived.PatternKind;
import dev.agentos.events.derived.PatternStatus;
import dev.agentos.readmodels.patterns.Pattern;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A snapshot's row and its write timestamp, which orders snapshots by (lastSeenAt, occurrences).
 */
class PatternWriteTest {

  private static final Instant T0 = Instant.parse("2026-12-07T10:00:00.123Z");

  private final PatternSnapshots snapshots = new PatternSnapshots("t1", "p1", "pat-1");

  private long time(Instant lastSeenAt, long occurrences) {
    return PatternWrite.of(snapshots.error(T0, lastSeenAt, occurrences, PatternStatus.RECURRING))
        .writeTime();
  }

  @Test
  void theRowHoldsEveryFieldOfTheSnapshotAndItsHeadersOwner() {
    PatternDetected event = snapshots.error(T0, T0.plusSeconds(60), 12, PatternStatus.RISING);

    Pattern row = PatternWrite.of(event).pattern();

    assertThat(row.tenantId()).isEqualTo("t1");
    assertThat(row.projectId()).isEqualTo("p1");
    assertThat(row.patternId()).isEqualTo("pat-1");
    assertThat(row.kind()).isEqualTo(PatternKind.ERROR);
    assertThat(row.status()).isEqualTo(PatternStatus.RISING);
    assertThat(row.language()).isEqualTo("python");
    assertThat(row.errorType()).isEqualTo("ModuleNotFoundError");
    assertThat(row.topFrames())
        .containsExactly("importlib._bootstrap._gcd_import", "main.<module>");
    assertThat(row.examples())
        .containsExactly(
            new Pattern.Example("e-12", "No module named 'numpy'"),
            new Pattern.Example("e-first", "No module named 'pandas'"));
    assertThat(row.occurrences()).isEqualTo(12);
    assertThat(row.recentOccurrences()).isEqualTo(4);
    assertThat(row.agentsAffected()).isEqualTo(3);
    assertThat(row.sessionsAffected()).isEqualTo(7);
    assertThat(row.firstSeenAt()).isEqualTo(T0);
    assertThat(row.lastSeenAt()).isEqualTo(T0.plusSeconds(60));
    assertThat(row.support()).isZero();
    assertThat(row.successRate()).isNull();
    assertThat(row.eventId()).isEqualTo(event.getHeader().getEventId());
    assertThat(row.detectedAt()).isEqualTo(event.getHeader().getOccurredAt());
  }

  @Test
  void aLaterLastSeenAtIsALaterWriteWhateverTheCounts() {
    assertThat(time(T0.plusMillis(1), 1)).isGreaterThan(time(T0, 999_999));
    assertThat(time(T0.plusSeconds(3600), 5)).isGreaterThan(time(T0, 4_000_000));
  }

  @Test
  void ofTwoSnapshotsLastSeenInOneMillisecondTheOneWithMoreOccurrencesIsLater() {
    assertThat(time(T0, 8)).isGreaterThan(time(T0, 7));
    assertThat(time(T0, 999_999)).isGreaterThan(time(T0, 999_998));
  }

  @Test
  void aRedeliveredSnapshotHasTheSameTimestamp() {
    PatternDetected event = snapshots.error(T0, T0.plusSeconds(1), 3, PatternStatus.NEW);

    assertThat(PatternWrite.of(event)).isEqualTo(PatternWrite.of(event));
    assertThat(PatternWrite.of(event).writeTime()).isEqualTo(time(T0.plusSeconds(1), 3));
  }

  @Test
  void countsOfAMillionOrMoreInOneMillisecondTieButNeverInvert() {
    assertThat(time(T0, 1_000_001)).isEqualTo(time(T0, 999_999));
    assertThat(time(T0, 5_000_000)).isGreaterThan(time(T0, 999_998));
  }

  @Test
  void aSnapshotNoTimestampCanOrderIsRefusedNamingItsPattern() {
    for (PatternDetected unorderable :
        List.of(
            snapshots.error(T0, Instant.parse("1969-12-31T23:59:59Z"), 1, PatternStatus.NEW),
            snapshots.error(T0, Instant.parse("2263-01-01T00:00:00Z"), 1, PatternStatus.NEW),
            snapshots.error(T0, T0, -1, PatternStatus.NEW))) {
      assertThatThrownBy(() -> PatternWrite.of(unorderable))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("pattern pat-1");
    }
  }

  @Test
  void ofTwoSuccessSnapshotsOfOneMillisecondTheOneOfMoreTriesIsNewer() {
    PatternDetected fewer = snapshots.error(T0, T0.plusSeconds(1), 4, PatternStatus.RECURRING);
    fewer.setKind(PatternKind.SUCCESS);
    fewer.setSupport(5);
    PatternDetected withALateFailure =
        snapshots.error(T0, T0.plusSeconds(1), 4, PatternStatus.RECURRING);
    withALateFailure.setKind(PatternKind.SUCCESS);
    withALateFailure.setSupport(6);

    assertThat(PatternWrite.of(withALateFailure).writeTime())
        .isGreaterThan(PatternWrite.of(fewer).writeTime());
  }
}
