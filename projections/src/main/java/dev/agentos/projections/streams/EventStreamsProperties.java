package dev.agentos.projections.streams;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param elasticsearchUrl where the stream indices live
 * @param indexPrefix put before every index, alias and template name; empty in production
 */
@ConfigurationProperties("agentos.projections.event-streams")
public record EventStreamsProperties(
    @DefaultValue("http://127.0.0.1:9200") String elasticsearchUrl,
    @DefaultValue("") String indexPrefix) {}
