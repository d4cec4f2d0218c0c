package dev.agentos.schemas.topics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.events.common.EventHeader;
import dev.agentos.events.metrics.MetricKind;
import dev.agentos.events.metrics.MetricRecorded;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricSeriesTest {

  @Test
  void keyIsTenantProjectNameAndTagsSortedByName() {
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put("tool", "bash");
    tags.put("model", "m1");

    assertThat(MetricSeries.keyOf(metric("acme", "web", "agent.tokens.used", tags)))
        .isEqualTo("acme/web/agent.tokens.used{model=m1,tool=bash}");
    assertThat(MetricSeries.keyOf(metric("acme", "web", "agent.tokens.used", Map.of())))
        .isEqualTo("acme/web/agent.tokens.used{}");
  }

  @Test
  void tagOrderDoesNotChangeTheKey() {
    Map<String, String> ab = new LinkedHashMap<>();
    ab.put("a", "1");
    ab.put("b", "2");
    Map<String, String> ba = new LinkedHashMap<>();
    ba.put("b", "2");
    ba.put("a", "1");

    assertThat(MetricSeries.keyOf(metric("t", "p", "n", ab)))
        .isEqualTo(MetricSeries.keyOf(metric("t", "p", "n", ba)));
  }

  @Test
  void differentTenantProjectNameOrTagsGiveDifferentKeys() {
    String key = MetricSeries.keyOf(metric("t", "p", "n", Map.of("a", "1")));

    assertThat(MetricSeries.keyOf(metric("u", "p", "n", Map.of("a", "1")))).isNotEqualTo(key);
    assertThat(MetricSeries.keyOf(metric("t", "q", "n", Map.of("a", "1")))).isNotEqualTo(key);
    assertThat(MetricSeries.keyOf(metric("t", "p", "m", Map.of("a", "1")))).isNotEqualTo(key);
    assertThat(MetricSeries.keyOf(metric("t", "p", "n", Map.of("a", "2")))).isNotEqualTo(key);
    assertThat(MetricSeries.keyOf(metric("t", "p", "n", Map.of("b", "1")))).isNotEqualTo(key);
    assertThat(MetricSeries.keyOf(metric("t", "p", "n", Map.of()))).isNotEqualTo(key);
  }

  @Test
  void separatorsInsidePartsAreEscaped() {
    assertThat(MetricSeries.keyOf("a/b", "c", "n", Map.of())).isEqualTo("a\\/b/c/n{}");
    assertThat(MetricSeries.keyOf("t", "p", "x{y}", Map.of("k,=", "v\\")))
        .isEqualTo("t/p/x\\{y\\}{k\\,\\==v\\\\}");
  }

  @Test
  void seriesThatWouldCollideUnescapedKeepDistinctKeys() {
    // Without escaping each pair below would print the same text.
    assertThat(MetricSeries.keyOf("a/b", "c", "n", Map.of()))
        .isNotEqualTo(MetricSeries.keyOf("a", "b/c", "n", Map.of()));
    assertThat(MetricSeries.keyOf("t", "p", "n", Map.of("k", "a,b=c")))
        .isNotEqualTo(MetricSeries.keyOf("t", "p", "n", Map.of("k", "a", "b", "c")));
    assertThat(MetricSeries.keyOf("t", "p", "n", Map.of("a=b", "c")))
        .isNotEqualTo(MetricSeries.keyOf("t", "p", "n", Map.of("a", "b=c")));
    assertThat(MetricSeries.keyOf("t", "p", "n{a=b}", Map.of()))
        .isNotEqualTo(MetricSeries.keyOf("t", "p", "n", Map.of("a", "b")));
    // Escaping the escape character itself is what keeps this pair apart.
    assertThat(MetricSeries.keyOf("t", "p", "n", Map.of("k", "a\\", "l\\", "b")))
        .isNotEqualTo(MetricSeries.keyOf("t", "p", "n", Map.of("k", "a,l=b")));
  }

  @Test
  void everyDifferentSeriesOverSpecialCharactersGetsItsOwnKey() {
    // Exhaustive over short strings of the characters that matter: any collision is a bug.
    List<String> ids = strings("a/\\{");
    Map<String, String> seen = new HashMap<>();
    for (String tenant : ids) {
      for (String project : ids) {
        for (String name : ids) {
          String series = List.of(tenant, project, name).toString();
          assertUnique(seen, MetricSeries.keyOf(tenant, project, name, Map.of()), series);
        }
      }
    }

    List<String> tagParts = strings("a,=\\");
    seen.clear();
    for (String name : strings("a{}")) {
      for (Map<String, String> tags : tagMaps(tagParts, name.isEmpty() ? 2 : 1)) {
        assertUnique(seen, MetricSeries.keyOf("t", "p", name, tags), name + tags);
      }
    }
  }

  private static void assertUnique(Map<String, String> seen, String key, String series) {
    String previous = seen.putIfAbsent(key, series);
    assertThat(previous).as("key %s of %s", key, series).isNull();
  }

  /** All strings of length 0 to 2 over the given characters. */
  private static List<String> strings(String alphabet) {
    List<String> out = new ArrayList<>(List.of(""));
    for (char a : alphabet.toCharArray()) {
      out.add(String.valueOf(a));
      for (char b : alphabet.toCharArray()) {
        out.add("" + a + b);
      }
    }
    return out;
  }

  /** Every map of at most maxEntries (1 or 2) entries with keys and values from parts. */
  private static List<Map<String, String>> tagMaps(List<String> parts, int maxEntries) {
    List<Map<String, String>> maps = new ArrayList<>(List.of(Map.of()));
    for (int i = 0; i < parts.size(); i++) {
      for (String v1 : parts) {
        maps.add(Map.of(parts.get(i), v1));
        for (int j = i + 1; maxEntries == 2 && j < parts.size(); j++) {
          for (String v2 : parts) {
            maps.add(Map.of(parts.get(i), v1, parts.get(j), v2));
          }
        }
      }
    }
    return maps;
  }

  private static MetricRecorded metric(
      String tenant, String project, String name, Map<String, String> tags) {
    EventHeader header =
        EventHeader.newBuilder()
            .setEventId("00000000-0000-4000-8000-000000000001")
            .setOccurredAt(Instant.parse("2025-01-01T00:00:00Z"))
            .setTenantId(tenant)
            .setProjectId(project)
            .setAgentId("agent-1")
            .setSource("http")
            .build();
    return MetricRecorded.newBuilder()
        .setHeader(header)
        .setName(name)
        .setKind(MetricKind.COUNTER)
        .setValue(1.0)
        .setUnit("1")
        .setTags(tags)
        .build();
  }
}
