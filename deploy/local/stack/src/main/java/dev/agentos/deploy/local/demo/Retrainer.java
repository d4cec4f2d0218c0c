package dev.agentos.deploy.local.demo;

/** Runs {@code ./agentos retrain} against the demo's stack: the prediction models' training. */
@FunctionalInterface
public interface Retrainer {

  /** Trains every tenant's models on the history so far; fails when none could be trained. */
  void retrain() throws Exception;
}
