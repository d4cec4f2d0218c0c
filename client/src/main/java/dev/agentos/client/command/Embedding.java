package dev.agentos.client.command;

import java.util.List;

/** A memory's vector computed by the caller, with the model that computed it. */
public record Embedding(String model, List<Float> vector) {}
