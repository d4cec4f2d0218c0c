package dev.agentos.projections.source;

/**
 * A store's refusal of one item of a batch for a reason no retry can change (a value too large, a
 * type it cannot take, a time out of its range): the item's record becomes a dead letter with the
 * reason and the rest of the batch is written.
 *
 * @param item the refused item, as it was handed to the writer
 * @param reason what the store said, naming the field when it did
 * @param errorClass the store's error type or exception class, when there was one
 */
public record Refusal<T>(T item, String reason, String errorClass) {}
