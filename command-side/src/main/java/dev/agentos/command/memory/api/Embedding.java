package dev.agentos.command.memory.api;

import java.util.List;

/** A memory's vector and the model that made it; both are required together. */
public record Embedding(String model, List<Float> vector) {}
