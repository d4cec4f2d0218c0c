package dev.agentos.flink.health;

/**
 * When one test last passed and last failed (keyed state POJO; {@link Long#MIN_VALUE} for never). A
 * test is flaky in a window when both fall in it: inputs are applied in event-time order, so when a
 * window is reported nothing after its end has been applied, and the latest pass (or fail) lies in
 * the window exactly when some pass (or fail) does.
 */
public class TestSighting {

  public long lastPassed = Long.MIN_VALUE;
  public long lastFailed = Long.MIN_VALUE;

  public TestSighting() {}

  boolean seenSince(long start) {
    return lastPassed >= start || lastFailed >= start;
  }

  boolean flakySince(long start) {
    return lastPassed >= start && lastFailed >= start;
  }
}
