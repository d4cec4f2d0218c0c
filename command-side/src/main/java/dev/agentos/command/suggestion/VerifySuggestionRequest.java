package dev.agentos.command.suggestion;

import static dev.agentos.command.FieldLimits.COMMAND;
import static dev.agentos.command.FieldLimits.FILES;
import static dev.agentos.command.FieldLimits.FILES_TOTAL;
import static dev.agentos.command.FieldLimits.FILE_PATH;
import static dev.agentos.command.FieldLimits.KEY_TOO_LONG;
import static dev.agentos.command.FieldLimits.SOURCE_TEXT;

import dev.agentos.command.execution.ExecutionLimitsRequest;
import dev.agentos.command.web.MaxTotalLength;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * Body of {@code POST /v1/suggestions/{id}/verify}.
 *
 * @param testCommand the command that runs the tests, e.g. {@code pytest -q}
 * @param testFramework whose report names the tests, e.g. {@code pytest}; absent to infer
 * @param files extra working-directory files, typically the tests; the suggestion's code is added
 * @param limits optional; each absent limit takes its configured default
 */
public record VerifySuggestionRequest(
    @NotBlank @Size(max = COMMAND) String testCommand,
    @Size(max = 64) String testFramework,
    @Size(max = FILES) @MaxTotalLength(FILES_TOTAL)
        Map<
                @NotBlank @Size(max = FILE_PATH, message = KEY_TOO_LONG) String,
                @NotNull @Size(max = SOURCE_TEXT) String>
            files,
    @Valid ExecutionLimitsRequest limits) {}
