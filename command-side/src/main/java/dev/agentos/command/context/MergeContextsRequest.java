package dev.agentos.command.context;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Body of {@code POST /v1/contexts/merge}.
 *
 * @param sourceContextIds two or more distinct open contexts of the caller's tenant
 * @param targetContextId optional id of the new context; one is made when absent
 */
public record MergeContextsRequest(
    @NotNull @Size(min = 2, max = 100) List<@NotBlank String> sourceContextIds,
    @NotBlank @Size(max = 200) String name,
    @Pattern(
            regexp = "[A-Za-z0-9][A-Za-z0-9._:-]{0,127}",
            message = "must be 1-128 of A-Z a-z 0-9 . _ : -")
        String targetContextId) {}
