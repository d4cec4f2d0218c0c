package dev.agentos.command.ingest;

import static dev.agentos.command.ingest.RawEventReaderTest.CALLER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The JSON examples of {@code docs/api/ingest.md} are what the gateway accepts and answers. */
class IngestDocExamplesTest {

  private static final Path DOC = Path.of("..", "docs", "api", "ingest.md");
  private static final Pattern JSON_BLOCK = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL);
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theExampleRequestIsAcceptedWhole() throws IOException {
    List<JsonNode> requests = blocks().stream().filter(block -> block.has("events")).toList();

    assertThat(requests).isNotEmpty();
    for (JsonNode request : requests) {
      var producer = EventBatchIngestTest.producer(true);
      IngestResponse response =
          new EventBatchIngest(
                  producer, new RawEventReader(Clock.systemUTC()), 1000, Duration.ofSeconds(5))
              .ingest(request, CALLER, null, null);

      assertThat(response.results())
          .allSatisfy(result -> assertThat(result.errors()).as(result.toString()).isNull());
      assertThat(response.accepted()).isEqualTo(request.get("events").size());
      assertThat(producer.history()).hasSize(request.get("events").size());
    }
  }

  @Test
  void theExampleAnswerHasTheAnswersShape() throws IOException {
    List<JsonNode> answers = blocks().stream().filter(block -> block.has("results")).toList();

    assertThat(answers).isNotEmpty();
    for (JsonNode answer : answers) {
      IngestResponse parsed = JSON.treeToValue(answer, IngestResponse.class);
      assertThat(parsed).isEqualTo(IngestResponse.of(parsed.results()));
    }
  }

  private static List<JsonNode> blocks() throws IOException {
    List<JsonNode> blocks = new ArrayList<>();
    Matcher block = JSON_BLOCK.matcher(Files.readString(DOC));
    while (block.find()) {
      blocks.add(JSON.readTree(block.group(1)));
    }
    return blocks;
  }
}
