package dev.agentos.flink.features;

import dev.agentos.flink.io.SourcePosition;
import java.util.Arrays;
import java.util.function.LongPredicate;

/**
 * Run durations for exact quantiles over a bounded sample: up to {@link #CAPACITY} durations, all
 * of them while a window has no more, else the {@code CAPACITY} whose record positions hash lowest
 * (bottom-k sampling). The hash of a Kafka position is random-looking but fixed, so the sample is
 * uniform, yet the same for the same records whatever order they arrive in: a replay gives the same
 * quantiles, which a random reservoir or an insertion-order-sensitive sketch (t-digest) would not.
 * A Flink POJO of primitive arrays, so no Kryo.
 */
public class DurationSample {

  /** Enough for exact quantiles of an agent's hour, and a close p95 of a busy project's day. */
  public static final int CAPACITY = 1024;

  /** Sort keys of the kept durations: the hashes of their positions. */
  public long[] hashes = new long[0];

  /** The kept durations, parallel to {@link #hashes}. */
  public long[] durations = new long[0];

  public DurationSample() {}

  /** Offers the duration of the activity read at {@code position}. */
  public void add(SourcePosition position, long durationMs) {
    add(hashOf(position), durationMs);
  }

  /**
   * Keeps what adding {@code other}'s durations one by one would: all of both, or the {@link
   * #CAPACITY} with the lowest hashes. In one pass rather than by {@link #add}, which scans the
   * whole sample for each duration once it is full: a sliding window merges up to a day of hourly
   * samples whenever it fires.
   */
  public void addAll(DurationSample other) {
    int n = hashes.length + other.hashes.length;
    long[] allHashes = Arrays.copyOf(hashes, n);
    long[] allDurations = Arrays.copyOf(durations, n);
    System.arraycopy(other.hashes, 0, allHashes, hashes.length, other.hashes.length);
    System.arraycopy(other.durations, 0, allDurations, durations.length, other.durations.length);
    if (n <= CAPACITY) {
      hashes = allHashes;
      durations = allDurations;
      return;
    }
    long[] sortedHashes = allHashes.clone();
    Arrays.sort(sortedHashes);
    long highestKept = sortedHashes[CAPACITY - 1];
    hashes = new long[CAPACITY];
    durations = new long[CAPACITY];
    int kept = keep(allHashes, allDurations, 0, hash -> hash < highestKept);
    keep(allHashes, allDurations, kept, hash -> hash == highestKept);
  }

  /** Appends the durations whose hash {@code passes} after the first {@code kept}, up to full. */
  private int keep(long[] allHashes, long[] allDurations, int kept, LongPredicate passes) {
    for (int i = 0; i < allHashes.length && kept < CAPACITY; i++) {
      if (passes.test(allHashes[i])) {
        hashes[kept] = allHashes[i];
        durations[kept] = allDurations[i];
        kept++;
      }
    }
    return kept;
  }

  public int size() {
    return hashes.length;
  }

  /**
   * The nearest-rank {@code q}-quantile: the smallest kept duration that at least {@code q} of them
   * do not exceed ({@code sorted[ceil(q * n) - 1]}), so always a duration that was measured.
   *
   * @throws IllegalStateException when nothing was kept
   */
  public double quantile(double q) {
    if (durations.length == 0) {
      throw new IllegalStateException("no durations");
    }
    long[] sorted = durations.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(q * sorted.length);
    return sorted[Math.max(rank, 1) - 1];
  }

  private void add(long hash, long durationMs) {
    int n = hashes.length;
    if (n < CAPACITY) {
      hashes = Arrays.copyOf(hashes, n + 1);
      durations = Arrays.copyOf(durations, n + 1);
      hashes[n] = hash;
      durations[n] = durationMs;
      return;
    }
    int highest = 0;
    for (int i = 1; i < n; i++) {
      if (hashes[i] > hashes[highest]) {
        highest = i;
      }
    }
    if (hash < hashes[highest]) {
      hashes[highest] = hash;
      durations[highest] = durationMs;
    }
  }

  /** SplitMix64's finaliser over the position: spreads neighbouring offsets over all 64 bits. */
  static long hashOf(SourcePosition position) {
    long h = position.topic().hashCode() * 0x9E3779B97F4A7C15L;
    h ^= ((long) position.partition() << 48) ^ position.offset();
    h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
    h = (h ^ (h >>> 27)) * 0x94D49B97F4A7C15BL;
    return h ^ (h >>> 31);
  }
}
