package dev.agentos.flink.features;

import dev.agentos.events.common.EventHeader;
import dev.agentos.events.derived.FeatureEntity;
import dev.agentos.events.derived.FeatureVectorComputed;
import dev.agentos.schemas.avro.GeneratedAvroClasses;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/**
 * Turns a fired window's features into the {@link FeatureVectorComputed} of its entity, as of the
 * window's end. Everything in the event derives from the key, the window and the features, so the
 * same input always gives the same event, id included, and a replay is deduplicated downstream.
 */
public final class ToFeatureVector
    extends ProcessWindowFunction<
        FeatureAggregate.Result, FeatureVectorComputed, FeatureKey, TimeWindow> {

  private static final long serialVersionUID = 1L;

  static final String SOURCE = "flink:features";

  /** The header's agent when a vector is about no one agent (a project, a shared session). */
  static final String NO_AGENT = "flink";

  private final long windowSizeMillis;
  private final String nameSuffix;

  /** For the windows of {@code windowSize}, whose label ends every feature name. */
  public ToFeatureVector(Duration windowSize) {
    this.windowSizeMillis = windowSize.toMillis();
    this.nameSuffix = "." + FeatureWindowSettings.label(windowSize);
  }

  /**
   * Avro reads a generated class only once it is trusted, JVM-wide: the operators that read these
   * vectors from the network (the job's sink) run in the task managers this operator runs in, so
   * the trust is set here, before the first vector leaves.
   */
  @Override
  public void open(OpenContext openContext) {
    GeneratedAvroClasses.trust();
  }

  @Override
  public void process(
      FeatureKey key,
      Context context,
      Iterable<FeatureAggregate.Result> results,
      Collector<FeatureVectorComputed> out) {
    TimeWindow window = context.window();
    for (FeatureAggregate.Result result : results) {
      out.collect(vectorOf(key, window.getEnd(), result));
    }
  }

  FeatureVectorComputed vectorOf(FeatureKey key, long windowEnd, FeatureAggregate.Result result) {
    FeatureEntity entity = key.entity();
    String entityId = key.entityId();
    Instant end = Instant.ofEpochMilli(windowEnd);
    String agent =
        switch (entity) {
          case AGENT -> key.agentId();
          case SESSION -> result.agentId() != null ? result.agentId() : NO_AGENT;
          default -> NO_AGENT;
        };
    String id = entity + "|" + entityId + "|" + windowSizeMillis + "|" + windowEnd;
    EventHeader header =
        EventHeader.newBuilder()
            .setEventId(UUID.nameUUIDFromBytes(id.getBytes(StandardCharsets.UTF_8)).toString())
            .setOccurredAt(end)
            .setTenantId(key.tenantId())
            .setProjectId(key.projectId())
            .setAgentId(agent)
            .setSessionId(entity == FeatureEntity.SESSION ? key.sessionId() : null)
            .setSource(SOURCE)
            .build();
    List<String> names = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    for (Feature feature : result.features()) {
      names.add(feature.name() + nameSuffix);
      values.add(feature.value());
    }
    return FeatureVectorComputed.newBuilder()
        .setHeader(header)
        .setEntityType(entity)
        .setEntityId(entityId)
        .setFeatureSetVersion(FeatureSetV1.VERSION)
        .setWindow(FeatureWindowSettings.label(Duration.ofMillis(windowSizeMillis)))
        .setFeatureNames(names)
        .setFeatureValues(values)
        .setAsOf(end)
        .build();
  }
}
