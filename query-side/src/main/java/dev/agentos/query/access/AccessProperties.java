package dev.agentos.query.access;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where and how often reads are recorded ({@code agentos.query.access.*}).
 *
 * @param bootstrapServers Kafka's bootstrap servers
 * @param registryUrl the schema registry the events' schemas are registered in
 * @param topic the topic of MemoryAccessed events, {@code Topics.MEMORY_ACCESS} (tests use their
 *     own)
 * @param flushInterval how long reads wait, at most, before they are published
 * @param maxBatchIds publish as soon as this many memory ids wait
 * @param maxPendingIds ids beyond this many waiting are dropped (and logged), so an unreachable
 *     Kafka costs statistics, never the query side's memory
 */
@Validated
@ConfigurationProperties("agentos.query.access")
public record AccessProperties(
    @NotBlank String bootstrapServers,
    @NotBlank String registryUrl,
    @DefaultValue("agentos.memory.access.v1") @NotBlank String topic,
    @DefaultValue("1s") @NotNull Duration flushInterval,
    @DefaultValue("500") @Positive int maxBatchIds,
    @DefaultValue("100000") @Positive int maxPendingIds) {}
