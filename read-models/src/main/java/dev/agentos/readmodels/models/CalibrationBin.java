package dev.agentos.readmodels.models;

import io.swagger.v3.oas.annotations.media.Schema;

/** One bin of a version's reliability diagram on its held-out examples. */
public record CalibrationBin(
    @Schema(description = "lower bound of the predicted probabilities in the bin, inclusive")
        double lower,
    @Schema(description = "upper bound, exclusive (the last bin includes 1)") double upper,
    @Schema(description = "held-out examples in the bin") long examples,
    @Schema(description = "mean predicted probability of success in the bin") double meanPredicted,
    @Schema(description = "share of the bin's examples that succeeded") double observedRate) {}
