package dev.agentos.projections.patterns;

import static dev.agentos.projections.it.ProjectionStage.PROJECTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.agentos.deploy.local.StackEndpoints;
import dev.agentos.deploy.local.junit.LocalStackExtension;
import dev.agentos.events.derived.PatternDetected;
import dev.agentos.events.derived.PatternKind;
import dev.agentos.events.derived.PatternStatus;
import dev.agentos.projections.it.ProjectionStage;
import dev.agentos.projections.it.TransactionalPublisher;
import dev.agentos.readmodels.memory.Page;
import dev.agentos.readmodels.patterns.Pattern;
import dev.agentos.readmodels.patterns.PatternFilter;
import dev.agentos.readmodels.patterns.PatternReader;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The {@code patterns-cassandra} projection on the real stack, alone, reading a topic of this run
 * into a keyspace of this run, published as Flink publishes it: in Kafka transactions, in the
 * registry's wire format, keyed by pattern id. Snapshots become rows the reader answers; a
 * redelivered snapshot and an older one arriving late change nothing; a snapshot of an aborted
 * transaction is never read; a replay rebuilds the same rows.
 *
 * <p>The topic has one partition and the processor one segment, so the records are applied in the
 * order sent: once a later pattern shows, every record before it has been applied.
 */
@ExtendWith(LocalStackExtension.class)
class PatternsProjectionIT {

  private static final Instant T0 = Instant.parse("2026-12-07T10:00:00.123Z");

  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final PatternSnapshots pattern =
      new PatternSnapshots("tenant-" + run, "p1", "pattern-" + run);

  /** Another project's pattern under the same id: ids are unique per project only. */
  private final PatternSnapshots twin =
      new PatternSnapshots(pattern.tenant, "p2", pattern.patternId);

  @Test
  void snapshotsBecomeTheLatestRowInAnyOrderOnceAndAReplayRebuildsThem(StackEndpoints stack)
      throws Exception {
    try (ProjectionStage stage = ProjectionStage.open(stack, PatternsProjection.GROUP, "patterns");
        TransactionalPublisher publisher = stage.publisher()) {
      PatternDetected first = pattern.error(T0, T0, 1, PatternStatus.NEW);
      PatternDetected second = pattern.error(T0, T0.plusSeconds(60), 3, PatternStatus.RECURRING);
      PatternDetected older = pattern.error(T0, T0.plusSeconds(30), 2, PatternStatus.RECURRING);
      publisher.committed(first, second, twin.error(T0, T0, 1, PatternStatus.NEW));

      try (ConfigurableApplicationContext app = stage.start();
          CqlSession session = stage.session()) {
        PatternReader reader = new PatternReader(session);
        await()
            .atMost(PROJECTED)
            .untilAsserted(
                () ->
                    assertThat(own(reader))
                        .hasValueSatisfying(p -> assertThat(p.occurrences()).isEqualTo(3)));
        Pattern latest = own(reader).orElseThrow();
        assertThat(latest.status()).isEqualTo(PatternStatus.RECURRING);
        assertThat(latest.lastSeenAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(latest.eventId()).isEqualTo(second.getHeader().getEventId());
        assertThat(latest.examples()).hasSize(2);
        assertThat(latest.topFrames()).hasSize(2);
        assertThat(reader.pattern(pattern.tenant, "p2", pattern.patternId))
            .hasValueSatisfying(p -> assertThat(p.status()).isEqualTo(PatternStatus.NEW));

        // An older snapshot late, the latest again (a redelivery), and a newer one that Flink's
        // transaction aborted; then a marker, which shows once all of them have been read.
        publisher.committed(older, second);
        publisher.aborted(pattern.error(T0, T0.plusSeconds(90), 99, PatternStatus.RISING));
        PatternSnapshots marker = new PatternSnapshots(pattern.tenant, "p1", "marker-" + run);
        publisher.committed(marker.error(T0, T0, 1, PatternStatus.NEW));
        await()
            .atMost(PROJECTED)
            .until(() -> reader.pattern(pattern.tenant, "p1", marker.patternId).isPresent());
        assertThat(own(reader)).contains(latest);
        assertThat(reader.list(pattern.tenant, "p1", PatternFilter.ANY, 10, null).items())
            .extracting(Pattern::patternId)
            .containsExactly(marker.patternId, pattern.patternId);
        listsFilterAndPageInIdOrder(reader, marker.patternId);

        stage.replayed(
            app, () -> reader.pattern(pattern.tenant, "p1", marker.patternId).isPresent());
        assertThat(own(reader)).contains(latest);
      }
    }
  }

  /** The list's filters are the table's storage-attached indexes, beside the cursor's slice. */
  private void listsFilterAndPageInIdOrder(PatternReader reader, String markerId) {
    Page<Pattern> first = reader.list(pattern.tenant, "p1", PatternFilter.ANY, 1, null);
    assertThat(first.items()).extracting(Pattern::patternId).containsExactly(markerId);
    Page<Pattern> second =
        reader.list(pattern.tenant, "p1", PatternFilter.ANY, 1, first.nextCursor());
    assertThat(second.items()).extracting(Pattern::patternId).containsExactly(pattern.patternId);
    assertThat(second.nextCursor()).isNull();

    PatternFilter recurringPythonErrors =
        new PatternFilter(PatternKind.ERROR, "python", T0.plusSeconds(60), PatternStatus.RECURRING);
    assertThat(reader.list(pattern.tenant, "p1", recurringPythonErrors, 5, null).items())
        .extracting(Pattern::patternId)
        .containsExactly(pattern.patternId);
    assertThat(
            reader.list(pattern.tenant, "p1", recurringPythonErrors, 5, first.nextCursor()).items())
        .extracting(Pattern::patternId)
        .containsExactly(pattern.patternId);
    PatternFilter later = new PatternFilter(null, null, T0.plusSeconds(61), null);
    assertThat(reader.list(pattern.tenant, "p1", later, 5, null).items()).isEmpty();
    PatternFilter successes = new PatternFilter(PatternKind.SUCCESS, null, null, null);
    assertThat(reader.list(pattern.tenant, "p1", successes, 5, null).items()).isEmpty();
  }

  private Optional<Pattern> own(PatternReader reader) {
    return reader.pattern(pattern.tenant, pattern.project, pattern.patternId);
  }
}
