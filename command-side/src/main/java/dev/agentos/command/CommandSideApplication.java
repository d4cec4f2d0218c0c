package dev.agentos.command;

import org.axonframework.spring.serialization.avro.AvroSchemaScan;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The write side of AgentOS: the HTTP command API and ingest gateway, the Axon aggregates on the
 * PostgreSQL event store, the publisher that copies their events to Kafka, and the dedup stage.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
// Aggregate events are the Avro records of schemas/, stored in the event store as Avro.
@AvroSchemaScan(basePackages = "dev.agentos.events")
public class CommandSideApplication {

  public static void main(String[] args) {
    SpringApplication.run(CommandSideApplication.class, args);
  }
}
