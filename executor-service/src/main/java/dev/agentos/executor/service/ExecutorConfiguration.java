package dev.agentos.executor.service;

import dev.agentos.auth.HttpApiConfiguration;
import dev.agentos.executor.intake.RequestIntake;
import dev.agentos.executor.output.OutputHub;
import dev.agentos.executor.run.ExecutionLifecycle;
import dev.agentos.executor.run.ExecutionRunner;
import dev.agentos.executor.sandbox.BubblewrapRunner;
import dev.agentos.executor.sandbox.Runtime;
import dev.agentos.executor.sandbox.Runtimes;
import dev.agentos.executor.sandbox.SandboxRunner;
import dev.agentos.schemas.registry.RegistryAvroDeserializer;
import dev.agentos.schemas.registry.RegistryAvroSerializer;
import dev.agentos.schemas.registry.RegistrySerdeConfig;
import dev.agentos.schemas.topics.Topics;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The executor's parts: the sandbox and the runtimes it finds on this machine, the intake reading
 * requests from Kafka, the runner taking each to its outcome, and the hub its output goes through.
 */
@Configuration
@Import(HttpApiConfiguration.class)
public class ExecutorConfiguration {

  /** The consumer group of every executor: a request goes to one of them. */
  public static final String GROUP = "agentos-executor";

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  SandboxRunner sandboxRunner(ExecutorProperties properties) {
    return BubblewrapRunner.onThisMachine(properties.workRoot());
  }

  @Bean
  List<Runtime> runtimes() {
    return Runtimes.detect();
  }

  @Bean
  OutputHub outputHub(ExecutorProperties properties) {
    return new OutputHub(properties.keptEndedRuns());
  }

  @Bean
  ExecutionLifecycle executionLifecycle(ExecutorProperties properties) {
    return CommandSideLifecycle.create(properties.commandSideUrl(), properties.apiKeyFile());
  }

  @Bean
  ExecutionRunner executionRunner(
      SandboxRunner sandbox,
      List<Runtime> runtimes,
      ExecutionLifecycle lifecycle,
      OutputHub output,
      ExecutorProperties properties,
      Clock clock) {
    return new ExecutionRunner(
        sandbox, runtimes, lifecycle, output, properties.maxQueueWait(), clock);
  }

  @Bean
  IntakeThread intake(ExecutorProperties properties, ExecutionRunner runner, Clock clock) {
    Map<String, Object> registry =
        Map.of(RegistrySerdeConfig.SCHEMA_REGISTRY_URL, properties.registryUrl());
    RegistryAvroDeserializer<Object> values = new RegistryAvroDeserializer<>();
    values.configure(registry, false);
    RegistryAvroSerializer<Object> letters = new RegistryAvroSerializer<>();
    letters.configure(registry, false);
    KafkaProducer<String, Object> deadLetters =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                properties.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true),
            new StringSerializer(),
            letters);
    KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                properties.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                GROUP,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                // Requests wait in Kafka, not here: a poll brings no more than a few slots' worth.
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                Math.max(8, 2 * properties.slots())),
            new StringDeserializer(),
            new ByteArrayDeserializer());
    RequestIntake intake =
        new RequestIntake(
            consumer,
            Topics.EXECUTIONS.name(),
            new RegistryEventDecoder(values, deadLetters, clock),
            runner,
            properties.slots(),
            properties.drainTimeout());
    return new IntakeThread(intake, deadLetters);
  }
}
