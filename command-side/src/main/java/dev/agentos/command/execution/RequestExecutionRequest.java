package dev.agentos.command.execution;

import static dev.agentos.command.FieldLimits.COMMAND;
import static dev.agentos.command.FieldLimits.ENVIRONMENT;
import static dev.agentos.command.FieldLimits.ENVIRONMENT_VALUE;
import static dev.agentos.command.FieldLimits.FILES;
import static dev.agentos.command.FieldLimits.FILES_TOTAL;
import static dev.agentos.command.FieldLimits.FILE_PATH;
import static dev.agentos.command.FieldLimits.KEY_TOO_LONG;
import static dev.agentos.command.FieldLimits.MAP_KEY;
import static dev.agentos.command.FieldLimits.SOURCE_TEXT;
import static dev.agentos.command.FieldLimits.STDIN;

import dev.agentos.command.web.ItemId;
import dev.agentos.command.web.MaxTotalLength;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * Body of {@code POST /v1/executions}: {@code code} or {@code files}, not both.
 *
 * @param executionId optional; one is made when absent
 * @param command the command line to run; null runs the code with the language's default runner
 * @param limits optional; each absent limit takes its configured default
 */
public record RequestExecutionRequest(
    @ItemId String executionId,
    @NotBlank @Size(max = 32) String language,
    @Size(max = 32) String languageVersion,
    @Size(max = SOURCE_TEXT) String code,
    @Size(max = FILES) @MaxTotalLength(FILES_TOTAL)
        Map<
                @NotBlank @Size(max = FILE_PATH, message = KEY_TOO_LONG) String,
                @NotNull @Size(max = SOURCE_TEXT) String>
            files,
    @Size(max = COMMAND) String command,
    @Size(max = ENVIRONMENT)
        Map<
                @NotBlank @Size(max = MAP_KEY, message = KEY_TOO_LONG) String,
                @NotNull @Size(max = ENVIRONMENT_VALUE) String>
            environment,
    @Size(max = STDIN) String stdin,
    @Valid ExecutionLimitsRequest limits) {}
