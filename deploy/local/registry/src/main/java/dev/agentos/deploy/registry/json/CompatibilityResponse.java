package dev.agentos.deploy.registry.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Answer to a compatibility check; {@code messages} only when asked with {@code verbose=true}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CompatibilityResponse(
    @JsonProperty("is_compatible") boolean compatible, List<String> messages) {}
