package dev.agentos.flink.anomalies;

import java.util.Arrays;

/**
 * The last values of one metric series, oldest first, with their event times: the detector's whole
 * memory of a series. Two primitive arrays rather than a list of samples, so the keyed state of a
 * series stays a few hundred bytes and Flink serializes it without Kryo.
 *
 * <p>Never changed in place: {@link #append} returns a new window, so a window read from state can
 * be kept while the next one is built.
 *
 * @param eventTimes event times of the values, UTC epoch milliseconds, non-decreasing
 * @param values the values, same length as {@code eventTimes}
 */
public record SeriesWindow(long[] eventTimes, double[] values) {

  private static final SeriesWindow EMPTY = new SeriesWindow(new long[0], new double[0]);

  public SeriesWindow {
    if (eventTimes.length != values.length) {
      throw new IllegalArgumentException(
          eventTimes.length + " event times for " + values.length + " values");
    }
  }

  /** A window with nothing in it yet. */
  public static SeriesWindow empty() {
    return EMPTY;
  }

  public int size() {
    return values.length;
  }

  /** Event time of the oldest value; only for a non-empty window. */
  public long startMillis() {
    return eventTimes[0];
  }

  /** Event time of the newest value; only for a non-empty window. */
  public long lastMillis() {
    return eventTimes[eventTimes.length - 1];
  }

  /**
   * This window with a value added at its end, dropping the oldest ones beyond {@code capacity}.
   */
  public SeriesWindow append(long eventTime, double value, int capacity) {
    int keep = Math.min(values.length, capacity - 1);
    int from = values.length - keep;
    long[] times = Arrays.copyOfRange(eventTimes, from, values.length + 1);
    double[] vals = Arrays.copyOfRange(values, from, values.length + 1);
    times[keep] = eventTime;
    vals[keep] = value;
    return new SeriesWindow(times, vals);
  }

  // A record compares arrays by reference; windows are equal when their contents are.
  @Override
  public boolean equals(Object other) {
    return other instanceof SeriesWindow that
        && Arrays.equals(eventTimes, that.eventTimes)
        && Arrays.equals(values, that.values);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(eventTimes) + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "SeriesWindow" + Arrays.toString(values);
  }
}
