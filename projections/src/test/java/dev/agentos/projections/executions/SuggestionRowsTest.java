package dev.agentos.projections.executions;

import static dev.agentos.projections.executions.ExecutionRowsTest.distinct;
import static dev.agentos.projections.executions.ExecutionRowsTest.permutations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.agentos.events.executions.VerificationCompleted;
import dev.agentos.events.interactions.SuggestionFormat;
import dev.agentos.events.interactions.SuggestionOutcome;
import dev.agentos.readmodels.suggestions.Suggestion;
import dev.agentos.readmodels.suggestions.SuggestionRecord;
import dev.agentos.readmodels.suggestions.Verification;
import dev.agentos.readmodels.suggestions.VerificationStatus;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A suggestion's partition from its proposal, its outcome and its verifications, which come from
 * two topics in any order: the same whatever the order and however often, each verification's
 * status its result once there, its test names bounded.
 */
class SuggestionRowsTest {

  private static final Instant T0 = Instant.parse("2026-12-08T01:00:00Z");
  private static final ExecutionWrite.Key S1 = new ExecutionWrite.Key("t1", "p1", "s1");

  private final ExecutionEvents events = new ExecutionEvents("t1", "p1");

  @Test
  void aFailedAndAPassedVerificationReadTheSameInEveryOrder() {
    VerificationCompleted failed =
        events.verificationCompleted(
            "v1", "s1", "e-v1", List.of("test_sub"), List.of("test_add"), T0.plusSeconds(20));
    List<ExecutionWrite> writes =
        List.of(
            ExecutionRows.of(events.proposed("s1", T0)),
            ExecutionRows.of(events.outcome("s1", SuggestionOutcome.ACCEPTED, T0.plusSeconds(50))),
            ExecutionRows.of(events.verificationRequested("v1", "s1", "e-v1", T0.plusSeconds(10))),
            ExecutionRows.of(failed),
            ExecutionRows.of(events.verificationRequested("v2", "s1", "e-v2", T0.plusSeconds(30))),
            ExecutionRows.of(
                events.verificationCompleted(
                    "v2",
                    "s1",
                    "e-v2",
                    List.of("test_add", "test_sub"),
                    List.of(),
                    T0.plusSeconds(40))),
            ExecutionRows.of(failed));

    Set<Suggestion> answers =
        distinct(
            permutations(writes),
            order -> {
              PartsInMemory table = new PartsInMemory();
              order.forEach(table::write);
              return table.suggestion(S1).orElseThrow().toSuggestion();
            });

    assertThat(answers).hasSize(1);
    Suggestion s = answers.iterator().next();
    assertThat(s.language()).isEqualTo("python");
    assertThat(s.filePath()).isEqualTo("src/calc.py");
    assertThat(s.format()).isEqualTo(SuggestionFormat.FULL_FILE);
    assertThat(s.rationale()).isEqualTo("add was subtracting");
    assertThat(s.codeTruncated()).isFalse();
    assertThat(s.proposedAt()).isEqualTo(T0);
    assertThat(s.outcome().outcome()).isEqualTo(SuggestionOutcome.ACCEPTED);
    assertThat(s.verifications())
        .extracting(
            Verification::verificationId,
            Verification::status,
            Verification::executionId,
            Verification::passedTestNames,
            Verification::failedTestNames)
        .containsExactly(
            tuple(
                "v1", VerificationStatus.FAILED, "e-v1", List.of("test_sub"), List.of("test_add")),
            tuple(
                "v2",
                VerificationStatus.PASSED,
                "e-v2",
                List.of("test_add", "test_sub"),
                List.of()));
    assertThat(s.verifications().get(0).testCommand()).isEqualTo("pytest -q");
    assertThat(s.verifications().get(0).failed()).isEqualTo(1);
  }

  @Test
  void aVerificationIsRequestedUntilItsResultAndItsResultAloneIsAVerdict() {
    PartsInMemory table = new PartsInMemory();
    table.write(ExecutionRows.of(events.verificationRequested("v1", "s1", "e1", T0)));
    assertThat(verification(table).status()).isEqualTo(VerificationStatus.REQUESTED);
    assertThat(verification(table).passedTestNames()).isNull();

    PartsInMemory resultFirst = new PartsInMemory();
    resultFirst.write(
        ExecutionRows.of(
            events.verificationCompleted("v1", "s1", "e1", List.of("a"), List.of(), T0)));
    Verification v = verification(resultFirst);
    assertThat(v.status()).isEqualTo(VerificationStatus.PASSED);
    assertThat(v.executionId()).as("the result's, until the request is projected").isEqualTo("e1");
    assertThat(v.testCommand()).isNull();
    SuggestionRecord record = resultFirst.suggestion(S1).orElseThrow();
    assertThat(record.toSuggestion().language()).as("no proposal yet").isNull();
  }

  @Test
  void testNamesBeyondTheBoundAreCutAndFlaggedTheirCountsKept() {
    List<String> many = IntStream.range(0, Bounds.TEST_NAMES + 5).mapToObj(i -> "t" + i).toList();
    VerificationCompleted huge =
        events.verificationCompleted("v1", "s1", "e1", List.of(), many, T0);

    SuggestionRecord.VerificationDone part =
        ((ExecutionWrite.VerificationDone) ExecutionRows.of(huge)).part();

    assertThat(part.failedTestNames()).hasSize(Bounds.TEST_NAMES);
    assertThat(part.testNamesTruncated()).isTrue();
    assertThat(part.failed()).isEqualTo(Bounds.TEST_NAMES + 5);
  }

  @Test
  void codeLongerThanTheBoundIsCutAndFlagged() {
    var proposal = events.proposed("s1", T0);
    proposal.setCode("c".repeat(Bounds.CODE + 1));

    SuggestionRecord.Proposed part = ((ExecutionWrite.Proposed) ExecutionRows.of(proposal)).part();

    assertThat(part.code()).hasSize(Bounds.CODE);
    assertThat(part.codeTruncated()).isTrue();
  }

  private static Verification verification(PartsInMemory table) {
    return table.suggestion(S1).orElseThrow().toSuggestion().verifications().get(0);
  }
}
