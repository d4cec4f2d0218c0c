package dev.agentos.deploy.local.service;

/**
 * One streaming learning job of flink-jobs, as the stack watches it.
 *
 * @param name the job's name: Flink lists it under this name in {@code /jobs/overview}
 * @param consumerGroup the Kafka consumer group its sources commit their offsets to on checkpoints
 */
public record LearningJob(String name, String consumerGroup) {}
