package dev.agentos.flink.features;

import dev.agentos.events.derived.FeatureVectorComputed;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * What {@link FeatureWindows#apply} gives the job to sink.
 *
 * @param vectors every window's feature vector, of every entity and window size
 * @param late the activities that came too late to be counted (see {@link FeatureWindows#LATE}),
 *     each once, for the job to dead-letter by position
 */
public record FeatureStreams(
    DataStream<FeatureVectorComputed> vectors, DataStream<Activity> late) {}
