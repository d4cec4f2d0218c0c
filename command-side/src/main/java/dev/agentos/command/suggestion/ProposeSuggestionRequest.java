package dev.agentos.command.suggestion;

import static dev.agentos.command.FieldLimits.FILE_PATH;
import static dev.agentos.command.FieldLimits.SOURCE_TEXT;

import dev.agentos.command.web.ItemId;
import dev.agentos.events.interactions.SuggestionFormat;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /v1/suggestions}.
 *
 * @param suggestionId optional; one is made when absent
 * @param filePath project-relative path the change applies to; absent for a free-standing snippet
 * @param confidence the agent's own estimate in [0,1], when it has one
 */
public record ProposeSuggestionRequest(
    @ItemId String suggestionId,
    @Size(max = 128) String turnId,
    @NotBlank @Size(max = 32) String language,
    @Size(max = FILE_PATH) String filePath,
    @NotNull SuggestionFormat format,
    @NotBlank @Size(min = 1, max = SOURCE_TEXT) String code,
    @Size(max = 10000) String rationale,
    @DecimalMin("0") @DecimalMax("1") Float confidence) {}
