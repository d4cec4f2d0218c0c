package dev.agentos.command.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;

/**
 * The publisher's position in the event store, as the JSON kept on the position topic. It is the
 * whole tracking token, gaps included: the JDBC store hands out {@code {"index":20,"gaps":[3,7]}},
 * where the gaps are global indexes reserved by transactions that had not committed yet. Keeping
 * them is what makes an event that commits late still get published after a restart; a bare index
 * would skip it. Axon's in-memory store (unit tests) hands out {@code {"globalIndex":20}}.
 */
final class PositionJson {

  private static final ObjectMapper JSON = new ObjectMapper();

  private PositionJson() {}

  static String write(TrackingToken token) {
    ObjectNode node = JSON.createObjectNode();
    if (token instanceof GapAwareTrackingToken gapAware) {
      node.put("index", gapAware.getIndex());
      gapAware.getGaps().forEach(node.putArray("gaps")::add);
    } else if (token instanceof GlobalSequenceTrackingToken global) {
      node.put("globalIndex", global.getGlobalIndex());
    } else {
      throw new IllegalArgumentException(
          "cannot keep a position of type "
              + (token == null ? "null" : token.getClass().getName())
              + ": the publisher knows the JDBC store's gap-aware token and the in-memory store's"
              + " global sequence token");
    }
    return node.toString();
  }

  static TrackingToken read(String json) {
    JsonNode node;
    try {
      node = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("publisher position is not JSON: " + json, e);
    }
    if (node != null && node.path("index").isIntegralNumber()) {
      List<Long> gaps = new ArrayList<>();
      for (JsonNode gap : node.path("gaps")) {
        if (!gap.isIntegralNumber()) {
          throw new IllegalArgumentException(
              "publisher position has a gap that is no index: " + json);
        }
        gaps.add(gap.asLong());
      }
      return GapAwareTrackingToken.newInstance(node.get("index").asLong(), gaps);
    }
    if (node != null && node.path("globalIndex").isIntegralNumber()) {
      return new GlobalSequenceTrackingToken(node.get("globalIndex").asLong());
    }
    throw new IllegalArgumentException(
        "publisher position names neither an index nor a globalIndex: " + json);
  }
}
