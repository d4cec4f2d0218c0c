package dev.agentos.projections.health;

import dev.agentos.projections.health.StalledSegments.Observation;
import dev.agentos.projections.health.StalledSegments.Stalled;
import dev.agentos.projections.replay.TopicEnds;
import dev.agentos.projections.source.KafkaEventProcessors;
import dev.agentos.projections.source.KafkaSourceProperties;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.TopicPartition;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.KafkaTrackingToken;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * Down while a processor segment is stalled ({@link StalledSegments}): it has not moved past the
 * same record for the configured while although its topics hold records after it. A record a store
 * keeps refusing would otherwise stop a read model silently. The details name each stalled
 * processor, segment, token position (partition → last offset read) and since when.
 */
public class ProcessorProgressHealthIndicator implements HealthIndicator {

  private final EventProcessingConfiguration processing;
  private final KafkaSourceProperties properties;
  private final TopicEnds ends;
  private final StalledSegments segments;

  public ProcessorProgressHealthIndicator(
      EventProcessingConfiguration processing,
      KafkaSourceProperties properties,
      TopicEnds ends,
      StalledSegments segments) {
    this.processing = processing;
    this.properties = properties;
    this.ends = ends;
    this.segments = segments;
  }

  @Override
  public Health health() {
    List<Stalled> stalled = segments.observe(observations());
    if (stalled.isEmpty()) {
      return Health.up().build();
    }
    return Health.down()
        .withDetail("stalled", stalled.stream().map(this::describe).toList())
        .build();
  }

  private List<Observation> observations() {
    List<Observation> observations = new ArrayList<>();
    properties
        .processors()
        .forEach(
            (group, configured) -> {
              if (!configured.enabled()) {
                return;
              }
              String name = configured.processorName(group);
              processing
                  .eventProcessor(name, PooledStreamingEventProcessor.class)
                  .ifPresent(
                      processor -> {
                        Map<TopicPartition, Long> end =
                            ends.of(KafkaEventProcessors.topicsOf(group, configured));
                        processor
                            .processingStatus()
                            .forEach(
                                (segment, status) ->
                                    observations.add(
                                        new Observation(name, segment, positions(status), end)));
                      });
            });
    return observations;
  }

  private static Map<TopicPartition, Long> positions(EventTrackerStatus status) {
    TrackingToken token = WrappedToken.unwrapLowerBound(status.getTrackingToken());
    return token instanceof KafkaTrackingToken kafka ? kafka.getPositions() : Map.of();
  }

  private Map<String, Object> describe(Stalled stalled) {
    Map<String, Long> position = new TreeMap<>();
    stalled.positions().forEach((partition, offset) -> position.put(partition.toString(), offset));
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("processor", stalled.processor());
    detail.put("segment", stalled.segment());
    detail.put("position", position);
    detail.put("since", stalled.since().toString());
    detail.put("behind", stalled.behind());
    return detail;
  }
}
