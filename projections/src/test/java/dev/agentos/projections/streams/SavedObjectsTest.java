package dev.agentos.projections.streams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentos.projections.streams.SavedObjectFields.Need;
import dev.agentos.projections.streams.SavedObjectFields.Use;
import dev.agentos.readmodels.streams.EventStreams;
import dev.agentos.readmodels.streams.StreamTemplates;
import dev.agentos.schemas.topics.Topic;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The shipped saved objects against the generated mappings, without a server: quick feedback before
 * KibanaSavedObjectsIT checks the same against the real Elasticsearch.
 */
class SavedObjectsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final SavedObjectFields saved = SavedObjectFields.shipped();

  /** Generated mappings of the streams a data view title names ({@code *} as a wildcard). */
  static List<Map<String, String>> generated(String title) {
    EventStreams names = new EventStreams("");
    List<Map<String, String>> matched = new ArrayList<>();
    for (Topic<String, ?> topic : EventStreams.topics()) {
      String alias = names.alias(EventStreams.streamOf(topic));
      boolean matches =
          title.endsWith("*") ? alias.startsWith(title.replace("*", "")) : alias.equals(title);
      if (matches) {
        matched.add(MappedFields.of(JSON.valueToTree(StreamTemplates.mappings(topic))));
      }
    }
    return matched;
  }

  @Test
  void everyFieldTheSavedObjectsUseIsInTheGeneratedMappings() {
    List<Use> uses = saved.uses();
    assertThat(uses).hasSizeGreaterThan(40);
    assertThat(SavedObjectFields.problems(uses, SavedObjectsTest::generated)).isEmpty();
  }

  @Test
  void theCheckCatchesAMissingFieldAndAWrongType() {
    List<Use> wrong =
        List.of(
            new Use("x", "agentos-events-executions", "noSuchField", Need.EXISTS),
            new Use("x", "agentos-events-executions", "errorMessage", Need.AGGREGATABLE),
            new Use("x", "agentos-events-executions", "outcome", Need.NUMBER),
            new Use("x", "agentos-events-*", "outcome", Need.EXISTS));
    assertThat(SavedObjectFields.problems(wrong, SavedObjectsTest::generated))
        .hasSizeGreaterThanOrEqualTo(4)
        .anyMatch(problem -> problem.contains("noSuchField") && problem.contains("no such field"))
        .anyMatch(problem -> problem.contains("errorMessage") && problem.contains("text"));
  }

  @Test
  void theDashboardShowsEveryVisualisationAndSearchAndNothingDangles() {
    assertThat(saved.danglingReferences()).isEmpty();
    var dashboard =
        saved.objects().stream()
            .filter(object -> object.path("type").asText().equals("dashboard"))
            .findFirst()
            .orElseThrow();
    assertThat(dashboard.path("attributes").path("title").asText())
        .isEqualTo("AgentOS agent activity");
    long shown =
        saved.objects().stream()
            .filter(o -> List.of("visualization", "search").contains(o.path("type").asText()))
            .count();
    assertThat(dashboard.path("references")).hasSize((int) shown);
    assertThat(
            saved.objects().stream()
                .filter(o -> o.path("type").asText().equals("index-pattern"))
                .count())
        .isEqualTo(EventStreams.topics().size() + 1);
  }
}
