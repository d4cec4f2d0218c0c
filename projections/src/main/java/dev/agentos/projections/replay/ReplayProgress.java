package dev.agentos.projections.replay;

import java.time.Instant;

/**
 * Where a read model's processor stands.
 *
 * @param readModel the processing group
 * @param processor the processor (its tokens' name)
 * @param running whether the processor runs
 * @param replaying whether a segment is still before the position it was reset at
 * @param caughtUp whether every segment has read to the end of its topics
 * @param finished whether the last replay is over: caught up and its read model's {@link
 *     AfterReplay} steps done (e.g. memory-cassandra's list indexes built), so the read model
 *     answers every query again; what {@code ./agentos replay} and {@code bench replay} wait for
 * @param lag offsets not read yet, summed over the partitions; a transaction's commit marker takes
 *     an offset too, so a caught-up processor may show up to one per partition
 * @param recordsPerSecond records read per second since the previous progress (or the replay's
 *     start)
 * @param recordsRead records read since the replay started
 * @param replayStartedAt when the last replay started, or null
 */
public record ReplayProgress(
    String readModel,
    String processor,
    boolean running,
    boolean replaying,
    boolean caughtUp,
    boolean finished,
    long lag,
    double recordsPerSecond,
    long recordsRead,
    Instant replayStartedAt) {}
