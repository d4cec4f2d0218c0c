package dev.agentos.projections.patterns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import dev.agentos.events.derived.PatternStatus;
import dev.agentos.projections.source.Refusal;
import dev.agentos.readmodels.patterns.Pattern;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The patterns writer's rules without a server: a redelivered snapshot changes nothing, an older
 * snapshot written after a newer one does not replace it (in one batch or across batches), and
 * refusals are told from outages.
 */
class PatternWriterTest {

  private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

  /**
   * The table as Cassandra keeps it: per pattern, the write of the greatest timestamp. (Equal
   * timestamps keep the greater value cell by cell; the writes compared here never tie.)
   */
  private static final class Table implements PatternTable {
    final Map<String, PatternWrite> rows = new HashMap<>();
    final List<PatternWrite> sent = new ArrayList<>();

    @Override
    public void write(List<PatternWrite> writes) {
      for (PatternWrite write : writes) {
        if (write.pattern().signature().equals("refused")) {
          throw new InvalidQueryException(null, "value too large for signature");
        }
      }
      for (PatternWrite write : writes) {
        sent.add(write);
        rows.merge(
            write.pattern().patternId(),
            write,
            (kept, next) -> next.writeTime() >= kept.writeTime() ? next : kept);
      }
    }

    Pattern row(String patternId) {
      return rows.get(patternId).pattern();
    }
  }

  private final Table table = new Table();
  private final PatternWriter writer = new PatternWriter(table);
  private final PatternSnapshots one = new PatternSnapshots("t1", "p1", "pat-1");
  private final PatternSnapshots two = new PatternSnapshots("t1", "p1", "pat-2");

  private PatternWrite snapshot(PatternSnapshots of, int seconds, long occurrences) {
    PatternStatus status = occurrences == 1 ? PatternStatus.NEW : PatternStatus.RECURRING;
    return PatternWrite.of(of.error(T0, T0.plusSeconds(seconds), occurrences, status));
  }

  @Test
  void aRedeliveredSnapshotChangesNothing() {
    PatternWrite first = snapshot(one, 0, 1);
    PatternWrite second = snapshot(one, 10, 2);
    writer.write(List.of(first));
    writer.write(List.of(second));
    Pattern latest = table.row("pat-1");

    writer.write(List.of(second));
    writer.write(List.of(first, second));

    assertThat(table.row("pat-1")).isEqualTo(latest);
    assertThat(latest.occurrences()).isEqualTo(2);
    assertThat(latest.status()).isEqualTo(PatternStatus.RECURRING);
  }

  @Test
  void anOlderSnapshotArrivingAfterANewerOneDoesNotReplaceIt() {
    PatternWrite newer = snapshot(one, 60, 5);
    writer.write(List.of(newer));

    writer.write(List.of(snapshot(one, 30, 3)));
    writer.write(List.of(snapshot(one, 60, 4)));

    assertThat(table.row("pat-1")).isEqualTo(newer.pattern());
  }

  @Test
  void ofABatchsSnapshotsOfOnePatternOnlyTheLatestIsSent() {
    PatternWrite latestOfOne = snapshot(one, 20, 3);
    PatternWrite onlyOfTwo = snapshot(two, 5, 1);

    writer.write(List.of(snapshot(one, 10, 2), latestOfOne, onlyOfTwo, snapshot(one, 0, 1)));

    assertThat(table.sent).containsExactlyInAnyOrder(latestOfOne, onlyOfTwo);
    assertThat(table.row("pat-1")).isEqualTo(latestOfOne.pattern());
  }

  @Test
  void aSnapshotTheTableRefusesIsAnsweredAloneAndTheOthersAreWritten() {
    PatternWrite good = snapshot(two, 5, 1);
    PatternWrite bad = withSignature(snapshot(one, 5, 1), "refused");

    List<Refusal<PatternWrite>> refused = writer.write(List.of(good, bad));

    assertThat(refused).extracting(Refusal::item).containsExactly(bad);
    assertThat(refused.get(0).reason()).contains("pattern pat-1", "value too large");
    assertThat(table.rows).containsOnlyKeys("pat-2");
  }

  @Test
  void aFailureThatMayPassIsThrownForTheBatchToBeRetried() {
    PatternWriter failing =
        new PatternWriter(
            writes -> {
              throw new DriverTimeoutException("timed out");
            });

    assertThatThrownBy(() -> failing.write(List.of(snapshot(one, 0, 1))))
        .isInstanceOf(DriverTimeoutException.class);
  }

  private static PatternWrite withSignature(PatternWrite write, String signature) {
    Pattern p = write.pattern();
    return new PatternWrite(
        new Pattern(
            p.patternId(),
            p.tenantId(),
            p.projectId(),
            p.kind(),
            p.status(),
            signature,
            p.language(),
            p.errorType(),
            p.topFrames(),
            p.examples(),
            p.occurrences(),
            p.recentOccurrences(),
            p.firstSeenAt(),
            p.lastSeenAt(),
            p.agentsAffected(),
            p.sessionsAffected(),
            p.support(),
            p.successRate(),
            p.eventId(),
            p.detectedAt()),
        write.writeTime());
  }
}
