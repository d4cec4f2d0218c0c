package dev.agentos.executor.service;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The executor's settings ({@code agentos.executor.*} in {@code executor.yml}).
 *
 * @param bootstrapServers the Kafka the requests are read from
 * @param registryUrl the schema registry their records name
 * @param commandSideUrl where outcomes are recorded
 * @param apiKeyFile a file holding the executor's API key (EXECUTOR scope); {@code ./agentos up}
 *     issues it
 * @param slots how many sandboxes run at once; past it the consumer pauses
 * @param maxQueueWait how long a request may wait to be run before it expires unrun
 * @param workRoot where the sandboxes' private work folders are made (and removed)
 * @param keptEndedRuns how many ended runs' output followers can still read here
 * @param drainTimeout how long a stop waits for the runs going on to end and be recorded: above the
 *     longest wall timeout the command side allows, so a stop loses no run that would end
 */
@ConfigurationProperties("agentos.executor")
public record ExecutorProperties(
    String bootstrapServers,
    String registryUrl,
    String commandSideUrl,
    Path apiKeyFile,
    int slots,
    Duration maxQueueWait,
    Path workRoot,
    int keptEndedRuns,
    Duration drainTimeout) {}
